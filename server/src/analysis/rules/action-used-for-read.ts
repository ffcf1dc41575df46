import type { Rule } from './rule';
import { describeCaller, relatedUsages, usagesIn } from './shared';

export const rule: Rule = {
  meta: {
    id: 'action-used-for-read',
    defaultSeverity: 'warning',
    title: 'A Server Action is used to read data',
    why: 'Server Actions are POST-only, never cached, and a client runs them one at a time, so reads through them are slow and cannot be cached or deduplicated. Awaited in a Server Component, an action is just a function call that also exposes a public endpoint.',
    fix: 'Read in a Server Component, calling the data layer (or a service) directly, and pass the data down; for client-side fetching use a GET Route Handler.',
    bad: "'use server'\n\nexport async function getProjects() {\n  return db.project.findMany()\n}",
    good: "// app/projects/page.tsx\nexport default async function ProjectsPage() {\n  const projects = await listProjects()\n  return <ProjectList projects={projects} />\n}",
  },
  check(context) {
    const { behaviour, file } = context;
    for (const action of context.actions) {
      const fn = action.fn;
      // Unknown is not a read: every call must be known to read, or to change nothing.
      if (!fn || !behaviour.onlyReads(file, fn)) continue;
      const rendered = usagesIn(context, action, ['render']).filter((ref) => !context.index.runsInBrowser(ref.file));
      if (rendered.length > 0) {
        context.report(
          action.span,
          `The Server Action "${action.name}" is awaited while rendering a Server Component. In ${describeCaller(context, rendered[0]!)} it is an ordinary function call, and its 'use server' export only adds a public POST endpoint. Call the data layer (or a service) directly from the component.`,
          relatedUsages(rendered, (ref) => `Awaited in ${describeCaller(context, ref)}`),
        );
        continue;
      }
      if (!fn.returns.some((r) => r.kind === 'value')) continue;
      const read = behaviour.reads(file, fn)[0];
      context.report(
        action.span,
        `The Server Action "${action.name}" changes nothing and returns data. Server Actions are POST-only, uncached and run one at a time per client, so reading through one is slow and cannot be cached. Read in a Server Component (or a GET Route Handler) instead.`,
        read ? [{ file: action.file, span: read.span, message: 'The read' }] : [],
      );
    }
  },
};
