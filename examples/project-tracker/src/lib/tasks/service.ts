import { db } from '@/lib/db'

export async function listTasks(projectId: string) {
  return db.task.findMany({ where: { projectId } })
}

export async function createTask(projectId: string, title: string) {
  return db.task.create({ data: { projectId, title, done: false } })
}

export async function completeTask(taskId: string) {
  return db.task.update({ where: { id: taskId }, data: { done: true } })
}

export async function reopenTask(taskId: string) {
  return db.task.update({ where: { id: taskId }, data: { done: false } })
}

export async function renameTask(taskId: string, title: string) {
  return db.task.update({ where: { id: taskId }, data: { title } })
}

export async function tasksAsCsv(projectId: string) {
  const tasks = await listTasks(projectId)
  return ['id,title,done', ...tasks.map((t) => `${t.id},${JSON.stringify(t.title)},${t.done}`)].join('\n')
}
