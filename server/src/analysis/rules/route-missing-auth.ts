import { MUTATING_METHODS } from '../project/project-index';
import type { Rule } from './rule';
import { authenticatedBefore } from './shared';

export const rule: Rule = {
  meta: {
    id: 'route-missing-auth',
    defaultSeverity: 'warning',
    title: 'A mutating Route Handler writes data with no authentication',
    why: 'A Route Handler is a public URL. A `POST`, `PUT`, `PATCH` or `DELETE` that writes with no session check, no API key or bearer token, and no signature verification lets anyone on the internet change your data.',
    fix: 'Authenticate the caller before the write: the session for your own UI, an API key or bearer token for machine clients, a signature check for webhooks.',
    bad: "export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {\n  await db.project.delete({ where: { id: (await params).id } })\n  return new Response(null, { status: 204 })\n}",
    good: "export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {\n  const user = await userFromBearerToken(request.headers.get('authorization'))\n  if (!user) return Response.json({ error: 'Unauthorized' }, { status: 401 })\n  await projects.remove(user.id, (await params).id)\n  return new Response(null, { status: 204 })\n}",
  },
  check(context) {
    const { behaviour, index } = context;
    for (const route of context.routes) {
      const fn = route.fn;
      const facts = index.facts(route.fnFile);
      if (!fn || !facts || !MUTATING_METHODS.has(route.method)) continue;
      const write = behaviour.writes(facts, fn)[0];
      if (!write) continue;
      const verified = behaviour.signatureChecks(fn).length > 0 || fn.headerReads.some((h) => behaviour.vocabulary.credentialHeaders.has(h.name));
      if (verified || authenticatedBefore(context, route.fnFile, fn, route.wrapper, write.span.start)) continue;
      const label = route.method === 'ANY' ? 'This API route' : `This \`${route.method}\` handler`;
      context.report(
        route.span,
        `${label} writes data (\`${write.label}\`) with no session check, API key, bearer token or signature verification: anyone who finds \`${route.url.pattern}\` can change your data. Authenticate the caller before the write.`,
        [{ file: route.fnFile, span: write.span, message: 'The unauthenticated write' }],
      );
    }
  },
};
