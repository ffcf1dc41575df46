import { guardOffers } from '../session-guard';

/** The app's guard (or its auth library's) first in the action; disabled, with the reason, when there is none. */
export const offerActionMissingAuth = guardOffers('action-missing-auth/guard', 'action');
