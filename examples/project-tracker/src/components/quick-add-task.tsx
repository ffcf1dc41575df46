'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

export function QuickAddTask({ projectId }: { projectId: string }) {
  const router = useRouter()
  const [title, setTitle] = useState('')

  async function add() {
    await fetch('/api/tasks', { method: 'POST', body: JSON.stringify({ projectId, title }) })
    setTitle('')
    router.refresh()
  }

  return (
    <div>
      <input value={title} onChange={(e) => setTitle(e.target.value)} />
      <button onClick={add}>Quick add</button>
    </div>
  )
}
