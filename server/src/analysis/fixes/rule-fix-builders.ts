import type { RefactorContext, RefactorOutcome } from './refactor';
import type { RuleFixRequest } from './rule-fix';
import { fixActionCalledInEffect } from './rules/action-called-in-effect';
import { fixActionMissingAuth } from './rules/action-missing-auth';
import { fixActionMissingRevalidation } from './rules/action-missing-revalidation';
import { fixActionOnlyApiOutsideAction } from './rules/action-only-api-outside-action';
import { fixReturnError } from './rules/action-throws-expected-error';
import { fixActionUnvalidatedInput } from './rules/action-unvalidated-input';
import { fixActionUsedForRead } from './rules/action-used-for-read';
import { fixAuthInterruptsFlag } from './rules/auth-interrupt-without-flag';
import { fixFetchOwnRouteFromServer } from './rules/fetch-own-route-from-server';
import { fixInlineUseServerInClient } from './rules/inline-use-server-in-client';
import { fixNextAdvisory } from './rules/next-advisory';
import { fixRedirectInTry } from './rules/redirect-in-try';
import { fixRevalidateTagProfile } from './rules/revalidate-tag-single-argument';
import { fixRouteErrorStatus } from './rules/route-error-without-status';
import { fixRouteMissingAuth } from './rules/route-missing-auth';
import { fixUnusedServerAction } from './rules/unused-server-action';
import { fixUseServerExport } from './rules/use-server-invalid-export';
import { fixWebhookRawBody } from './rules/webhook-body-parsed-before-verify';

type BuildFix = (request: RuleFixRequest, context: RefactorContext) => RefactorOutcome;

/** Per rule id, the builder of its fixes (each dispatches on `request.fix`). */
export const RULE_FIX_BUILDERS: Record<string, BuildFix> = {
  'action-called-in-effect': fixActionCalledInEffect,
  'action-missing-auth': fixActionMissingAuth,
  'action-missing-revalidation': fixActionMissingRevalidation,
  'action-only-api-outside-action': fixActionOnlyApiOutsideAction,
  'action-throws-expected-error': fixReturnError,
  'action-unvalidated-input': fixActionUnvalidatedInput,
  'action-used-for-read': fixActionUsedForRead,
  'auth-interrupt-without-flag': fixAuthInterruptsFlag,
  'fetch-own-route-from-server': fixFetchOwnRouteFromServer,
  'inline-use-server-in-client': fixInlineUseServerInClient,
  'next-advisory': fixNextAdvisory,
  'redirect-in-try': fixRedirectInTry,
  'revalidate-tag-single-argument': fixRevalidateTagProfile,
  'route-error-without-status': fixRouteErrorStatus,
  'route-missing-auth': fixRouteMissingAuth,
  'unused-server-action': fixUnusedServerAction,
  'use-server-invalid-export': fixUseServerExport,
  'webhook-body-parsed-before-verify': fixWebhookRawBody,
};
