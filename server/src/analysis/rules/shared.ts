import type { CallChain, FunctionFact, UsageContext } from '../facts/file-facts';
import type { ActionDef, UsageRef } from '../project/project-index';
import { relativePath } from '../project/paths';
import type { RelatedLocation } from '../types';
import type { RuleContext } from './rule';

/** A path as the user reads it: relative to the app (or the file's own folder when outside one). */
export function displayPath(context: RuleContext, path: string): string {
  return context.app ? relativePath(context.app.root, path) : path;
}

/** The callers of an action in the given contexts. */
export function usagesIn(context: RuleContext, action: ActionDef, contexts: UsageContext[]): UsageRef[] {
  return context.index.usagesOf(action.key).filter((ref) => contexts.includes(ref.usage.context));
}

export function relatedUsages(refs: UsageRef[], message: (ref: UsageRef) => string): RelatedLocation[] {
  return refs.map((ref) => ({ file: ref.file, span: ref.usage.span, message: message(ref) }));
}

/** The caller's component, as `in ProjectList (components/project-list.tsx)`. */
export function describeCaller(context: RuleContext, ref: UsageRef): string {
  const where = displayPath(context, ref.file);
  return ref.usage.container ? `\`${ref.usage.container}\` (${where})` : where;
}

/** A wrapper authenticates, or the function checks the session before `offset`. */
export function authenticatedBefore(context: RuleContext, fnFile: string, fn: FunctionFact, wrapper: CallChain | null, offset: number): boolean {
  const facts = context.index.facts(fnFile);
  if (!facts) return false;
  if (context.behaviour.wrapperAuthenticates(fnFile, wrapper)) return true;
  return context.behaviour.authCalls(facts, fn).some((call) => call.span.start < offset);
}

/** `a`, `a and b`, `a, b and 2 more`. */
export function listLabels(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 2) return unique.map((l) => `\`${l}\``).join(' and ');
  return `\`${unique[0]}\`, \`${unique[1]}\` and ${unique.length - 2} more`;
}
