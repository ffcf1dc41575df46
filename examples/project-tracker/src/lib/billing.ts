import { db } from '@/lib/db'

/** Marks a project as paid for once its payment succeeds. */
export async function recordPayment(projectId: string) {
  return db.project.update({ where: { id: projectId }, data: { archived: false } })
}
