import { auth } from '@/lib/auth'
import { createTask } from '@/lib/tasks/service'

export async function POST(request: Request) {
  const session = await auth()
  if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  const { projectId, title } = (await request.json()) as { projectId: string; title: string }
  return Response.json(await createTask(projectId, title), { status: 201 })
}
