import type { CallFact } from '../../facts/file-facts';
import type { ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes } from '../rule-fix';

/** The `updateTag` or `refresh` call a finding is on, when the handler makes it itself (not through a helper). */
export function actionOnlyCallAt(index: ProjectIndex, finding: Finding): { call: CallFact; imported: 'updateTag' | 'refresh' } | null {
  const facts = index.facts(finding.file);
  const call = facts?.functions.flatMap((f) => f.calls).find((c) => c.span.start === finding.span.start && c.span.end === finding.span.end);
  const imported = facts && call?.root && call.members.length === 0 ? index.importOf(facts, call.root) : null;
  if (!call || imported?.specifier !== 'next/cache' || (imported.imported !== 'updateTag' && imported.imported !== 'refresh')) return null;
  return { call, imported: imported.imported };
}

/** A helper that calls it may serve actions too: only a call in the handler itself is rewritten. */
export const offerActionOnlyApiOutsideAction: OfferFixes = (finding, { index }) => {
  const found = actionOnlyCallAt(index, finding);
  if (!found) return [];
  return found.imported === 'updateTag'
    ? [{ fix: 'action-only-api-outside-action/revalidate-tag', title: "Expire the tag with revalidateTag(tag, 'max')", preferred: true, local: true }]
    : [{ fix: 'action-only-api-outside-action/drop-refresh', title: 'Remove refresh(), which only a Server Action can call', preferred: true, local: true }];
};
