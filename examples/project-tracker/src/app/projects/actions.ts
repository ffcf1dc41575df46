'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { auth } from '@/lib/auth'
import { createProject as create, deleteProject as remove, projectSummary } from '@/lib/projects/service'

export const PAGE_SIZE = 20

const ProjectInput = z.object({ name: z.string().trim().min(1, 'Name is required').max(80) })

export type ProjectFormState = { error?: string; projectId?: string }

export async function createProject(_state: ProjectFormState, formData: FormData): Promise<ProjectFormState> {
  const session = await auth()
  if (!session) return { error: 'Sign in to create a project' }
  const parsed = ProjectInput.safeParse({ name: formData.get('name') })
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Invalid name' }
  const project = await create(session.user.id, parsed.data.name)
  revalidatePath('/')
  return { projectId: project.id }
}

export async function deleteProject(projectId: string) {
  await remove(projectId)
  revalidatePath('/')
}

export async function getProjectSummary(ownerId: string) {
  return projectSummary(ownerId)
}
