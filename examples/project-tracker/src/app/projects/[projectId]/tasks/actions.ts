'use server'

import { revalidatePath } from 'next/cache'
import { db } from '@/lib/db'
import { requireUser } from '@/lib/auth'
import { completeTask, listTasks, renameTask as rename, reopenTask, tasksAsCsv } from '@/lib/tasks/service'

export async function addTask(formData: FormData) {
  await requireUser()
  const projectId = formData.get('projectId') as string
  const title = formData.get('title') as string
  if (!title) throw new Error('Title is required')
  const project = await db.project.findUnique({ where: { id: projectId } })
  if (!project) return
  await db.task.create({ data: { projectId, title, done: false } })
  // A new task reopens an archived project.
  if (project.archived) await db.project.update({ where: { id: projectId }, data: { archived: false } })
  revalidatePath(`/projects/${projectId}`)
}

export async function loadTasks(projectId: string) {
  await requireUser()
  return listTasks(projectId)
}

export async function runTaskCommand(command: { type: string; taskId: string }) {
  await requireUser()
  switch (command.type) {
    case 'complete':
      await completeTask(command.taskId)
      break
    case 'reopen':
      await reopenTask(command.taskId)
      break
  }
  revalidatePath('/')
}

export async function exportTasksCsv(projectId: string) {
  await requireUser()
  const csv = await tasksAsCsv(projectId)
  return new Response(csv, { headers: { 'Content-Type': 'text/csv' } })
}

export async function renameTask(taskId: string, title: string) {
  await requireUser()
  await rename(taskId, title)
}
