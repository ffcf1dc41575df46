import { db } from '@/lib/db'

type Context = { params: Promise<{ projectId: string }> }

/** Restores an archived project. */
export async function POST(_request: Request, { params }: Context) {
  const { projectId } = await params
  return Response.json(await db.project.update({ where: { id: projectId }, data: { archived: false } }))
}
