import { Behaviour } from '../../behaviour';
import { vocabularyFor } from '../../vocabulary';
import { importEdits, linesAfter, quoted, statementAfter } from '../body-edits';
import { styleOf, type CodeStyle } from '../imports';
import type { FunctionFact } from '../../facts/file-facts';
import { actionOfFinding } from '../finding-endpoint';
import { morphProject } from '../morph-project';
import { nodeAt } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { locate } from '../target-function';
import { revalidationPlan } from './action-missing-revalidation-offers';

/**
 * `action-missing-revalidation/revalidate-path`: `revalidatePath` right after the action's last
 * write (after the loop or the callback holding it), imported from `next/cache`, for the pages
 * whose files read what it writes: a static page by its URL, a dynamic one by its folder path and
 * `'page'`, more than three by the layout they share. With no such page, the page of the action's
 * own folder (or the nearest above it), which the title says.
 *
 * ```ts
 * export async function renameProject(id: string, name: string) {      export async function renameProject(id: string, name: string) {
 *   await db.project.update({ where: { id }, data: { name } })  →    await db.project.update({ where: { id }, data: { name } })
 * }                                                                     revalidatePath('/projects')
 *                                                                       revalidatePath('/projects/[id]', 'page')
 *                                                                     }
 * ```
 *
 * `action-missing-revalidation/refresh` (Next.js 16 on): `refresh()` there instead, which re-renders
 * the page of the user who called the action.
 */
export function fixActionMissingRevalidation(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { index, settings } = context;
  if (request.fix === 'action-missing-revalidation/refresh') {
    const action = actionOfFinding(index, request.finding) ?? refuse('The action is no longer there: ask for the fix again.');
    return afterLastWrite(context, action.file, action.fn, () => ['refresh()'], 'refresh', "Refresh the caller's page with refresh() after the write");
  }
  const plan = revalidationPlan(index, settings, request.finding);
  if ('reason' in plan) refuse(plan.reason);
  const lines = (style: CodeStyle): string[] => plan.paths.map((p) => `revalidatePath(${quoted(style, p.path)}${p.type ? `, ${quoted(style, p.type)}` : ''})`);
  return afterLastWrite(context, plan.file, plan.fn, lines, 'revalidatePath', plan.title);
}

/** `calls` of `imported` from `next/cache`, one per line, right after the function's last write. */
function afterLastWrite(context: RefactorContext, file: string, fn: FunctionFact, calls: (style: CodeStyle) => string[], imported: string, title: string): RefactorOutcome {
  const write = new Behaviour(context.index, vocabularyFor(context.settings)).dataWrites(context.index.facts(file)!, fn).at(-1);
  if (!write) refuse('The action writes nothing any more: there is nothing to revalidate.');
  const { sources } = morphProject(context.fs, context.app, [file]);
  const source = sources[0]!;
  const style = styleOf(source);
  const { body } = locate(source, fn);
  const call = nodeAt(source, write.span);
  if (!call) refuse('The write is no longer there: ask for the fix again.');
  const lines = calls(style).map((line) => `${line}${style.semicolon}`);
  const imports = importEdits(source, style, new Map([['next/cache', [{ imported, local: imported, typeOnly: false }]]]));
  return { ok: true, title, changes: [{ kind: 'edit', path: file, edits: [linesAfter(statementAfter(body, call), lines, style), ...imports] }] };
}
