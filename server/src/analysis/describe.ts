import type { UsageContext } from './facts/file-facts';
import type { ProjectIndex } from './project/project-index';
import { relativePath } from './project/paths';

const CONTEXT_LABELS: Record<UsageContext, string> = {
  'form-action': 'form action',
  'action-state': 'useActionState',
  effect: 'in an effect',
  'query-fn': 'query function',
  transition: 'in a transition',
  'event-handler': 'event handler',
  render: 'awaited while rendering',
  call: 'call',
  reference: 'reference',
};
const MAX_LISTED = 8;

/**
 * A Markdown summary of the action or route handler declared at an offset: what it is on the wire
 * and who calls it. `null` when the offset is on neither.
 */
export function describeAt(index: ProjectIndex, path: string, offset: number): string | null {
  const within = (span: { start: number; end: number }): boolean => span.start <= offset && offset <= span.end;
  const app = index.appOf(path);
  const shown = (file: string): string => (app ? relativePath(app.root, file) : file);
  const action = index.actionsIn(path).find((a) => within(a.span));
  if (action) {
    const callers = index.usagesOf(action.key);
    const lines = callers.slice(0, MAX_LISTED).map((ref) => `- ${ref.usage.container ? `\`${ref.usage.container}\` in ` : ''}${shown(ref.file)} — ${CONTEXT_LABELS[ref.usage.context]}`);
    return [
      `**Server Action** \`${action.name}\` — a public \`POST\` endpoint: anyone can call it with any arguments.`,
      callers.length === 0 ? 'No callers found in this workspace.' : `Called from ${callers.length} place${callers.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
    ].join('\n\n');
  }
  const route = index.routesIn(path).find((r) => within(r.span));
  if (route) {
    const fetches = index.fetchesOf(route.key);
    const method = route.method === 'ANY' ? 'Any method' : route.method;
    const lines = fetches.slice(0, MAX_LISTED).map((ref) => `- ${shown(ref.file)} (\`${ref.fn.name}\`)`);
    return [
      `**Route Handler** \`${method} ${route.url.pattern}\` — a public URL, with full HTTP semantics.`,
      fetches.length === 0 ? 'No `fetch` of it found in this workspace: external clients only, as far as the code shows.' : `Fetched by this app from:\n${lines.join('\n')}`,
    ].join('\n\n');
  }
  return null;
}
