import type { FunctionFact } from '../../facts/file-facts';
import type { ProjectIndex } from '../../project/project-index';
import type { AdvisorSettings } from '../../settings';
import type { Finding } from '../../types';
import { actionOfFinding } from '../finding-endpoint';
import { describePaths, revalidationOf, type Revalidation } from '../revalidation-targets';
import type { OfferFixes, RuleFixOffer } from '../rule-fix';

const FIX = 'action-missing-revalidation/revalidate-path';
const REFRESH = 'action-missing-revalidation/refresh';

/** What the fix revalidates after the action's last write, with its title, or why it cannot tell. */
export function revalidationPlan(index: ProjectIndex, settings: AdvisorSettings, finding: Finding): (Revalidation & { fn: FunctionFact; file: string; title: string }) | { reason: string; title: string } {
  const title = 'Revalidate the pages that show the data after the write';
  const action = actionOfFinding(index, finding);
  const app = index.appOf(finding.file);
  if (!action || !app) return { reason: 'The action is no longer there: ask for the fix again.', title };
  const found = revalidationOf(index, settings, app, action.file, action.fn);
  if ('reason' in found) return { reason: found.reason, title };
  const what = found.models.length > 0 ? `"${found.models[0]}"` : 'what it writes';
  const shown = describePaths(found.paths);
  return {
    ...found,
    fn: action.fn,
    file: action.file,
    title: found.fallback ? `Revalidate ${shown}, the page of this folder, after the write (no page found that reads ${what})` : `Revalidate ${shown} after the write`,
  };
}

/**
 * `revalidatePath` for the pages that read what the action writes; disabled when no page can be told.
 * From Next.js 16 on, `refresh()` too: it re-renders the page of the user who called the action,
 * preferred when no page that reads the data can be told.
 */
export const offerActionMissingRevalidation: OfferFixes = (finding, { index, settings }) => {
  const plan = revalidationPlan(index, settings, finding);
  const offers: RuleFixOffer[] = [{ fix: FIX, title: plan.title, preferred: !('reason' in plan), local: true, ...('reason' in plan ? { disabled: plan.reason } : {}) }];
  if ((index.appOf(finding.file)?.versions.next?.major ?? 0) >= 16 && actionOfFinding(index, finding)) {
    offers.push({ fix: REFRESH, title: "Refresh the caller's page with refresh() after the write", preferred: 'reason' in plan, local: true });
  }
  return offers;
};
