import type { Finding } from '../types';
import type { FixOfferContext, OfferFixes, RuleFixOffer } from './rule-fix';
import { offerActionCalledInEffect } from './rules/action-called-in-effect-offers';
import { offerActionMissingAuth } from './rules/action-missing-auth-offers';
import { offerActionMissingRevalidation } from './rules/action-missing-revalidation-offers';
import { offerActionOnlyApiOutsideAction } from './rules/action-only-api-outside-action-offers';
import { offerReturnError } from './rules/action-throws-expected-error-offers';
import { offerActionUnvalidatedInput } from './rules/action-unvalidated-input-offers';
import { offerActionUsedForRead } from './rules/action-used-for-read-offers';
import { offerAuthInterruptsFlag } from './rules/auth-interrupt-without-flag-offers';
import { offerFetchOwnRouteFromServer } from './rules/fetch-own-route-from-server-offers';
import { offerInlineUseServerInClient } from './rules/inline-use-server-in-client-offers';
import { offerNextAdvisory } from './rules/next-advisory-offers';
import { offerRedirectInTry } from './rules/redirect-in-try-offers';
import { offerRevalidateTagProfile } from './rules/revalidate-tag-single-argument-offers';
import { offerRouteErrorStatus } from './rules/route-error-without-status-offers';
import { offerRouteMissingAuth } from './rules/route-missing-auth-offers';
import { offerUnusedServerAction } from './rules/unused-server-action-offers';
import { offerUseServerExport } from './rules/use-server-invalid-export-offers';
import { offerWebhookRawBody } from './rules/webhook-body-parsed-before-verify-offers';

/** Per rule id, the fixes its findings are offered. One entry per rule, its offers in its own file. */
const RULE_FIX_OFFERS: Record<string, OfferFixes> = {
  'action-called-in-effect': offerActionCalledInEffect,
  'action-missing-auth': offerActionMissingAuth,
  'action-missing-revalidation': offerActionMissingRevalidation,
  'action-only-api-outside-action': offerActionOnlyApiOutsideAction,
  'action-throws-expected-error': offerReturnError,
  'action-unvalidated-input': offerActionUnvalidatedInput,
  'action-used-for-read': offerActionUsedForRead,
  'auth-interrupt-without-flag': offerAuthInterruptsFlag,
  'fetch-own-route-from-server': offerFetchOwnRouteFromServer,
  'inline-use-server-in-client': offerInlineUseServerInClient,
  'next-advisory': offerNextAdvisory,
  'redirect-in-try': offerRedirectInTry,
  'revalidate-tag-single-argument': offerRevalidateTagProfile,
  'route-error-without-status': offerRouteErrorStatus,
  'route-missing-auth': offerRouteMissingAuth,
  'unused-server-action': offerUnusedServerAction,
  'use-server-invalid-export': offerUseServerExport,
  'webhook-body-parsed-before-verify': offerWebhookRawBody,
};

/** The fixes of a finding, preferred first. */
export function ruleFixOffers(finding: Finding, context: FixOfferContext): RuleFixOffer[] {
  const offers = RULE_FIX_OFFERS[finding.ruleId]?.(finding, context) ?? [];
  return [...offers].sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

/** The rules that have a fix, for the docs and the tests. */
export const FIXABLE_RULES: readonly string[] = Object.keys(RULE_FIX_OFFERS);
