import type { Span } from '../types';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'action-http-semantics',
    defaultSeverity: 'info',
    title: 'A Server Action tries to speak HTTP',
    why: "A Server Action always answers its caller with a 200 POST response carrying its return value in React's wire format: a `Response` it returns, the status codes and cache headers it sets, and the streams it builds never reach a client as HTTP.",
    fix: 'Return plain data (and errors as values) from the action; when callers need status codes, headers, caching or streaming, make it a Route Handler.',
    bad: "'use server'\n\nexport async function exportTasks() {\n  const csv = await buildCsv()\n  return new Response(csv, { headers: { 'Content-Type': 'text/csv' } })\n}",
    good: "// app/api/tasks/export/route.ts\nexport async function GET() {\n  const csv = await buildCsv()\n  return new Response(csv, { headers: { 'Content-Type': 'text/csv' } })\n}",
  },
  check(context) {
    const { vocabulary } = context.behaviour;
    for (const action of context.actions) {
      const fn = action.fn;
      if (!fn) continue;
      const found: { span: Span; what: string }[] = [];
      for (const returned of fn.returns) if (returned.kind === 'response') found.push({ span: returned.span, what: 'returns a Response' });
      for (const built of fn.constructs) {
        if (built.name === 'Response' || built.name === 'NextResponse') found.push({ span: built.span, what: `builds a ${built.name}` });
        if (vocabulary.streams.has(built.name)) found.push({ span: built.span, what: `streams through a ${built.name}` });
      }
      for (const header of fn.headerWrites) if (vocabulary.cacheHeaders.has(header.name)) found.push({ span: header.span, what: `sets the "${header.name}" header` });
      const first = found.sort((a, b) => a.span.start - b.span.start)[0];
      if (!first) continue;
      context.report(
        action.span,
        `"${action.name}" ${first.what} in a Server Action, which has no HTTP semantics. An action always answers with a 200 POST carrying its return value: status codes, headers and streams are lost. Return plain data, or make this a Route Handler if callers need HTTP.`,
        [{ file: action.file, span: first.span, message: 'HTTP semantics in an action' }],
      );
    }
  },
};
