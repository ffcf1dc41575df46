import type { Answers } from './questions';

export type Choice = 'server-action' | 'route-handler' | 'both' | 'server-component-read';

/** A sentence of the recommendation, tied to the rule that teaches it when there is one. */
export interface Reason {
  text: string;
  rule: string | null;
}

export interface Recommendation {
  choice: Choice;
  title: string;
  reasons: Reason[];
  /** What to keep in mind with this choice. */
  caveats: Reason[];
  /** What the other choice would cost. */
  otherChoice: string;
}

const TITLES: Record<Choice, string> = {
  'server-action': 'A Server Action',
  'route-handler': 'A Route Handler',
  both: 'Both, over one service',
  'server-component-read': 'A read in a Server Component',
};

const OTHER_CHOICE: Record<Choice, string> = {
  'server-action': 'A Route Handler would need a URL, a `fetch` with JSON on the client, its own status codes, and `router.refresh()` to show the change: more code for no caller that needs it.',
  'route-handler': "A Server Action would give this caller no stable URL (its ID changes with every build), accept only React's POST from this app, and offer no raw body, status codes or headers.",
  both: "One transport alone leaves either the other clients or the app's forms without an endpoint, and two copies of the logic drift apart.",
  'server-component-read': 'An action or a GET route would add an HTTP round trip, a loading state and an endpoint to protect, for data the page can render on the server.',
};

const r = (text: string, rule: string | null = null): Reason => ({ text, rule });

/** The recommendation for a complete set of answers (those of `questionsFor`). */
export function recommend(a: Answers, bodySizeLimit = '1 MB'): Recommendation {
  const { choice, reasons } = decideChoice(a, bodySizeLimit);
  return { choice, title: TITLES[choice], reasons, caveats: caveatsOf(choice, a, bodySizeLimit), otherChoice: OTHER_CHOICE[choice] };
}

function decideChoice(a: Answers, limit: string): { choice: Choice; reasons: Reason[] } {
  const route = (...reasons: Reason[]): { choice: Choice; reasons: Reason[] } => ({ choice: 'route-handler', reasons });
  const upload = r(`A file over the body size limit (${limit}) fails in a Server Action; a Route Handler reads \`request.formData()\` or streams \`request.body\` under the host's limit, or hands the upload to storage with a signed URL.`, 'action-large-upload');
  const large = r(`A body over the Server Actions limit (${limit}) is refused before the action runs; a Route Handler reads \`request.json()\` or streams \`request.body\` under the host's limit.`, 'action-large-upload');
  const stream = r('A Route Handler returns a `ReadableStream` or server-sent events; a Server Action answers with one serialised value.');
  if (a.callers === 'webhook') {
    return route(r('A webhook sender posts to a fixed URL and signs the raw body: a Server Action has a build-specific ID and gives you no raw body to verify.', 'action-as-webhook'));
  }
  // Who the route serves, beside what it does.
  const shared = r('One Route Handler serves this app and the other clients alike.');
  const who: Record<string, Reason> = {
    cron: r('A scheduler calls a URL with a secret header; a Server Action has neither a stable URL nor headers the caller chooses.', 'action-http-semantics'),
    'external-client': r("Only this app can call a Server Action: its ID changes with each build and its wire format is React's. Other clients need a URL and JSON.", 'action-generic-rpc'),
    'own-ui-and-others': shared,
    'own-ui': a.operation === 'stream' ? r("This app's components read it with `fetch` or an `EventSource`.") : r("This app's form posts the file to it with `fetch` and a `FormData`."),
  };
  const caller = who[a.callers ?? 'own-ui']!;
  if (a.operation === 'upload') return route(upload, caller);
  if (a.operation === 'stream') return route(stream, caller);
  // A read for another caller is a GET, and may be cached.
  const reads = a.operation === 'read' ? [r('Serve the read with GET: a Server Action is always a POST, which no cache, proxy or retry treats as safe.', 'action-used-for-read'), ...(a.cdnCache === 'yes' ? [cacheable()] : [])] : [];
  if (a.callers === 'cron' || a.callers === 'external-client') return route(caller, ...reads);
  if (a.callers === 'own-ui-and-others') {
    if (a.operation === 'mutation' && a.payload === 'large') return route(large, shared);
    const serves = a.operation === 'read' ? "The app's pages read the service in a Server Component; the other clients read it through a GET Route Handler." : "The app's forms call a Server Action, the other clients a Route Handler.";
    return { choice: 'both', reasons: [r(`Put the logic in one service function that both call. ${serves}`, 'logic-in-transport'), ...(a.operation === 'read' && a.cdnCache === 'yes' ? [cacheable()] : [])] };
  }
  // This app's UI alone.
  if (a.operation === 'read') {
    if (a.cdnCache === 'yes') return route(cacheable(), r('For the pages themselves, a Server Component read needs no endpoint at all.', 'action-used-for-read'));
    return {
      choice: 'server-component-read',
      reasons: [
        r('Read the data where it is rendered: a Server Component calls the data layer directly, with no endpoint to protect.', 'action-used-for-read'),
        r('A Server Action called in an effect to load data adds a round trip, and actions run one at a time.', 'action-called-in-effect'),
      ],
    };
  }
  if (a.payload === 'large') return route(large);
  if (a.httpControl === 'yes') return route(r("A Server Action always answers with React's payload; exact status codes and headers need a Route Handler.", 'action-http-semantics'));
  const reasons = [r("Only this app's UI calls it: a Server Action needs no URL, no `fetch` and no JSON parsing, and the revalidated page comes back in the same round trip.", 'route-only-own-ui-mutation')];
  if (a.noJavaScript === 'yes') reasons.push(r('A form bound to a Server Action submits before the JavaScript has loaded, and works without it.'));
  if (a.optimistic === 'yes') reasons.push(r('`useOptimistic` shows the change while the action runs; the revalidated page replaces it when the action returns.'));
  return { choice: 'server-action', reasons };
}

function cacheable(): Reason {
  return r('A GET Route Handler can be cached at the CDN by URL (`Cache-Control`, `revalidate`); a Server Action is always an uncached POST.', 'action-used-for-read');
}

function caveatsOf(choice: Choice, a: Answers, limit: string): Reason[] {
  const action = [
    r('A Server Action is a public POST endpoint: check the session inside it, not only in the page that shows the form.', 'action-missing-auth'),
    r('Validate its arguments (with zod, for instance): anyone can call it with anything.', 'action-unvalidated-input'),
    r(`Its body is limited to ${limit} (\`serverActions.bodySizeLimit\` in next.config).`),
    r('Actions from one client are dispatched one at a time: a slow one delays the next.'),
    r('Its answer is never cached at the CDN.'),
  ];
  const route = [
    a.callers === 'webhook'
      ? r('Read `await request.text()` and verify the signature before parsing it: the signature is the only proof of the sender.', 'webhook-body-parsed-before-verify')
      : r('A Route Handler is public: check the session, token or secret first.', 'route-missing-auth'),
    r('Answer failures with their status code (400, 401, 404, 409), not 200 with an error.', 'route-error-without-status'),
    ...(a.operation === 'read' || a.callers === 'cron' ? [r('A GET must not change data: it can be prefetched, cached or retried.', 'route-get-side-effects')] : []),
  ];
  if (choice === 'server-action') return action;
  if (choice === 'route-handler') return route;
  if (choice === 'both') return [r('Keep auth and validation in both adapters, or in the service itself.', 'logic-in-transport'), ...route.slice(0, 2)];
  return [r('Check who may see the data in the component (or the service) itself: a page is public too.', 'action-missing-auth')];
}
