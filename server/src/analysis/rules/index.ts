import type { Rule } from './rule';
import { rule as actionAsWebhook } from './action-as-webhook';
import { rule as actionCalledInEffect } from './action-called-in-effect';
import { rule as actionOnlyApiOutsideAction } from './action-only-api-outside-action';
import { rule as actionParallelCalls } from './action-parallel-calls';
import { rule as actionGenericRpc } from './action-generic-rpc';
import { rule as actionHttpSemantics } from './action-http-semantics';
import { rule as actionLargeUpload } from './action-large-upload';
import { rule as actionMissingAuth } from './action-missing-auth';
import { rule as actionMissingRevalidation } from './action-missing-revalidation';
import { rule as actionThrowsExpectedError } from './action-throws-expected-error';
import { rule as actionUnvalidatedInput } from './action-unvalidated-input';
import { rule as actionUsedForRead } from './action-used-for-read';
import { rule as authInterruptWithoutFlag } from './auth-interrupt-without-flag';
import { rule as authOnlyInProxy } from './auth-only-in-proxy';
import { rule as fetchOwnRouteFromServer } from './fetch-own-route-from-server';
import { rule as inlineUseServerInClient } from './inline-use-server-in-client';
import { rule as logicInTransport } from './logic-in-transport';
import { rule as nextAdvisory } from './next-advisory';
import { rule as redirectInTry } from './redirect-in-try';
import { rule as revalidateTagSingleArgument } from './revalidate-tag-single-argument';
import { rule as routeErrorWithoutStatus } from './route-error-without-status';
import { rule as routeGetSideEffects } from './route-get-side-effects';
import { rule as routeMissingAuth } from './route-missing-auth';
import { rule as routeOnlyOwnUiMutation } from './route-only-own-ui-mutation';
import { rule as unusedServerAction } from './unused-server-action';
import { rule as useServerInvalidExport } from './use-server-invalid-export';
import { rule as webhookBodyParsedBeforeVerify } from './webhook-body-parsed-before-verify';

/** Every rule, in the order of DESIGN.md's catalogue. */
export const RULES: readonly Rule[] = [
  useServerInvalidExport,
  inlineUseServerInClient,
  redirectInTry,
  actionAsWebhook,
  webhookBodyParsedBeforeVerify,
  actionHttpSemantics,
  actionLargeUpload,
  actionGenericRpc,
  actionMissingAuth,
  routeMissingAuth,
  actionUsedForRead,
  actionCalledInEffect,
  fetchOwnRouteFromServer,
  routeGetSideEffects,
  routeErrorWithoutStatus,
  routeOnlyOwnUiMutation,
  actionMissingRevalidation,
  actionThrowsExpectedError,
  actionUnvalidatedInput,
  logicInTransport,
  actionOnlyApiOutsideAction,
  revalidateTagSingleArgument,
  authInterruptWithoutFlag,
  authOnlyInProxy,
  actionParallelCalls,
  unusedServerAction,
  nextAdvisory,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
