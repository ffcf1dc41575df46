'use client'

import { useActionState } from 'react'
import { createProject, type ProjectFormState } from '@/app/projects/actions'

export function ProjectForm() {
  const [state, formAction, pending] = useActionState(createProject, {} as ProjectFormState)
  return (
    <form action={formAction}>
      <input name="name" placeholder="New project" />
      <button disabled={pending}>Create</button>
      {state.error && <p role="alert">{state.error}</p>}
    </form>
  )
}
