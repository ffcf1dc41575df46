import { getProjectSummary } from '@/app/projects/actions'
import { forbidden } from 'next/navigation'
import { requireUser } from '@/lib/auth'

export default async function DashboardPage() {
  const user = await requireUser()
  if (user.email.endsWith('@suspended.example.com')) forbidden()
  const summary = await getProjectSummary(user.id)
  return (
    <p>
      {summary.projects} projects, {summary.openTasks} open tasks
    </p>
  )
}
