import type { OfferFixes } from '../rule-fix';

/** The flag goes in next.config, another file than the finding's: never part of "fix all". */
export const offerAuthInterruptsFlag: OfferFixes = () => [
  { fix: 'auth-interrupt-without-flag/enable-flag', title: 'Enable experimental.authInterrupts in next.config', preferred: true, local: false },
];
