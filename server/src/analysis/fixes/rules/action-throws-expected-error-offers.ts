import type { ActionDef, ProjectIndex } from '../../project/project-index';
import { relativePath } from '../../project/paths';
import type { Finding } from '../../types';
import type { OfferFixes } from '../rule-fix';

/** The innermost action whose function holds the finding's `throw`. */
export function throwingAction(index: ProjectIndex, finding: Finding): ActionDef | null {
  const holds = (a: ActionDef): boolean => a.fn !== null && a.fn.span.start <= finding.span.start && finding.span.end <= a.fn.span.end;
  const size = (a: ActionDef): number => a.fn!.span.end - a.fn!.span.start;
  return index.actionsIn(finding.file).filter(holds).sort((a, b) => size(a) - size(b))[0] ?? null;
}

/** Why a returned error would reach no one: a `<form action>` calls the action itself and drops what it returns. */
export function unshownError(index: ProjectIndex, action: ActionDef): string | null {
  const direct = index.usagesOf(action.key).find((u) => u.usage.context === 'form-action');
  if (!direct) return null;
  const root = index.appOf(direct.file)?.root;
  return `"${action.name}" is the action of a form in ${root ? relativePath(root, direct.file) : direct.file}, which drops what it returns: a returned error would show nowhere. Call it through useActionState first.`;
}

/** Multi-file when a `useActionState<State, …>` caller writes out a state type, which may need to admit the error. */
export const offerReturnError: OfferFixes = (finding, { index }) => {
  const action = throwingAction(index, finding);
  if (!action) return [];
  const disabled = unshownError(index, action);
  const local = !index.usagesOf(action.key).some((u) => u.usage.context === 'action-state' && u.usage.typedState);
  return [{ fix: 'action-throws-expected-error/return-error', title: 'Return the error instead of throwing it', preferred: true, local, ...(disabled ? { disabled } : {}) }];
};
