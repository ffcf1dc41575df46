import { NextResponse } from 'next/server'
import { db } from '@/lib/db'
import { userFromBearerToken } from '@/lib/api-auth'
import { archiveProject } from '@/lib/projects/service'

type Context = { params: Promise<{ projectId: string }> }

export async function DELETE(_request: Request, { params }: Context) {
  const { projectId } = await params
  await db.project.delete({ where: { id: projectId } })
  return new Response(null, { status: 204 })
}

export async function PATCH(request: Request, { params }: Context) {
  const user = await userFromBearerToken(request.headers.get('authorization'))
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const body = (await request.json()) as { archived?: boolean }
  if (body.archived !== true) return NextResponse.json({ error: 'Only archiving is supported' })
  return NextResponse.json(await archiveProject(user.id, (await params).projectId))
}
