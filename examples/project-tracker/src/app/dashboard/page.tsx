import { getProjectSummary } from '@/app/projects/actions'
import { requireUser } from '@/lib/auth'

export default async function DashboardPage() {
  const user = await requireUser()
  const summary = await getProjectSummary(user.id)
  return (
    <p>
      {summary.projects} projects, {summary.openTasks} open tasks
    </p>
  )
}
