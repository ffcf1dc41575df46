import type { RefactorContext, RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { insertSessionCheck } from '../session-check';

/**
 * `route-missing-auth/guard`: the session check first in the handler, with the guard the app's
 * actions and routes call most (else the one of its auth library), answering 401 (with
 * `NextResponse` where the file uses it). A guard that throws when signed out is caught into a 401:
 *
 * ```ts
 * export async function DELETE(_request: Request, …) {       export async function DELETE(_request: Request, …) {
 *   await db.project.delete({ where: { id } })          →      const session = await auth()
 *   return new Response(null, { status: 204 })                 if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 })
 * }                                                             await db.project.delete({ where: { id } })
 *                                                               return new Response(null, { status: 204 })
 *                                                             }
 * ```
 */
export function fixRouteMissingAuth(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  return insertSessionCheck(request, context, 'route');
}
