import type { Rule } from './rule';
import { baseName } from '../project/paths';
import { describeRoute } from './shared';
import { guardingProxy, unguardedActionWrite, unguardedRouteWrite } from '../unguarded-writes';

export const rule: Rule = {
  meta: {
    id: 'auth-only-in-proxy',
    defaultSeverity: 'warning',
    title: "A write is protected only by the proxy (middleware), with no check of its own",
    why: 'The Next.js docs say a proxy (`proxy.ts`, `middleware.ts` before Next.js 16) is for optimistic checks, not a full authorization layer. It can be bypassed: a run of advisories let crafted requests skip middleware entirely (CVE-2025-29927 and later ones), a matcher change can leave a path uncovered, and a Server Action can be posted to any page. A Server Action or Route Handler that writes must check the session itself, next to the data.',
    fix: 'Keep the proxy for redirects, and check the session in the action or handler before the write (`const session = await auth()`), or in the data access layer it calls.',
    bad: "// proxy.ts checks the session for every path\nexport async function POST(request: Request) {\n  const { id } = await request.json()\n  await db.project.delete({ where: { id } })\n  return new Response(null, { status: 204 })\n}",
    good: "export async function POST(request: Request) {\n  const session = await auth()\n  if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 })\n  const { id } = await request.json()\n  await projects.remove(session.user.id, id)\n  return new Response(null, { status: 204 })\n}",
    sources: [
      { title: 'Proxy — Next.js docs ("not intended for … a full session management or authorization solution")', url: 'https://nextjs.org/docs/app/getting-started/proxy' },
      { title: 'Authentication — optimistic checks with Proxy', url: 'https://nextjs.org/docs/app/guides/authentication#optimistic-checks-with-proxy-optional' },
      { title: 'Data security — Next.js guide', url: 'https://nextjs.org/docs/app/guides/data-security' },
      { title: 'CVE-2025-29927 — authorization bypass in Next.js middleware', url: 'https://github.com/advisories/GHSA-f82v-jwr5-mffw' },
    ],
  },
  check(context) {
    for (const action of context.actions) {
      const unguarded = unguardedActionWrite(context, action);
      const proxy = unguarded && guardingProxy(context, action);
      if (!unguarded || !proxy) continue;
      context.report(
        action.span,
        `"${action.name}" relies on ${baseName(proxy.file)} alone to check the session before it writes. It writes "${unguarded.write.label}" with no check of its own, yet a proxy is no authorization layer: advisories such as CVE-2025-29927 let requests skip it, and an action can be posted to any page. Check the user in the action before the write.`,
        [
          { file: action.file, span: unguarded.write.span, message: 'The write the action does not guard itself' },
          { file: proxy.file, span: proxy.span, message: `The ${proxy.name} that checks the session` },
        ],
      );
    }
    for (const route of context.routes) {
      const write = unguardedRouteWrite(context, route);
      const proxy = write && guardingProxy(context, route);
      if (!write || !proxy) continue;
      context.report(
        route.span,
        `${describeRoute(route)} relies on ${baseName(proxy.file)} alone to check the session before it writes. It writes "${write.label}" with no check of its own, yet a proxy is no authorization layer: advisories such as CVE-2025-29927 let requests skip it, and a matcher change can leave "${route.url.pattern}" uncovered. Authenticate the caller in the handler before the write.`,
        [
          { file: route.fnFile, span: write.span, message: 'The write the handler does not guard itself' },
          { file: proxy.file, span: proxy.span, message: `The ${proxy.name} that checks the session` },
        ],
      );
    }
  },
};
