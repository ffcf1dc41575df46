import type { Project } from '@/lib/db'

export default async function AllProjectsPage() {
  const response = await fetch(`${process.env.NEXT_PUBLIC_SITE_URL}/api/projects`, { cache: 'no-store' })
  const projects: Project[] = await response.json()
  return (
    <ul>
      {projects.map((p) => (
        <li key={p.id}>{p.name}</li>
      ))}
    </ul>
  )
}
