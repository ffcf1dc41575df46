import { verifySignature } from '@/lib/github'
import { createTask } from '@/lib/tasks/service'

/** Opens a task for each new GitHub issue. */
export async function POST(request: Request) {
  const body = await request.text()
  if (!verifySignature(body, request.headers.get('x-hub-signature-256'))) {
    return Response.json({ error: 'Invalid signature' }, { status: 401 })
  }
  const event = JSON.parse(body) as { action: string; issue: { title: string }; repository: { name: string } }
  if (event.action === 'opened') await createTask(event.repository.name, event.issue.title)
  return new Response(null, { status: 204 })
}
