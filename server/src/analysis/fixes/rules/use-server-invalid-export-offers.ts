import type { ExportFact, ValueFact } from '../../facts/file-facts';
import type { ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes, RuleFixOffer } from '../rule-fix';

/** The export a finding is about, with what it stands for (aliases followed within the file). */
export function invalidExportAt(index: ProjectIndex, finding: Finding): { exported: ExportFact; value: ValueFact } | null {
  const exported = index.facts(finding.file)?.exports.find((e) => e.span.start === finding.span.start && e.span.end === finding.span.end);
  const definition = exported && index.resolveExport(finding.file, exported.name);
  return exported && definition ? { exported, value: definition.value } : null;
}

/**
 * A function that is not async is made async, or moved like any other value; a value is moved only
 * when its own statement exports it (`export const`, `export class`), as that statement is what moves.
 */
export const offerUseServerExport: OfferFixes = (finding, { index }) => {
  const found = invalidExportAt(index, finding);
  if (!found) return [];
  const { exported, value } = found;
  const name = exported.name;
  const offers: RuleFixOffer[] = [];
  if (value.kind === 'function') offers.push({ fix: 'use-server-invalid-export/make-async', title: `Make "${name}" async`, preferred: true, local: true });
  const declaredHere = exported.value.kind === 'function' || exported.value.kind === 'class' || exported.value.kind === 'other';
  if (declaredHere && name !== 'default') offers.push({ fix: 'use-server-invalid-export/move-export', title: `Move "${name}" to a module without 'use server'`, preferred: false, local: false });
  return offers;
};
