import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'route-get-side-effects',
    defaultSeverity: 'warning',
    title: 'A `GET` Route Handler writes data or sets cookies',
    why: 'GET requests are meant to be safe: browsers prefetch them, CDNs cache them, crawlers and link previews follow them, and clients retry them. A write in a GET runs when nobody meant it to, or never reaches the server at all.',
    fix: 'Move the change to a `POST` (or `PUT`/`PATCH`/`DELETE`) handler, or to a Server Action called from your UI.',
    bad: "export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {\n  await db.task.update({ where: { id: (await params).id }, data: { done: true } })\n  return Response.json({ ok: true })\n}",
    good: "export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {\n  await tasks.complete((await params).id)\n  return Response.json({ ok: true })\n}",
  },
  check(context) {
    const { behaviour, index } = context;
    for (const route of context.routes) {
      const fn = route.fn;
      const facts = index.facts(route.fnFile);
      if (!fn || !facts || (route.method !== 'GET' && route.method !== 'ANY')) continue;
      // A pages/api handler serves every method: what counts is its `GET` branch.
      const inGet = (span: { start: number }): boolean => route.method === 'GET' || fn.calls.some((c) => c.span.start === span.start && c.httpMethod === 'GET');
      // This app's stored data: a log line posted to a chat webhook is no change a crawler should fear.
      const write = behaviour.dataWrites(facts, fn).find((w) => inGet(w.span));
      const cookie = behaviour.cookieWrites(fn).find((c) => inGet(c.span));
      const effect = write ? { span: write.span, what: `writes data ("${write.label}")` } : cookie ? { span: cookie.span, what: 'sets cookies' } : null;
      if (!effect) continue;
      context.report(
        route.span,
        `${route.method === 'ANY' ? 'The GET branch of this pages/api handler' : 'This GET handler'} ${effect.what}. GET requests are prefetched, cached, crawled and retried, so the change runs when nobody asked for it. Use POST (or PUT, PATCH, DELETE) for changes.`,
        [{ file: route.fnFile, span: effect.span, message: 'The side effect' }],
      );
    }
  },
};
