'use client'

import { deleteProject } from '@/app/projects/actions'

export function DeleteProjectButton({ projectId }: { projectId: string }) {
  return <button onClick={() => deleteProject(projectId)}>Delete project</button>
}
