import { Behaviour } from '../../behaviour';
import { vocabularyFor } from '../../vocabulary';
import { importEdits, linesAfter, quoted, statementAfter } from '../body-edits';
import { styleOf } from '../imports';
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
 */
export function fixActionMissingRevalidation(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { index, settings } = context;
  const plan = revalidationPlan(index, settings, request.finding);
  if ('reason' in plan) refuse(plan.reason);
  const write = new Behaviour(index, vocabularyFor(settings)).dataWrites(index.facts(plan.file)!, plan.fn).at(-1);
  if (!write) refuse('The action writes nothing any more: there is nothing to revalidate.');
  const { sources } = morphProject(context.fs, context.app, [plan.file]);
  const source = sources[0]!;
  const style = styleOf(source);
  const { body } = locate(source, plan.fn);
  const call = nodeAt(source, write.span);
  if (!call) refuse('The write is no longer there: ask for the fix again.');
  const lines = plan.paths.map((p) => `revalidatePath(${quoted(style, p.path)}${p.type ? `, ${quoted(style, p.type)}` : ''})${style.semicolon}`);
  const imports = importEdits(source, style, new Map([['next/cache', [{ imported: 'revalidatePath', local: 'revalidatePath', typeOnly: false }]]]));
  return { ok: true, title: plan.title, changes: [{ kind: 'edit', path: plan.file, edits: [linesAfter(statementAfter(body, call), lines, style), ...imports] }] };
}
