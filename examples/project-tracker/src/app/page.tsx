import { auth } from '@/lib/auth'
import { listProjects } from '@/lib/projects/service'
import { ProjectForm } from '@/components/project-form'

export default async function HomePage() {
  const session = await auth()
  const projects = session ? await listProjects(session.user.id) : []
  return (
    <main>
      <h1>Projects</h1>
      <ul>
        {projects.map((p) => (
          <li key={p.id}>
            <a href={`/projects/${p.id}`}>{p.name}</a>
          </li>
        ))}
      </ul>
      <ProjectForm />
    </main>
  )
}
