import { stripe } from '@/lib/stripe'
import { recordPayment } from '@/lib/billing'

export async function POST(request: Request) {
  const payload = await request.json()
  const signature = request.headers.get('stripe-signature') ?? ''
  const event = stripe.webhooks.constructEvent(JSON.stringify(payload), signature, process.env.STRIPE_WEBHOOK_SECRET ?? '')
  if (event.type === 'checkout.session.completed') await recordPayment(event.data.object.metadata.projectId ?? '')
  return new Response(null, { status: 204 })
}
