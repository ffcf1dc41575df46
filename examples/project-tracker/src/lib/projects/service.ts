import { db } from '@/lib/db'
import { reindexProjects } from '@/lib/search-index'

export async function listProjects(ownerId: string) {
  return db.project.findMany({ where: { ownerId, archived: false } })
}

export async function findProject(ownerId: string, projectId: string) {
  const project = await db.project.findUnique({ where: { id: projectId } })
  return project && project.ownerId === ownerId ? project : null
}

export async function createProject(ownerId: string, name: string) {
  const project = await db.project.create({ data: { name, ownerId, archived: false } })
  reindexProjects()
  return project
}

export async function archiveProject(ownerId: string, projectId: string) {
  const project = await findProject(ownerId, projectId)
  if (!project) return null
  return db.project.update({ where: { id: projectId }, data: { archived: true } })
}

export async function deleteProject(projectId: string) {
  await db.task.findMany({ where: { projectId } })
  return db.project.delete({ where: { id: projectId } })
}

export async function projectSummary(ownerId: string) {
  const projects = await db.project.count({ where: { ownerId } })
  const openTasks = await db.task.count({ where: { done: false } })
  return { projects, openTasks }
}
