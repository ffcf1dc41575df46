import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'route-error-without-status',
    defaultSeverity: 'warning',
    title: 'A Route Handler returns an error body with a success status',
    why: 'HTTP clients, `fetch(...).ok`, retries, caches and monitoring all read the status code, not the body. An `{ error }` body sent with 200 is a success to every one of them.',
    fix: 'Send the matching status: `NextResponse.json({ error }, { status: 400 })` (or 401, 403, 404, 409, 422, 500…).',
    bad: "if (!parsed.success) {\n  return NextResponse.json({ error: 'Invalid task' })\n}",
    good: "if (!parsed.success) {\n  return NextResponse.json({ error: 'Invalid task' }, { status: 422 })\n}",
  },
  check(context) {
    for (const route of context.routes) {
      if (!route.fn || route.fnFile !== context.file.path) continue;
      for (const returned of route.fn.returns) {
        if (returned.kind !== 'response' || !returned.errorBody) continue;
        const status = returned.status;
        if (status !== null && (status < 200 || status > 299)) continue;
        context.report(
          returned.span,
          `This response carries an error body with status ${status ?? '200 (the default)'}. Clients, response.ok, caches and monitoring read the status and take it for a success. Pass the matching status, as in NextResponse.json({ error }, { status: 400 }).`,
        );
      }
    }
  },
};
