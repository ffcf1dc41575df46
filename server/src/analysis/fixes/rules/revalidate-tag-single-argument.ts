import { Node } from 'ts-morph';
import { applyEdits, editBetween } from '../file-change';
import { reimported, styleOf } from '../imports';
import { morphProject } from '../morph-project';
import { nodeAt } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { inAction } from './revalidate-tag-single-argument-offers';

/**
 * `revalidate-tag-single-argument/max-profile`: the `'max'` profile is passed, so that the stale
 * entry is served while a fresh one loads; `/update-tag`, in a Server Action: `updateTag(tag)`
 * expires it at once, for the user to read their own write:
 *
 * ```ts
 * revalidateTag('posts')   →   revalidateTag('posts', 'max')
 *                          →   updateTag('posts')
 * ```
 */
export function fixRevalidateTagProfile(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const { sources } = morphProject(context.fs, context.app, [finding.file]);
  const source = sources[0]!;
  const call = nodeAt(source, finding.span);
  const tag = call && Node.isCallExpression(call) && call.getArguments().length === 1 ? call.getArguments()[0] : undefined;
  if (!call || !tag) refuse('The call is no longer revalidateTag(tag): ask for the fix again.');
  const style = styleOf(source);
  const text = source.getFullText();
  if (request.fix === 'revalidate-tag-single-argument/max-profile') {
    const q = style.quote;
    return { ok: true, title: "Pass the 'max' profile", changes: [{ kind: 'edit', path: finding.file, edits: [{ start: tag.getEnd(), end: tag.getEnd(), newText: `, ${q}max${q}` }] }] };
  }
  if (!inAction(context.index, finding)) refuse('updateTag() works only in a Server Action, and this call is not in one.');
  const replaced = applyEdits(text, [{ start: call.getStart(), end: call.getEnd(), newText: `updateTag(${tag.getText()})` }]);
  const edited = reimported(source, replaced, style, [{ specifier: 'next/cache', bindings: [{ imported: 'updateTag', local: 'updateTag', typeOnly: false }] }]);
  return { ok: true, title: 'Expire it at once with updateTag(tag)', changes: [editBetween(finding.file, text, edited)!] };
}
