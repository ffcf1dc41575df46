'use client'

import { useEffect, useState, useTransition } from 'react'
import { exportTasksCsv, loadTasks, renameTask, runTaskCommand } from '@/app/projects/[projectId]/tasks/actions'
import type { Task } from '@/lib/db'

export function TaskBoard({ projectId }: { projectId: string }) {
  const [tasks, setTasks] = useState<Task[]>([])
  const [pending, startTransition] = useTransition()

  useEffect(() => {
    loadTasks(projectId).then(setTasks)
  }, [projectId])

  async function markAllUrgent() {
    await Promise.all(tasks.map((task) => renameTask(task.id, `[urgent] ${task.title}`)))
  }

  return (
    <ul>
      <li>
        <button onClick={markAllUrgent}>Mark all urgent</button>
        <button onClick={() => exportTasksCsv(projectId)}>Export CSV</button>
      </li>
      {tasks.map((task) => (
        <li key={task.id}>
          <button disabled={pending} onClick={() => startTransition(() => runTaskCommand({ type: task.done ? 'reopen' : 'complete', taskId: task.id }))}>
            {task.done ? '✓' : '○'}
          </button>
          {task.title}
        </li>
      ))}
    </ul>
  )
}
