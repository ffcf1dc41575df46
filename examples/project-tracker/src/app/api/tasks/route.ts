import { updateTag } from 'next/cache'
import { auth } from '@/lib/auth'
import { createTask } from '@/lib/tasks/service'

export async function POST(request: Request) {
  const session = await auth()
  if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const { projectId, title } = (await request.json()) as { projectId: string; title: string }
  const task = await createTask(projectId, title)
  updateTag(`project-${projectId}`)
  return Response.json(task, { status: 201 })
}
