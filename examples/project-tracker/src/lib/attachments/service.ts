import { db } from '@/lib/db'

export async function saveAttachment(taskId: string, name: string, bytes: ArrayBuffer) {
  return db.attachment.create({ data: { taskId, name, size: bytes.byteLength } })
}
