import type { OfferFixes } from '../rule-fix';
import { actionCalledAt, readRouteOffer } from './action-used-for-read-offers';

/** The read an effect or a query function loads through becomes a GET route the component fetches. */
export const offerActionCalledInEffect: OfferFixes = (finding, { index }) => {
  const action = actionCalledAt(index, finding);
  return action ? [readRouteOffer('action-called-in-effect', index, action)] : [];
};
