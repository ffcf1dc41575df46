import type { Rule } from './rule';
import { describeRoute } from './shared';
import { guardingProxy, unguardedRouteWrite } from '../unguarded-writes';

export const rule: Rule = {
  meta: {
    id: 'route-missing-auth',
    defaultSeverity: 'hint',
    title: 'A mutating Route Handler writes data with no authentication',
    why: 'A Route Handler is a public URL. A `POST`, `PUT`, `PATCH` or `DELETE` that writes with no session check, no API key or bearer token, and no signature verification lets anyone on the internet change your data.',
    accuracy: "On the labelled public apps of `eval/`, most mutating handlers that write with no recognisable check are authorised some other way: a viewer's capability (a link id, a view id and its expiry), a one-time code checked against a stored token, an anonymous but rate-limited public form. Syntax cannot tell those from a missing check, so the rule is a hint by default; set it to `warning` in a project whose routes all sit behind a session or an API key.",
    fix: 'Authenticate the caller before the write: the session for your own UI, an API key or bearer token for machine clients, a signature check for webhooks.',
    bad: "export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {\n  await db.project.delete({ where: { id: (await params).id } })\n  return new Response(null, { status: 204 })\n}",
    good: "export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {\n  const user = await userFromBearerToken(request.headers.get('authorization'))\n  if (!user) return Response.json({ error: 'Unauthorized' }, { status: 401 })\n  await projects.remove(user.id, (await params).id)\n  return new Response(null, { status: 204 })\n}",
  },
  check(context) {
    for (const route of context.routes) {
      const write = unguardedRouteWrite(context, route);
      // Behind a proxy that checks the session, auth-only-in-proxy tells it.
      if (!write || guardingProxy(context, route)) continue;
      context.report(
        route.span,
        `${describeRoute(route)} writes data ("${write.label}") with no authentication. It checks no session, API key, bearer token or signature, so anyone who finds "${route.url.pattern}" can change your data. Authenticate the caller before the write.`,
        [{ file: route.fnFile, span: write.span, message: 'The unauthenticated write' }],
      );
    }
  },
};
