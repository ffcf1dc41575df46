import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { bumpAt, bumpTitle, wideRangeReason } from './next-advisory-offers';

/**
 * `next-advisory/upgrade`: the dependency's version in package.json goes to the lowest release of its
 * major that no known advisory affects (else to the first release, of a later major, that none does),
 * keeping a `^` or `~`; the lockfile follows at the next install:
 *
 * ```json
 * "next": "~15.2.0"   →  "next": "~15.5.18"
 * "next": "16.2.4"    →  "next": "16.2.6"
 * ```
 */
export function fixNextAdvisory(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const bump = bumpAt(context.index, finding) ?? refuse('No known advisory affects this version any more: ask for the fix again.');
  if (bump.newRange === null) refuse(wideRangeReason(bump));
  const text = context.fs.readFile(finding.file);
  if (text?.slice(finding.span.start, finding.span.end) !== JSON.stringify(bump.dependency.range)) refuse('package.json has changed since it was checked: ask for the fix again.');
  const edit = { start: finding.span.start, end: finding.span.end, newText: JSON.stringify(bump.newRange) };
  return { ok: true, title: bumpTitle(bump), changes: [{ kind: 'edit', path: finding.file, edits: [edit] }] };
}
