import type { Rule } from './rule';

const RAW_READERS = new Set(['text', 'arrayBuffer', 'blob']);

export const rule: Rule = {
  meta: {
    id: 'webhook-body-parsed-before-verify',
    defaultSeverity: 'error',
    title: 'A webhook signature is verified over a re-serialised JSON body',
    why: 'The sender signs the exact bytes it sent. `await request.json()` followed by `JSON.stringify` produces different bytes (key order, spacing, unicode escapes), so verification fails on real events, or gets weakened until it passes.',
    fix: 'Read the raw body with `await request.text()`, verify the signature over it, then `JSON.parse` it.',
    bad: "const event = await request.json()\nstripe.webhooks.constructEvent(JSON.stringify(event), signature, secret)",
    good: "const body = await request.text()\nconst event = stripe.webhooks.constructEvent(body, signature, secret)",
  },
  check(context) {
    for (const route of context.routes) {
      if (!route.fn) continue;
      // A provider's verifier given the parsed body, or a hand-made HMAC over `JSON.stringify` of it.
      const fn = route.fn;
      const reserialised = fn.calls.some((c) => c.root === 'JSON' && c.members[0] === 'stringify');
      const verification = context.behaviour.webhookSignal(fn) !== null || reserialised ? context.behaviour.signatureChecks(fn)[0] : undefined;
      const parsed = fn.bodyReads.find((read) => read.method === 'json');
      if (!verification || !parsed || route.fn.bodyReads.some((read) => RAW_READERS.has(read.method))) continue;
      context.report(
        route.fnFile === context.file.path ? parsed.span : route.span,
        'The webhook signature is verified over await request.json() re-serialised, not the raw body. The sender signed the raw bytes, so real events fail verification. Read await request.text(), verify it, then JSON.parse it.',
        [{ file: route.fnFile, span: verification.span, message: 'The signature check' }],
      );
    }
  },
};
