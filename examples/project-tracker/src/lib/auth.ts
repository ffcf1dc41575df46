import { cookies } from 'next/headers'

export interface Session { user: { id: string; email: string } }

/** The signed-in user, from the session cookie. */
export async function auth(): Promise<Session | null> {
  const token = (await cookies()).get('session')?.value
  return token ? { user: { id: token, email: `${token}@example.com` } } : null
}

export async function requireUser() {
  const session = await auth()
  if (!session) throw new Error('Unauthorized')
  return session.user
}
