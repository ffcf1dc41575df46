import { definitionKey } from '../project/project-index';
import type { Rule } from './rule';
import { displayPath } from './shared';

export const rule: Rule = {
  meta: {
    id: 'action-called-in-effect',
    defaultSeverity: 'warning',
    title: 'A client component loads data through a Server Action in an effect or as a query function',
    why: 'Calling an action on mount (in `useEffect`) or as a data-fetching query function uses a POST-only, uncached, one-at-a-time mutation channel to load data: the page waits for a round trip after hydration, and nothing can be cached or prefetched. (A mutation fired from an effect inside `startTransition` is the documented pattern, and is not reported.)',
    fix: 'Load the data in a Server Component and pass it as props; if the client must fetch, call a GET Route Handler from the query function.',
    bad: "'use client'\n\nuseEffect(() => {\n  getTasks(projectId).then(setTasks)\n}, [projectId])",
    good: "// Server Component\nconst tasks = await listTasks(projectId)\nreturn <TaskList tasks={tasks} />",
  },
  check(context) {
    const { behaviour, file, index } = context;
    // Reported at the call, in the client component, where the code must change.
    for (const usage of file.usages) {
      if (usage.context !== 'effect' && usage.context !== 'query-fn') continue;
      const definition = index.resolveLocal(file.path, usage.name);
      if (!definition) continue;
      const action = index.actionsIn(definition.file).find((a) => a.key === definitionKey(definition));
      const actionFacts = index.facts(definition.file);
      if (!action?.fn || !actionFacts) continue;
      const fn = action.fn;
      const mutates = behaviour.writes(actionFacts, fn).length > 0 || behaviour.cookieWrites(fn).length > 0 || behaviour.revalidations(actionFacts, fn).length > 0;
      if (mutates || !fn.returns.some((r) => r.kind === 'value')) continue;
      const how = usage.context === 'effect' ? 'inside useEffect' : 'as a query function';
      context.report(
        usage.span,
        `The Server Action "${action.name}" is called ${how} to load data. Actions are POST-only, uncached and queued one at a time, so loading through "${action.name}" (${displayPath(context, action.file)}) delays the page and defeats caching. Load the data in a Server Component and pass it down, or fetch a GET Route Handler.`,
        [{ file: action.file, span: action.span, message: 'The Server Action that only loads data' }],
      );
    }
  },
};
