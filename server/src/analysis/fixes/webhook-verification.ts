import type { SourceFile } from 'ts-morph';
import type { FunctionFact } from '../facts/file-facts';
import type { CodeStyle, ImportBinding } from './imports';
import { addAll, addBinding } from './morph-syntax';
import { dependsOn } from './placement';
import type { RefactorContext } from './refactor';

/** What a converted webhook gains when the action never checked who sent it. */
export interface Verification {
  /** The module-level function that checks the signature over the raw body. */
  helper: string;
  /** The handler's statement that turns away a request whose signature does not match, given the raw body's name. */
  check(raw: string): string;
}

/**
 * A signature check for a webhook that reads its provider's headers but verifies nothing, in the
 * provider's own way: Stripe's `constructEvent` with the app's Stripe client, svix's `Webhook.verify`
 * when the app depends on svix, GitHub's `x-hub-signature-256` HMAC compared with `timingSafeEqual`.
 * `null` when the action verifies already or the provider cannot be told. The secret is read from the
 * environment variable the provider's docs name.
 *
 * ```ts
 * // After, in the route
 * const payload = await request.text()
 * if (!signedByGitHub(payload, request.headers.get('x-hub-signature-256'))) return NextResponse.json({ error: 'Invalid signature' }, { status: 401 })
 * ```
 */
export function verificationFor(context: RefactorContext, fn: FunctionFact, verifies: boolean, source: SourceFile, style: CodeStyle, imports: Map<string, ImportBinding[]>, specifierOf: (specifier: string) => string): Verification | null {
  if (verifies) return null;
  const headers = new Set(fn.headerReads.map((h) => h.name));
  const q = style.quote;
  const s = style.semicolon;
  const i = style.indent;
  const eol = style.eol;
  const turnAway = `return NextResponse.json({ error: ${q}Invalid signature${q} }, { status: 401 })${s}`;
  const header = (name: string): string => `request.headers.get(${q}${name}${q})`;
  const secret = (name: string): string => `process.env.${name} ?? ${q}${q}`;
  const tryVerify = (name: string, params: string, call: string): string =>
    [`function ${name}(${params}): boolean {`, `${i}try {`, `${i}${i}${call}${s}`, `${i}${i}return true${s}`, `${i}} catch {`, `${i}${i}return false${s}`, `${i}}`, '}'].join(eol);

  if (headers.has('stripe-signature')) {
    // The app's configured client: Stripe's SDK needs an API key even to verify.
    const client = source.getImportDeclarations().flatMap((d) => d.getNamedImports()).find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === 'stripe');
    if (!client) return null;
    addBinding(imports, client, 'stripe', specifierOf);
    return {
      helper: `/** Stripe signs each event: \`constructEvent\` checks \`stripe-signature\` against the body and \`STRIPE_WEBHOOK_SECRET\`. */${eol}${tryVerify('signedByStripe', 'payload: string, signature: string | null', `stripe.webhooks.constructEvent(payload, signature ?? ${q}${q}, ${secret('STRIPE_WEBHOOK_SECRET')})`)}`,
      check: (raw) => `if (!signedByStripe(${raw}, ${header('stripe-signature')})) ${turnAway}`,
    };
  }
  if ([...headers].some((h) => h.startsWith('svix-') || h.startsWith('webhook-')) && dependsOn(context, 'svix')) {
    addAll(imports, 'svix', [{ imported: 'Webhook', local: 'Webhook', typeOnly: false }]);
    return {
      helper: `/** The sender signs each message with svix: \`Webhook.verify\` checks its \`svix-*\` (or \`webhook-*\`) headers against the body and \`WEBHOOK_SECRET\`. */${eol}${tryVerify('signedBySender', 'payload: string, headers: Headers', `new Webhook(${secret('WEBHOOK_SECRET')}).verify(payload, Object.fromEntries(headers))`)}`,
      check: (raw) => `if (!signedBySender(${raw}, request.headers)) ${turnAway}`,
    };
  }
  if (headers.has('x-github-event') || headers.has('x-hub-signature-256') || headers.has('x-hub-signature')) {
    addAll(imports, 'node:crypto', ['createHmac', 'timingSafeEqual'].map((name) => ({ imported: name, local: name, typeOnly: false })));
    const helper = [
      `/** GitHub signs each delivery: \`x-hub-signature-256\` is the HMAC-SHA256 of the body under \`GITHUB_WEBHOOK_SECRET\`. */`,
      'function signedByGitHub(payload: string, signature: string | null): boolean {',
      `${i}const expected = Buffer.from(\`sha256=\${createHmac(${q}sha256${q}, ${secret('GITHUB_WEBHOOK_SECRET')}).update(payload).digest(${q}hex${q})}\`)${s}`,
      `${i}const given = Buffer.from(signature ?? ${q}${q})${s}`,
      `${i}return given.length === expected.length && timingSafeEqual(given, expected)${s}`,
      '}',
    ].join(eol);
    return { helper, check: (raw) => `if (!signedByGitHub(${raw}, ${header('x-hub-signature-256')})) ${turnAway}` };
  }
  return null;
}
