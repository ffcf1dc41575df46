import type { Effect } from './behaviour';
import { MUTATING_METHODS, type ActionDef, type RouteDef } from './project/project-index';
import { authenticatingProxy, proxyRunsEverywhere, proxyRunsOn, type ProxyFile } from './proxy';
import type { RuleContext } from './rules/rule';
import { authenticatedBefore, callerIdentity, isPublicByPurpose } from './rules/shared';

/** The auth library's own catch-all (`/api/auth/[...nextauth]`) is sign-in itself. */
const AUTH_CATCH_ALL = /\/auth\/\[\[?\.\.\./;

/**
 * The write an action makes with no session check before it (nor a wrapper's, nor a webhook's
 * signature), unless it is public by purpose: what `action-missing-auth` and `auth-only-in-proxy` report.
 */
export function unguardedActionWrite(context: RuleContext, action: ActionDef): { write: Effect; identity: string | null } | null {
  const fn = action.fn;
  if (!fn) return null;
  const write = context.behaviour.dataWrites(context.file, fn)[0];
  if (!write || authenticatedBefore(context, action.file, fn, action.wrapper, write.span.start)) return null;
  // A webhook's caller is authenticated by its signature (action-as-webhook says where it belongs).
  if (context.behaviour.webhookSignal(fn)) return null;
  const identity = callerIdentity(fn);
  return identity || !isPublicByPurpose(action.name, fn) ? { write, identity } : null;
}

/** The write a mutating handler makes with no session, key, token or signature check before it: what `route-missing-auth` and `auth-only-in-proxy` report. */
export function unguardedRouteWrite(context: RuleContext, route: RouteDef): Effect | null {
  const { behaviour, index } = context;
  const fn = route.fn;
  const facts = index.facts(route.fnFile);
  if (!fn || !facts || !MUTATING_METHODS.has(route.method) || AUTH_CATCH_ALL.test(route.url.pattern)) return null;
  const write = behaviour.dataWrites(facts, fn)[0];
  if (!write || behaviour.verifiesCaller(fn) || authenticatedBefore(context, route.fnFile, fn, route.wrapper, write.span.start)) return null;
  // Sign-in, sign-up and one-time-code flows are public by purpose.
  return isPublicByPurpose(fn.name, fn) ? null : write;
}

/**
 * The app's proxy, when it checks a session before the endpoint runs: on the route's path, or on
 * every page for an action (which can be posted to any of them). The missing-auth rules leave such an
 * endpoint to `auth-only-in-proxy`, so that it gets one finding.
 */
export function guardingProxy(context: RuleContext, endpoint: ActionDef | RouteDef): ProxyFile | null {
  if (!context.app) return null;
  const proxy = authenticatingProxy(context.index, context.behaviour, context.app);
  if (!proxy) return null;
  const covered = 'method' in endpoint ? proxyRunsOn(proxy, endpoint.url.segments) : proxyRunsEverywhere(proxy);
  return covered ? proxy : null;
}
