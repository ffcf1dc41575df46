import type { FunctionFact } from '../../facts/file-facts';
import type { ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes } from '../rule-fix';

/** The move writes a new module (or extends the folder's actions module) and imports it: never local. */
export const offerInlineUseServerInClient: OfferFixes = (finding, { index }) => {
  const disabled = whyNotMovable(index, finding);
  return [{ fix: 'inline-use-server-in-client/move-to-module', title: "Move to a 'use server' module and import it", preferred: true, local: false, ...(disabled ? { disabled } : {}) }];
};

/** The inline action a finding is reported on, by its name's span. */
export function inlineActionOf(index: ProjectIndex, finding: Finding): FunctionFact | undefined {
  return index.facts(finding.file)?.functions.find((f) => f.inlineUseServer && f.nameSpan.start === finding.span.start && f.nameSpan.end === finding.span.end);
}

/** What the facts alone tell against the move; the builder refuses for the same reasons. */
export function whyNotMovable(index: ProjectIndex, finding: Finding): string | undefined {
  const fn = inlineActionOf(index, finding);
  if (!fn) return undefined;
  if (!fn.async) return 'A Server Action must be an async function: make it async first.';
  const exported = index.facts(finding.file)?.exports.some((e) => e.value.kind === 'function' && e.value.fn === fn.id);
  if (exported) return `"${fn.name}" is exported from the client module: move it by hand, so that its importers import it from the new module.`;
  return undefined;
}
