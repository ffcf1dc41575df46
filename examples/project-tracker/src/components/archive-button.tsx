'use client'

import { archiveProject } from '@/lib/projects/service'
import { requireUser } from '@/lib/auth'

export function ArchiveButton({ projectId }: { projectId: string }) {
  async function archive() {
    'use server'
    const user = await requireUser()
    await archiveProject(user.id, projectId)
  }
  return (
    <form action={archive}>
      <button>Archive</button>
    </form>
  )
}
