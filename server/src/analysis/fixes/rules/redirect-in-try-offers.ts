import type { OfferFixes } from '../rule-fix';

/** Moving the call out is the cleaner fix where the try holds nothing it depends on; the rethrow always applies. */
export const offerRedirectInTry: OfferFixes = () => [
  { fix: 'redirect-in-try/move-after-try', title: 'Move the navigation after the try/catch', preferred: true, local: true },
  { fix: 'redirect-in-try/rethrow', title: 'Rethrow navigation errors first in the catch (unstable_rethrow)', preferred: false, local: true },
];
