import { createHmac, timingSafeEqual } from 'node:crypto'

export interface StripeEvent { id: string; type: string; data: { object: { id: string; metadata: Record<string, string> } } }

/** The part of Stripe's SDK the example uses: the same call shape as `stripe.webhooks.constructEvent`. */
export const stripe = {
  webhooks: {
    constructEvent(payload: string, signature: string, secret: string): StripeEvent {
      const expected = createHmac('sha256', secret).update(payload).digest('hex')
      const given = signature.split(',').find((p) => p.startsWith('v1='))?.slice(3) ?? ''
      if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
        throw new Error('Invalid signature')
      }
      return JSON.parse(payload) as StripeEvent
    },
  },
}
