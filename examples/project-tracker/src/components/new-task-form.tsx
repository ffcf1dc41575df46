'use client'

import { addTask } from '@/app/projects/[projectId]/tasks/actions'

export function NewTaskForm({ projectId }: { projectId: string }) {
  return (
    <form action={addTask}>
      <input type="hidden" name="projectId" value={projectId} />
      <input name="title" placeholder="New task" />
      <button>Add</button>
    </form>
  )
}
