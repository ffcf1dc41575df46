import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'action-as-webhook',
    defaultSeverity: 'error',
    title: 'A Server Action handles a webhook',
    why: "A Server Action is reached through an action ID that changes between builds, takes the React wire format rather than the sender's payload, and never sees the raw body, so a webhook sender cannot call it and its signature cannot be verified.",
    fix: 'Receive the webhook in a Route Handler (`app/api/webhooks/<provider>/route.ts`) that reads `await request.text()`, verifies the signature, and answers with real status codes.',
    bad: "'use server'\n\nexport async function handleStripeEvent(payload: string) {\n  const signature = (await headers()).get('stripe-signature')!\n  const event = stripe.webhooks.constructEvent(payload, signature, secret)\n  // …\n}",
    good: "// app/api/webhooks/stripe/route.ts\nexport async function POST(request: Request) {\n  const body = await request.text()\n  const signature = request.headers.get('stripe-signature')!\n  const event = stripe.webhooks.constructEvent(body, signature, secret)\n  // …\n  return new Response(null, { status: 204 })\n}",
  },
  check(context) {
    const { behaviour, file } = context;
    for (const action of context.actions) {
      if (!action.fn) continue;
      const signal = behaviour.webhookSignal(action.fn);
      if (!signal) continue;
      const related = [{ file: file.path, span: signal.span, message: 'The webhook signal' }];
      context.report(
        action.span,
        `"${action.name}" handles a webhook in a Server Action. It ${signal.header ? `reads the "${signal.header}" header` : 'verifies a webhook signature'}, but a Server Action has a build-specific ID and no raw body, so the sender cannot call it reliably nor its signature be verified. Receive the webhook in a Route Handler that reads the raw body with await request.text().`,
        related,
      );
    }
  },
};
