import { actionToRoute } from '../action-to-route';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { actionCalledAt, readRouteOffer } from './action-used-for-read-offers';

/**
 * `action-called-in-effect/to-get-route`: the read that the effect (or query function) loads through
 * becomes a GET Route Handler reading its arguments from the query string, and every client call of
 * it a fetch of that route (see `actionToRoute`):
 *
 * ```tsx
 * // Before                                     // After
 * useEffect(() => {                              useEffect(() => {
 *   getTasks(projectId).then(setTasks)             fetch(`/api/tasks?${new URLSearchParams({ projectId })}`).then((response) => response.json()).then(setTasks)
 * }, [projectId])                                }, [projectId])
 * ```
 */
export function fixActionCalledInEffect(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const action = actionCalledAt(context.index, request.finding);
  if (!action?.fn) refuse('The Server Action called here is no longer there: ask for the fix again.');
  const disabled = readRouteOffer('action-called-in-effect', context.index, action).disabled;
  if (disabled) refuse(disabled);
  return actionToRoute({ kind: 'to-route-rewrite-callers', file: action.file, offset: action.fn.span.start }, context, 'rewrite-callers', true);
}
