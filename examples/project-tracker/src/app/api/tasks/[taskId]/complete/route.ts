import { auth } from '@/lib/auth'
import { completeTask } from '@/lib/tasks/service'

/** Linked from the daily e-mail: "mark as done". */
export async function GET(_request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  const session = await auth()
  if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 })
  await completeTask((await params).taskId)
  return Response.redirect(new URL('/', process.env.NEXT_PUBLIC_SITE_URL), 303)
}
