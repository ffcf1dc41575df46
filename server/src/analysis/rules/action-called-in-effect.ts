import type { Rule } from './rule';
import { describeCaller, relatedUsages, usagesIn } from './shared';

export const rule: Rule = {
  meta: {
    id: 'action-called-in-effect',
    defaultSeverity: 'warning',
    title: 'A client component calls a Server Action in an effect or as a query function',
    why: 'Calling an action on mount (in `useEffect`) or as a data-fetching query function uses a POST-only, uncached, one-at-a-time mutation channel to load data: the page waits for a round trip after hydration, and nothing can be cached or prefetched.',
    fix: 'Load the data in a Server Component and pass it as props; if the client must fetch, call a GET Route Handler from the query function.',
    bad: "'use client'\n\nuseEffect(() => {\n  getTasks(projectId).then(setTasks)\n}, [projectId])",
    good: "// Server Component\nconst tasks = await listTasks(projectId)\nreturn <TaskList tasks={tasks} />",
  },
  check(context) {
    for (const action of context.actions) {
      const callers = usagesIn(context, action, ['effect', 'query-fn']);
      const first = callers[0];
      if (!first) continue;
      const how = first.usage.context === 'effect' ? 'inside `useEffect`' : 'as a query function';
      context.report(
        action.span,
        `\`${action.name}\` is called ${how} in ${describeCaller(context, first)}: actions are POST-only, uncached and queued one at a time, so loading data through them delays the page and defeats caching. Load the data in a Server Component and pass it down, or fetch a GET Route Handler.`,
        relatedUsages(callers, (ref) => `Called ${ref.usage.context === 'effect' ? 'in an effect' : 'as a query function'} in ${describeCaller(context, ref)}`),
      );
    }
  },
};
