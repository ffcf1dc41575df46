'use client'

import { uploadAttachment } from '@/app/attachments/actions'

export function AttachmentForm({ taskId }: { taskId: string }) {
  return (
    <form action={uploadAttachment}>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="file" name="file" />
      <button>Attach</button>
    </form>
  )
}
