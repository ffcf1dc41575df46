import { guardOffers } from '../session-guard';

/** The app's guard (or its auth library's) first in the handler, answering 401; disabled, with the reason, when there is none. */
export const offerRouteMissingAuth = guardOffers('route-missing-auth/guard', 'route');
