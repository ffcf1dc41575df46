// An in-memory stand-in for a Prisma client, with the same call shapes, so the example runs anywhere.
export interface Project { id: string; name: string; ownerId: string; archived: boolean }
export interface Task { id: string; projectId: string; title: string; done: boolean }
export interface Attachment { id: string; taskId: string; name: string; size: number }

type Where<T> = Partial<T>

function table<T extends { id: string }>() {
  const rows = new Map<string, T>()
  const matches = (row: T, where: Where<T> = {}) => Object.entries(where).every(([k, v]) => row[k as keyof T] === v)
  return {
    async findMany(args: { where?: Where<T> } = {}): Promise<T[]> {
      return [...rows.values()].filter((r) => matches(r, args.where))
    },
    async findUnique(args: { where: { id: string } }): Promise<T | null> {
      return rows.get(args.where.id) ?? null
    },
    async count(args: { where?: Where<T> } = {}): Promise<number> {
      return [...rows.values()].filter((r) => matches(r, args.where)).length
    },
    async create(args: { data: Omit<T, 'id'> }): Promise<T> {
      const row = { ...args.data, id: crypto.randomUUID() } as T
      rows.set(row.id, row)
      return row
    },
    async update(args: { where: { id: string }; data: Partial<T> }): Promise<T> {
      const row = rows.get(args.where.id)
      if (!row) throw new Error(`No row ${args.where.id}`)
      const next = { ...row, ...args.data }
      rows.set(row.id, next)
      return next
    },
    async delete(args: { where: { id: string } }): Promise<void> {
      rows.delete(args.where.id)
    },
  }
}

export const db = {
  project: table<Project>(),
  task: table<Task>(),
  attachment: table<Attachment>(),
}
