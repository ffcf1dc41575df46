'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'

export interface SignInState {
  error: string | null
}

/** Public by purpose: it is how a visitor gets a session, so it checks none. */
export async function signIn(_state: SignInState, formData: FormData): Promise<SignInState> {
  const email = formData.get('email')
  if (typeof email !== 'string' || !email.includes('@')) return { error: 'Enter your email address' }
  const store = await cookies()
  store.set('session', email.split('@')[0]!, { httpOnly: true, sameSite: 'lax', path: '/' })
  redirect('/projects')
}
