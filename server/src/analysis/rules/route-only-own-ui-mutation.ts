import { MUTATING_METHODS } from '../project/project-index';
import type { Rule } from './rule';
import { displayPath } from './shared';

/** `streamText`, `toTextStreamResponse`, `createUIMessageStream`… */
const STREAMING = /^stream[A-Z]|Stream(Response)?$/;

export const rule: Rule = {
  meta: {
    id: 'route-only-own-ui-mutation',
    defaultSeverity: 'info',
    title: "A mutating Route Handler is called only by this app's own client components",
    why: "When the only caller of a POST/PUT/PATCH/DELETE route is your own UI, a Server Action does the same job with less code: typed arguments instead of hand-made JSON, progressive enhancement for forms, and revalidation in the same round trip.",
    fix: 'Turn the handler into a Server Action (keeping the logic in a shared service), unless third parties call this endpoint; then add what marks it as public (CORS, an API key check) or suppress this finding.',
    bad: "// components/new-task.tsx ('use client')\nawait fetch('/api/tasks', { method: 'POST', body: JSON.stringify({ title }) })\nrouter.refresh()",
    good: "// components/new-task.tsx ('use client')\n<form action={createTask}>…</form>",
  },
  check(context) {
    const { behaviour, index } = context;
    const hasOptions = context.routes.some((r) => r.method === 'OPTIONS');
    for (const route of context.routes) {
      const fn = route.fn;
      if (!fn || !MUTATING_METHODS.has(route.method) || route.method === 'ANY' || hasOptions) continue;
      const callers = index.fetchesOf(route.key);
      if (callers.length === 0 || !callers.every((ref) => index.runsInBrowser(ref.file))) continue;
      const v = behaviour.vocabulary;
      const external = behaviour.verifiesCaller(fn) || behaviour.webhookSignal(fn) !== null || fn.headerWrites.some((h) => v.corsHeaders.has(h.name));
      // Streams and uploads are what routes are for.
      const streams = fn.constructs.some((c) => v.streams.has(c.name)) || fn.calls.some((c) => STREAMING.test(c.members[c.members.length - 1] ?? c.root ?? ''));
      if (external || streams || fn.fileUses.length > 0) continue;
      const where = [...new Set(callers.map((ref) => displayPath(context, ref.file)))].join(', ');
      context.report(
        route.span,
        `"${route.method} ${route.url.pattern}" is only called by this app's own client components. For its callers (${where}), a Server Action would do the same with typed arguments, progressive enhancement and revalidation in one round trip. Consider an action, unless third parties call this endpoint.`,
        callers.map((ref) => ({ file: ref.file, span: ref.fetch.span, message: `fetch ${ref.fetch.method} from a client component` })),
      );
    }
  },
};
