import type { OfferFixes } from '../rule-fix';

/** The handler is in the finding's file (not re-exported from another one): the fix edits that file alone. */
export const offerWebhookRawBody: OfferFixes = (finding) =>
  finding.related[0]?.file === finding.file ? [{ fix: 'webhook-body-parsed-before-verify/raw-body', title: 'Verify the raw body: read request.text(), then JSON.parse it', preferred: true, local: true }] : [];
