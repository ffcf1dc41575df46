import type { ExportFact } from '../../facts/file-facts';
import type { ActionDef, ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes } from '../rule-fix';

/** The module action a finding is about, with its export. */
export function unusedActionAt(index: ProjectIndex, finding: Finding): { action: ActionDef; exported: ExportFact } | null {
  const at = (span: { start: number; end: number }): boolean => span.start === finding.span.start && span.end === finding.span.end;
  const action = index.actionsIn(finding.file).find((a) => a.kind === 'module' && at(a.span));
  const exported = index.facts(finding.file)?.exports.find((e) => at(e.span));
  return action && exported ? { action, exported } : null;
}

/**
 * Offered when the export is the statement declaring the action (`export async function`,
 * `export const … =`) and its only export: removing an alias (`export { a as b }`, `export default a`)
 * would leave the other name. It deletes code, so it is never part of "fix all".
 */
export const offerUnusedServerAction: OfferFixes = (finding, { index }) => {
  const found = unusedActionAt(index, finding);
  if (!found) return [];
  const { action, exported } = found;
  const declared = exported.value.kind === 'function' || exported.value.kind === 'call';
  if (!declared || exported.name === 'default' || index.actionsIn(finding.file).some((a) => a !== action && a.key === action.key)) return [];
  // The rule reports an action its module calls only when those calls are all it has.
  const calledHere = index.usagesOf(action.key).length > 0;
  return [{ fix: 'unused-server-action/remove', title: calledHere ? `Remove the export of "${action.name}"` : `Remove "${action.name}"`, preferred: true, local: false }];
};
