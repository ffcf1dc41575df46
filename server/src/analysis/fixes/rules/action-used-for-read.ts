import { actionToRoute } from '../action-to-route';
import { moveDeclaration, siblingModulePath } from '../move-declaration';
import { baseName } from '../../project/paths';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { offerActionUsedForRead } from './action-used-for-read-offers';

/**
 * `action-used-for-read/move-to-server-module`: a read that only Server Components call (or nothing
 * does) moves, with its comments and imports, out of its `'use server'` module into a sibling one
 * without the directive (`actions.ts` → `queries.ts`, `project-actions.ts` → `project-queries.ts`, else
 * `<name>.queries.ts`), and its callers import it from there: it stays the same function for them, and
 * is no longer a public POST endpoint.
 *
 * ```ts
 * // Before: app/projects/actions.ts                  // After: app/projects/queries.ts
 * 'use server'                                         export async function getProjects() {
 * export async function getProjects() {                  return db.project.findMany()
 *   return db.project.findMany()                       }
 * }                                                    // app/projects/page.tsx
 * // app/projects/page.tsx                             import { getProjects } from './queries'
 * import { getProjects } from './actions'
 * ```
 *
 * `action-used-for-read/to-get-route`: a read that client components call becomes a GET Route
 * Handler reading its arguments from the query string, which they fetch (see `actionToRoute`).
 */
export function fixActionUsedForRead(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const action = context.index.actionsIn(finding.file).find((a) => a.span.start === finding.span.start && a.span.end === finding.span.end);
  if (!action?.fn) refuse('The Server Action is no longer there: ask for the fix again.');
  const offer = offerActionUsedForRead(finding, context).find((o) => o.fix === request.fix);
  if (!offer) refuse(`"${action.name}" is no longer used the way this fix was listed for: ask for the fixes again.`);
  if (offer.disabled) refuse(offer.disabled);
  if (request.fix === 'action-used-for-read/to-get-route') return actionToRoute({ kind: 'to-route-rewrite-callers', file: action.file, offset: action.fn.span.start }, context, 'rewrite-callers', true);
  const target = siblingModulePath(context, action.file, (stem) => (/actions/i.test(stem) ? stem.replace(/actions/i, (word) => (word[0] === 'A' ? 'Queries' : 'queries')) : `${stem}.queries`));
  return { ok: true, title: `Move "${action.name}" to ${baseName(target)}, without 'use server'`, changes: moveDeclaration(context, action.file, action.fn.span.start, action.name, target) };
}
