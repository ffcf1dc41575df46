import type { ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes, RuleFixOffer } from '../rule-fix';

/** Whether the call sits in a Server Action, where `updateTag` is allowed. */
export function inAction(index: ProjectIndex, finding: Finding): boolean {
  return index.actionsIn(finding.file).some((a) => a.fn !== null && a.fn.span.start <= finding.span.start && finding.span.end <= a.fn.span.end);
}

/** The `'max'` profile always; `updateTag` too inside an action, for a user who must see their own write. */
export const offerRevalidateTagProfile: OfferFixes = (finding, { index }) => {
  const offers: RuleFixOffer[] = [{ fix: 'revalidate-tag-single-argument/max-profile', title: "Pass the 'max' profile: revalidateTag(tag, 'max')", preferred: true, local: true }];
  if (inAction(index, finding)) offers.push({ fix: 'revalidate-tag-single-argument/update-tag', title: 'Expire it at once with updateTag(tag)', preferred: false, local: true });
  return offers;
};
