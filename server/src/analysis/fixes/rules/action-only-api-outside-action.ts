import { Node } from 'ts-morph';
import { applyEdits, editBetween } from '../file-change';
import { reimported, styleOf } from '../imports';
import { morphProject } from '../morph-project';
import { nodeAt, statementRemoval } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { actionOnlyCallAt } from './action-only-api-outside-action-offers';

/**
 * `action-only-api-outside-action/revalidate-tag` and `/drop-refresh`: in a Route Handler,
 * `updateTag(tag)` becomes `revalidateTag(tag, 'max')`, and `refresh()` goes, with its import:
 *
 * ```ts
 * updateTag('posts')   →   revalidateTag('posts', 'max')
 * refresh()            →   (removed)
 * ```
 */
export function fixActionOnlyApiOutsideAction(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const found = actionOnlyCallAt(context.index, finding) ?? refuse('The call is no longer there: ask for the fix again.');
  const { sources } = morphProject(context.fs, context.app, [finding.file]);
  const source = sources[0]!;
  const call = nodeAt(source, finding.span);
  if (!call || !Node.isCallExpression(call)) refuse('The call is no longer there: ask for the fix again.');
  const style = styleOf(source);
  const text = source.getFullText();
  if (found.imported === 'refresh') {
    const statement = call.getParent();
    if (!Node.isExpressionStatement(statement)) refuse('refresh() is part of a larger expression here: remove it by hand.');
    const edited = reimported(source, applyEdits(text, [statementRemoval(statement)]), style, []);
    return { ok: true, title: 'Remove refresh()', changes: [editBetween(finding.file, text, edited)!] };
  }
  const [tag] = call.getArguments();
  if (!tag) refuse('updateTag() is given no tag here.');
  const q = style.quote;
  const replaced = applyEdits(text, [{ start: call.getStart(), end: call.getEnd(), newText: `revalidateTag(${tag.getText()}, ${q}max${q})` }]);
  const edited = reimported(source, replaced, style, [{ specifier: 'next/cache', bindings: [{ imported: 'revalidateTag', local: 'revalidateTag', typeOnly: false }] }]);
  return { ok: true, title: "Expire the tag with revalidateTag(tag, 'max')", changes: [editBetween(finding.file, text, edited)!] };
}
