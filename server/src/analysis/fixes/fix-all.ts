import type { Finding } from '../types';
import type { FileChange, TextChange } from './file-change';
import type { RefactorOutcome } from './refactor';
import type { FixOfferContext, RuleFixRequest } from './rule-fix';
import { ruleFixOffers } from './rule-fix-offers';

/** One fix applied by "fix all" or `check --fix`. */
export interface AppliedFix {
  ruleId: string;
  title: string;
  file: string;
  /** Where the finding was, 0-based offset into the text the fix was built from. */
  start: number;
}

export interface FixAllResult {
  changes: FileChange[];
  applied: AppliedFix[];
}

/**
 * The fixes of a file's findings that can go in together: for each finding, the first of its offers
 * (preferred first) that builds; local fixes only, unless `multiFile`, which adds at most one fix that
 * touches other files (the next run sees the project it left). Edits of different fixes that overlap
 * are left for the next run; an edit two fixes both make (the same import) is made once.
 */
export function fixAllInFile(findings: Finding[], context: FixOfferContext, build: (request: RuleFixRequest) => RefactorOutcome, multiFile = false): FixAllResult {
  const edits: TextChange[] = [];
  const applied: AppliedFix[] = [];
  let file: string | null = null;
  for (const finding of [...findings].sort((a, b) => a.span.start - b.span.start)) {
    file ??= finding.file;
    for (const offer of ruleFixOffers(finding, context)) {
      if (offer.disabled || (!offer.local && !multiFile)) continue;
      const outcome = build({ fix: offer.fix, finding });
      if (!outcome.ok) continue;
      if (!offer.local) return { changes: outcome.changes, applied: [{ ruleId: finding.ruleId, title: outcome.title, file: finding.file, start: finding.span.start }] };
      const own = outcome.changes.flatMap((c) => (c.kind === 'edit' && c.path === finding.file ? c.edits : []));
      if (outcome.changes.some((c) => c.kind !== 'edit' || c.path !== finding.file)) continue;
      const fresh = own.filter((e) => !edits.some((x) => same(x, e)));
      if (fresh.some((e) => edits.some((x) => overlaps(x, e)))) continue;
      edits.push(...fresh);
      applied.push({ ruleId: finding.ruleId, title: outcome.title, file: finding.file, start: finding.span.start });
      break;
    }
  }
  return { changes: file && edits.length > 0 ? [{ kind: 'edit', path: file, edits }] : [], applied };
}

function same(a: TextChange, b: TextChange): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
}

/** Two replacements that touch the same text, or insert at one point (their order would be a guess). */
function overlaps(a: TextChange, b: TextChange): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
