import type { FetchFact } from '../../facts/file-facts';
import type { ProjectIndex, RouteDef } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes } from '../rule-fix';

/** The call may extract the route's logic to a service first, and always edits the caller: never local. */
export const offerFetchOwnRouteFromServer: OfferFixes = (finding, { index }) => {
  const found = fetchedRoute(index, finding);
  const disabled = found ? whyNotCallable(found.route) : undefined;
  return [{ fix: 'fetch-own-route-from-server/call-directly', title: "Call the route's logic directly instead of fetching it", preferred: true, local: false, ...(disabled ? { disabled } : {}) }];
};

/** The fetch a finding is reported on, and the handler it reaches, as the rule matched them. */
export function fetchedRoute(index: ProjectIndex, finding: Finding): { fetch: FetchFact; route: RouteDef } | null {
  const app = index.appOf(finding.file);
  const fetch = index
    .facts(finding.file)
    ?.functions.flatMap((f) => f.fetches)
    .find((f) => f.span.start === finding.span.start && f.span.end === finding.span.end);
  if (!app || !fetch?.url) return null;
  const route = index.routesForUrl(app, fetch.url.path).find((r) => r.method === fetch.method || r.method === 'ANY');
  return route ? { fetch, route } : null;
}

/** What the facts tell against a direct call: an answer that is more than data. The builder refuses for the same reasons, and for those only the syntax shows. */
export function whyNotCallable(route: RouteDef): string | undefined {
  if (route.url.router !== 'app') return 'Only App Router handlers (`route.ts`) are called directly for now.';
  if (!route.fn) return 'The handler is built by a wrapper: call its logic by hand.';
  if (route.fn.headerWrites.length > 0) return 'The handler sets response headers, which a direct call would not give the caller: keep the fetch.';
  const other = route.fn.returns.find((r) => r.kind !== 'response' || (r.status !== null && r.status !== 200) || r.errorBody);
  if (other) return 'The handler answers some requests with an error or a status of its own, which the caller would no longer get: keep the fetch, or move those checks to the caller first.';
  return undefined;
}
