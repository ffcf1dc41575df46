'use client'

import { useActionState } from 'react'
import { signIn } from './actions'

export function SignInForm() {
  const [state, action, pending] = useActionState(signIn, { error: null })
  return (
    <form action={action}>
      <input name="email" type="email" required />
      {state.error && <p role="alert">{state.error}</p>}
      <button disabled={pending}>Sign in</button>
    </form>
  )
}
