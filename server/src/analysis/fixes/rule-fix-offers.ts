import type { Finding } from '../types';
import type { FixOfferContext, OfferFixes, RuleFixOffer } from './rule-fix';
import { offerRedirectInTry } from './rules/redirect-in-try-offers';

/** Per rule id, the fixes its findings are offered. One entry per rule, its offers in its own file. */
const RULE_FIX_OFFERS: Record<string, OfferFixes> = {
  'redirect-in-try': offerRedirectInTry,
};

/** The fixes of a finding, preferred first. */
export function ruleFixOffers(finding: Finding, context: FixOfferContext): RuleFixOffer[] {
  const offers = RULE_FIX_OFFERS[finding.ruleId]?.(finding, context) ?? [];
  return [...offers].sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

/** The rules that have a fix, for the docs and the tests. */
export const FIXABLE_RULES: readonly string[] = Object.keys(RULE_FIX_OFFERS);
