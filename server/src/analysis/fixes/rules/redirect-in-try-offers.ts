import type { OfferFixes } from '../rule-fix';

/**
 * Moving the call out is the cleaner fix where it is the try's last statement and the catch always
 * leaves (so it still runs only on success); the rethrow always applies.
 */
export const offerRedirectInTry: OfferFixes = (finding, { index }) => {
  const block = index.facts(finding.file)?.tries.find((t) => t.span.start === finding.related[0]?.span.start);
  const last = block?.lastStatement;
  const movable = block?.catchExits === true && last != null && last.start <= finding.span.start && finding.span.end <= last.end;
  return [
    ...(movable ? [{ fix: 'redirect-in-try/move-after-try', title: 'Move the navigation after the try/catch', preferred: true, local: true }] : []),
    { fix: 'redirect-in-try/rethrow', title: 'Rethrow navigation errors first in the catch (unstable_rethrow)', preferred: !movable, local: true },
  ];
};
