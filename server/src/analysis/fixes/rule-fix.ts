import type { ProjectIndex } from '../project/project-index';
import type { AdvisorSettings } from '../settings';
import type { Finding } from '../types';

/**
 * A fix of one rule's finding, as the lightbulb lists it: listed from the facts alone (no ts-morph),
 * built only when picked (`buildRuleFix` in the fixes bundle).
 */
export interface RuleFixOffer {
  /** `<rule id>/<remedy>`: what `buildRuleFix` dispatches on. */
  fix: string;
  title: string;
  /** The one obvious remedy: VS Code applies it with "Auto Fix" and marks it in the menu. */
  preferred: boolean;
  /** Changes only the finding's file, with no choice left to the user: part of "fix all" and `check --fix`. */
  local: boolean;
  /** Listed but not applicable, with the reason (VS Code shows it greyed out). */
  disabled?: string;
}

/** What a listing reads. */
export interface FixOfferContext {
  index: ProjectIndex;
  settings: AdvisorSettings;
}

/** The offers of one rule's finding; a rule with no entry in `RULE_FIX_OFFERS` has no fix. */
export type OfferFixes = (finding: Finding, context: FixOfferContext) => RuleFixOffer[];

/** A fix asked for: which one, on which finding (as the analysis reports it now). */
export interface RuleFixRequest {
  fix: string;
  finding: Finding;
}
