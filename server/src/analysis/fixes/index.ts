import { actionToRoute } from './action-to-route';
import { extractService } from './extract-service';
import { routeToAction } from './route-to-action';
import { Refusal, type RefactorContext, type RefactorOutcome, type RefactorRequest } from './refactor';
import type { RuleFixRequest } from './rule-fix';
import { RULE_FIX_BUILDERS } from './rule-fix-builders';

/**
 * Builds one refactor: the entry point of the bundle that the server and the checker load only when
 * an edit is asked for, so that ts-morph stays off the startup and keystroke paths.
 */
export function buildRefactor(request: RefactorRequest, context: RefactorContext): RefactorOutcome {
  try {
    switch (request.kind) {
      case 'extract-service':
        return extractService(request, context);
      case 'to-route':
        return actionToRoute(request, context, 'move');
      case 'to-route-keep-action':
        return actionToRoute(request, context, 'keep-action');
      case 'to-route-rewrite-callers':
        return actionToRoute(request, context, 'rewrite-callers');
      case 'to-action':
        return routeToAction(request, context, false);
      case 'to-action-remove-route':
        return routeToAction(request, context, true);
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Builds the fix of a finding that the listing offered (`ruleFixOffers`). */
export function buildRuleFix(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const build = RULE_FIX_BUILDERS[request.finding.ruleId];
  if (!build) return { ok: false, reason: `${request.finding.ruleId} has no fix.` };
  try {
    return build(request, context);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

export { scaffold, type ScaffoldVariant } from './scaffold';
export type { RefactorContext, RefactorOutcome, RefactorRequest } from './refactor';
