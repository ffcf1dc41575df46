import type { CallChain, FunctionFact, UsageContext } from '../facts/file-facts';
import type { ActionDef, RouteDef, UsageRef } from '../project/project-index';
import { relativePath } from '../project/paths';
import type { RelatedLocation } from '../types';
import type { RuleContext } from './rule';

/** A path as the user reads it: relative to the app (or the file's own folder when outside one). */
export function displayPath(context: RuleContext, path: string): string {
  return context.app ? relativePath(context.app.root, path) : path;
}

/** The callers of an action in the given contexts. */
export function usagesIn(context: RuleContext, action: ActionDef, contexts: UsageContext[]): UsageRef[] {
  return context.index.usagesOf(action.key).filter((ref) => contexts.includes(ref.usage.context));
}

export function relatedUsages(refs: UsageRef[], message: (ref: UsageRef) => string): RelatedLocation[] {
  return refs.map((ref) => ({ file: ref.file, span: ref.usage.span, message: message(ref) }));
}

/** The caller's component, as `"ProjectList" (components/project-list.tsx)`, in a message's plain text. */
export function describeCaller(context: RuleContext, ref: UsageRef): string {
  const where = displayPath(context, ref.file);
  return ref.usage.container ? `"${ref.usage.container}" (${where})` : where;
}

/**
 * A wrapper authenticates, or the function checks the session by `offset`: before it, or in the very
 * call that writes (a helper that checks the session itself, a wrapper around the write's callback).
 */
export function authenticatedBefore(context: RuleContext, fnFile: string, fn: FunctionFact, wrapper: CallChain | null, offset: number): boolean {
  const facts = context.index.facts(fnFile);
  if (!facts) return false;
  if (context.behaviour.wrapperAuthenticates(fnFile, wrapper)) return true;
  return context.behaviour.authCalls(facts, fn).some((call) => call.span.start <= offset);
}

/** `This POST handler`, or `This pages/api handler` for a `pages/api` default export. */
export function describeRoute(route: RouteDef): string {
  return route.method === 'ANY' ? 'This pages/api handler' : `This ${route.method} handler`;
}

/** Calls that sign someone in or up, send a one-time code or link, reset a password, accept an invitation. */
const PUBLIC_FLOW_CALL = /sign.?in|sign.?up|log.?in|register|create.?(user|account)|magic.?link|password.?reset|reset.?password|forgot.?password|create.?session|session.?(token.?)?cookie|verification.?(code|email|token)|(accept|redeem).?invit|exchange.?code.?for.?session/i;
/** One-time codes: `sendOtp`, `verifyOTP`, `otp.create` (and not `footprint`). */
const ONE_TIME_CODE = /(^|[^A-Za-z])otp|Otp|OTP/;
/** Actions that take a form from anyone: newsletter, contact, waitlist, feedback. */
const PUBLIC_FORM_NAME = /^(subscribe|newsletter|waitlist|joinWaitlist|joinNewsletter|contact|feedback|sendContact|submitContact|sendFeedback|submitFeedback)/i;
/** The key of an anonymous cart or guest, by the names stores give it. */
const CART_KEY = /^(cart|guest|anon|anonymous|visitor)[-_]?(id|token|key)?$/i;
/** Cookies that key a visitor's state: an anonymous cart, or the session a sign-in sets. */
const ANONYMOUS_COOKIE = /cart|guest|anon|visitor|session/i;
/** Parameters and form fields that name whose data a write touches. */
const IDENTITY = /^(user|owner|author|account|member|customer|profile|creator|organizer)_?id$/i;

/**
 * Meant to run without a session: it signs in or up, sends a code, resets a password, accepts an
 * invitation, takes a public form, or keys its writes by an anonymous cookie (a cart).
 */
export function isPublicByPurpose(name: string, fn: FunctionFact | null): boolean {
  if (!fn) return false;
  if (PUBLIC_FORM_NAME.test(name)) return true;
  return fn.calls.some((c) => {
    // `signUp(…)`, `auth.api.signInEmail(…)`, `prisma.verificationToken.create(…)`.
    const label = [c.root ?? '', ...c.members].join('.');
    if (PUBLIC_FLOW_CALL.test(label) || ONE_TIME_CODE.test(label)) return true;
    const last = c.members[c.members.length - 1];
    if (last !== 'get' && last !== 'set') return false;
    const key = c.firstString ?? '';
    // `cookies().get('session')`; a cart key on any cookie store (`store.get('cartId')`).
    return CART_KEY.test(key) || (ANONYMOUS_COOKIE.test(key) && (c.root === 'cookies' || c.members.includes('cookies') || /cookie/i.test(c.root ?? '')));
  });
}

/** Where the caller names whose data to touch: a `userId` parameter or form field. */
export function callerIdentity(fn: FunctionFact): string | null {
  for (const param of fn.params) {
    if (IDENTITY.test(param.name)) return param.name;
    const inPattern = param.name.match(/\b(\w+)\b/g)?.find((n) => IDENTITY.test(n));
    if (inPattern) return inPattern;
  }
  return fn.formDataReads.find((r) => r.key !== null && IDENTITY.test(r.key))?.key ?? null;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and 2 more`. */
export function listLabels(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 2) return unique.map((l) => `"${l}"`).join(' and ');
  return `"${unique[0]}", "${unique[1]}" and ${unique.length - 2} more`;
}
