import { NextResponse } from 'next/server'
import { userFromBearerToken } from '@/lib/api-auth'
import { completeTask } from '@/lib/tasks/service'

/** The mobile app marks a task as done. */
export async function POST(request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  const user = await userFromBearerToken(request.headers.get('authorization'))
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  return NextResponse.json(await completeTask((await params).taskId))
}
