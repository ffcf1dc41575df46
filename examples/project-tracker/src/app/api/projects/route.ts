import { NextResponse } from 'next/server'
import { z } from 'zod'
import { userFromBearerToken } from '@/lib/api-auth'
import { createProject, listProjects } from '@/lib/projects/service'

const ProjectInput = z.object({ name: z.string().trim().min(1).max(80) })

/** The mobile app's project list. */
export async function GET(request: Request) {
  const user = await userFromBearerToken(request.headers.get('authorization'))
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  return NextResponse.json(await listProjects(user.id), { headers: { 'Cache-Control': 'private, max-age=30' } })
}

export async function POST(request: Request) {
  const user = await userFromBearerToken(request.headers.get('authorization'))
  if (!user) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
  const parsed = ProjectInput.safeParse(await request.json())
  if (!parsed.success) return NextResponse.json({ error: parsed.error.flatten() }, { status: 422 })
  return NextResponse.json(await createProject(user.id, parsed.data.name), { status: 201 })
}
