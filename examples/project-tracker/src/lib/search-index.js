import { revalidateTag } from 'next/cache'

/** The search page caches its index under one tag; this module predates the move to TypeScript. */
export function reindexProjects() {
  revalidateTag('search')
}
