'use server'

import { headers } from 'next/headers'
import { stripe } from '@/lib/stripe'
import { recordPayment } from '@/lib/billing'

export async function confirmPayment(payload: string) {
  const signature = (await headers()).get('stripe-signature') ?? ''
  const event = stripe.webhooks.constructEvent(payload, signature, process.env.STRIPE_WEBHOOK_SECRET ?? '')
  if (event.type === 'checkout.session.completed') await recordPayment(event.data.object.metadata.projectId ?? '')
  return { received: true }
}
