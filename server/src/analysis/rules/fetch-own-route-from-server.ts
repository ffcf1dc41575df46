import type { Rule } from './rule';
import { displayPath } from './shared';

const JOB_RUNNERS = /^(@trigger\.dev\/|inngest)/;
const PAGES_DATA_FUNCTIONS = new Set(['getServerSideProps', 'getStaticProps', 'getStaticPaths', 'getInitialProps']);

export const rule: Rule = {
  meta: {
    id: 'fetch-own-route-from-server',
    defaultSeverity: 'warning',
    title: "Server code fetches this app's own Route Handler",
    why: 'On the server, fetching your own Route Handler sends an HTTP request out of the process and back in: an extra hop, a second cold start on serverless, lost request context (cookies, headers), and a failure at build time when no server is running.',
    fix: "Call the handler's logic directly: move it into a service function that both the Route Handler and this code import.",
    bad: "// app/projects/page.tsx (Server Component)\nconst res = await fetch(`${process.env.NEXT_PUBLIC_SITE_URL}/api/projects`)\nconst projects = await res.json()",
    good: "// app/projects/page.tsx (Server Component)\nconst projects = await listProjects()",
  },
  check(context) {
    const { app, file, index } = context;
    if (!app) return;
    // A background job's code (trigger.dev, Inngest) runs outside this app's process: HTTP is its way in.
    if (file.imports.some((i) => JOB_RUNNERS.test(i.specifier))) return;
    // Browser code fetching its own API is the normal case; a page's data functions still run on the server.
    const inBrowser = index.runsInBrowser(file.path);
    // A fetch whose URL is a conditional has a target per branch: one finding per call is enough.
    const reported = new Set<number>();
    for (const fn of file.functions) {
      if (inBrowser && !PAGES_DATA_FUNCTIONS.has(fn.name)) continue;
      for (const fetch of fn.fetches) {
        if (fetch.url?.origin !== 'own' || reported.has(fetch.span.start)) continue;
        const route = index.routesForUrl(app, fetch.url.path).find((r) => r.method === fetch.method || r.method === 'ANY');
        if (!route) continue;
        reported.add(fetch.span.start);
        context.report(
          fetch.span,
          `This server code fetches "${fetch.method} ${route.url.pattern}", a Route Handler of this app. The request to ${displayPath(context, route.file)} leaves the process and comes back, losing the request's context, and fails at build time. Call the handler's logic (a service function) directly.`,
          [{ file: route.file, span: route.span, message: 'The Route Handler fetched' }],
        );
      }
    }
  },
};
