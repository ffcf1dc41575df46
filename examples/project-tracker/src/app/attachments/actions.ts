'use server'

import { revalidatePath } from 'next/cache'
import { requireUser } from '@/lib/auth'
import { saveAttachment } from '@/lib/attachments/service'

export async function uploadAttachment(formData: FormData) {
  await requireUser()
  const taskId = String(formData.get('taskId'))
  const file = formData.get('file') as File
  await saveAttachment(taskId, file.name, await file.arrayBuffer())
  revalidatePath('/')
}
