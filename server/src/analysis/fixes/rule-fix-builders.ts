import type { RefactorContext, RefactorOutcome } from './refactor';
import type { RuleFixRequest } from './rule-fix';
import { fixRedirectInTry } from './rules/redirect-in-try';

type BuildFix = (request: RuleFixRequest, context: RefactorContext) => RefactorOutcome;

/** Per rule id, the builder of its fixes (each dispatches on `request.fix`). */
export const RULE_FIX_BUILDERS: Record<string, BuildFix> = {
  'redirect-in-try': fixRedirectInTry,
};
