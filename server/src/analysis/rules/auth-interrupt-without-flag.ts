import type { Rule } from './rule';

const AUTH_INTERRUPTS: ReadonlySet<string> = new Set(['forbidden', 'unauthorized']);

export const rule: Rule = {
  meta: {
    id: 'auth-interrupt-without-flag',
    defaultSeverity: 'error',
    title: 'forbidden() or unauthorized() is called while experimental.authInterrupts is off',
    why: '`forbidden()` and `unauthorized()` from `next/navigation` are experimental: unless `experimental.authInterrupts` is enabled in `next.config`, each call throws an error instead of rendering the 403 or 401 page, so the user who should be turned away gets an error page, and a Route Handler answers 500.',
    fix: 'Enable the flag in `next.config` (`experimental: { authInterrupts: true }`), or answer the request yourself (`redirect()` to sign in, a 401 or 403 `Response`).',
    bad: "// next.config.ts: no experimental.authInterrupts\nimport { forbidden } from 'next/navigation'\n\nexport default async function AdminPage() {\n  const session = await verifySession()\n  if (session.role !== 'admin') forbidden()\n  return <Admin />\n}",
    good: "// next.config.ts\nconst nextConfig: NextConfig = {\n  experimental: { authInterrupts: true },\n}",
    sources: [
      { title: 'authInterrupts — next.config.js option', url: 'https://nextjs.org/docs/app/api-reference/config/next-config-js/authInterrupts' },
      { title: 'forbidden — Next.js API reference', url: 'https://nextjs.org/docs/app/api-reference/functions/forbidden' },
      { title: 'unauthorized — Next.js API reference', url: 'https://nextjs.org/docs/app/api-reference/functions/unauthorized' },
    ],
  },
  check(context) {
    const { behaviour, file, app } = context;
    // A config read to the end that does not enable the flag; one that cannot be read says nothing.
    if (!app || app.authInterrupts !== false) return;
    const config = app.configPath ? 'next.config' : 'a next.config file';
    for (const { call, imported } of behaviour.importedCallsInFile(file, 'next/navigation', AUTH_INTERRUPTS)) {
      context.report(
        call.span,
        `${imported}() throws here, because experimental.authInterrupts is not enabled. Without the flag it raises an error instead of rendering the ${imported === 'forbidden' ? '403' : '401'} page. Enable experimental.authInterrupts in ${config}, or answer the request yourself.`,
      );
    }
  },
};
