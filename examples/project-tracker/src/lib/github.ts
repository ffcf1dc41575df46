import { createHmac, timingSafeEqual } from 'node:crypto'

export function verifySignature(body: string, signature: string | null): boolean {
  if (!signature) return false
  const expected = `sha256=${createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET ?? '').update(body).digest('hex')}`
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
}
