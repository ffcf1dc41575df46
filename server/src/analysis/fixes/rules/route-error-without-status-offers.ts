import type { ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes } from '../rule-fix';

const REASON_PHRASES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 500: 'Internal Server Error' };

/** The status the finding's response calls for, as its facts tell (`ReturnFact.errorStatus`). */
export function errorStatusAt(index: ProjectIndex, finding: Finding): number | null {
  const returned = index.facts(finding.file)?.functions.flatMap((f) => f.returns).find((r) => r.span.start === finding.span.start && r.span.end === finding.span.end);
  return returned?.errorStatus ?? null;
}

/** `Answer 404 Not Found`. */
export function statusTitle(status: number): string {
  return `Answer ${status} ${REASON_PHRASES[status] ?? ''}`.trimEnd();
}

export const offerRouteErrorStatus: OfferFixes = (finding, { index }) => {
  const status = errorStatusAt(index, finding);
  return status === null ? [] : [{ fix: 'route-error-without-status/status', title: statusTitle(status), preferred: true, local: true }];
};
