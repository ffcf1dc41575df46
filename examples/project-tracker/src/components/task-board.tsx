'use client'

import { useEffect, useState, useTransition } from 'react'
import { loadTasks, runTaskCommand } from '@/app/projects/[projectId]/tasks/actions'
import type { Task } from '@/lib/db'

export function TaskBoard({ projectId }: { projectId: string }) {
  const [tasks, setTasks] = useState<Task[]>([])
  const [pending, startTransition] = useTransition()

  useEffect(() => {
    loadTasks(projectId).then(setTasks)
  }, [projectId])

  return (
    <ul>
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
