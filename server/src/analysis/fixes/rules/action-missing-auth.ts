import type { RefactorContext, RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { insertSessionCheck } from '../session-check';

/**
 * `action-missing-auth/guard`: the session check first in the action, with the guard the app's
 * actions and routes call most (else the one of its auth library: Auth.js, Clerk, Supabase,
 * better-auth, Lucia), answering as the app's actions answer an error. An action told whose data to
 * write also refuses any user but the signed-in one:
 *
 * ```ts
 * export async function updateBio(userId: string, bio: string) {      export async function updateBio(userId: string, bio: string) {
 *   await db.profile.update({ where: { userId }, data: { bio } })  →    const user = await requireUser()
 * }                                                                       if (userId !== user.id) throw new Error('Forbidden')
 *                                                                         await db.profile.update({ where: { userId }, data: { bio } })
 *                                                                       }
 * ```
 *
 * With a guard that returns nothing when signed out, its check follows:
 * `const session = await auth()` then `if (!session) return { error: 'Unauthorized' }`.
 */
export function fixActionMissingAuth(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  return insertSessionCheck(request, context, 'action');
}
