import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { requireUser } from '@/lib/auth'
import { archiveProject } from '@/lib/projects/service'
import { NewTaskForm } from '@/components/new-task-form'
import { TaskBoard } from '@/components/task-board'
import { QuickAddTask } from '@/components/quick-add-task'
import { AttachmentForm } from '@/components/attachment-form'

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params

  async function archive() {
    'use server'
    const user = await requireUser()
    try {
      await archiveProject(user.id, projectId)
      revalidatePath('/')
      redirect('/')
    } catch (error) {
      console.error('archive failed', error)
    }
  }

  return (
    <main>
      <form action={archive}>
        <button>Archive</button>
      </form>
      <NewTaskForm projectId={projectId} />
      <QuickAddTask projectId={projectId} />
      <TaskBoard projectId={projectId} />
      <AttachmentForm taskId={projectId} />
    </main>
  )
}
