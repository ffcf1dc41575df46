import type { FunctionFact, ParamFact, UsageContext } from '../../facts/file-facts';
import type { ActionDef, ProjectIndex } from '../../project/project-index';
import { listLabels } from '../../rules/shared';
import type { Finding } from '../../types';
import { actionOfFinding } from '../finding-endpoint';
import { dependsOn } from '../placement';
import type { OfferFixes } from '../rule-fix';

const FIX = 'action-unvalidated-input/zod-schema';
/** The state a `useActionState` action receives first: not input the caller chose. */
const STATE_PARAM = /^_?(prev|previous)?state$/i;
/** Callers that take the action as a function returning nothing: a new result type breaks them. */
const VOID_CALLERS = new Set<UsageContext>(['form-action', 'transition', 'reference']);

/** What the schema checks: the form's fields, or the parameters the caller passes. */
export interface ValidationPlan {
  action: ActionDef & { fn: FunctionFact };
  input: { kind: 'form'; keys: string[] } | { kind: 'params'; params: ParamFact[] };
  title: string;
}

/**
 * The input of the action a finding is about, as the rule reads it (the form data when it reads
 * fields, else the parameters after the state), or why a zod schema cannot be written for it.
 */
export function validationPlan(index: ProjectIndex, finding: Finding): ValidationPlan | { reason: string; title: string } {
  let title = 'Validate the input with a zod schema';
  const action = actionOfFinding(index, finding);
  const app = index.appOf(finding.file);
  if (!action || !app) return { reason: 'The action is no longer there: ask for the fix again.', title };
  if (!dependsOn({ app }, 'zod')) {
    const valibot = dependsOn({ app }, 'valibot') ? ' (this fix writes zod schemas, not valibot ones)' : '';
    return { reason: `Add zod to validate the input with a schema: the app's package.json does not list it${valibot}.`, title };
  }
  const fn = action.fn;
  const reads = fn.formDataReads;
  const formAt = fn.params.findIndex((p) => p.type === 'form-data');
  const params = fn.params.filter((p, i) => p.type !== 'form-data' && !(formAt > i) && !STATE_PARAM.test(p.name));
  const input: ValidationPlan['input'] = reads.length > 0 ? { kind: 'form', keys: [...new Set(reads.map((r) => r.key ?? ''))] } : { kind: 'params', params };
  const labels = input.kind === 'form' ? input.keys : params.flatMap((p) => p.names);
  title = `Validate ${listLabels(labels)} with a zod schema`;
  if (reads.some((r) => r.key === null)) return { reason: `"${action.name}" reads a form field by a computed name: its schema has to be written by hand.`, title };
  const untyped = input.kind === 'params' ? params.find((p) => p.type === 'none' || p.type === 'any' || p.type === 'unknown' || p.type === 'object') : undefined;
  if (untyped) return { reason: `"${untyped.name}" has no type a schema can be built from: give it one, then ask again.`, title };
  // An action that returned nothing, used where a function returning nothing is expected, cannot start returning errors.
  const returnsNothing = !fn.returns.some((r) => r.kind === 'value' || r.kind === 'error-object');
  const voidCaller = returnsNothing ? index.usagesOf(action.key).find((ref) => VOID_CALLERS.has(ref.usage.context)) : undefined;
  if (voidCaller) {
    return { reason: `"${action.name}" returns nothing, and it is used where nothing is expected (${voidCaller.usage.context === 'form-action' ? 'a <form action>' : voidCaller.usage.context === 'transition' ? 'a transition' : 'passed on as a function'}): the field errors could not reach the form. Call it through useActionState first.`, title };
  }
  return { action, input, title };
}

/** The zod schema, offered only where the app depends on zod and the input's shape can be told. */
export const offerActionUnvalidatedInput: OfferFixes = (finding, { index }) => {
  const plan = validationPlan(index, finding);
  return [{ fix: FIX, title: plan.title, preferred: true, local: true, ...('reason' in plan ? { disabled: plan.reason } : {}) }];
};
