import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { positionOf } from '../../positions';
import { baseName } from '../../project/paths';
import { definitionKey } from '../../project/project-index';
import type { Finding } from '../../types';
import { relativeToApp } from '../extract-service';
import type { TextChange } from '../file-change';
import { morphProject } from '../morph-project';
import { moveDeclaration, siblingModulePath } from '../move-declaration';
import { nodeAt } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { invalidExportAt } from './use-server-invalid-export-offers';

/** Where React calls the function itself (a form's action, `useActionState`, a transition…), awaiting or dropping what it returns. */
const AWAITED_CONTEXTS = new Set(['form-action', 'action-state', 'transition', 'event-handler', 'effect', 'query-fn']);

/** An export that is no async function is made async (`makeAsync`) or moved out of the module (`moveExport`). */
export function fixUseServerExport(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const name = invalidExportAt(context.index, request.finding)?.exported.name ?? refuse('The export is no longer there: ask for the fix again.');
  return request.fix === 'use-server-invalid-export/make-async' ? makeAsync(request.finding, context, name) : moveExport(request.finding, context, name);
}

/**
 * `use-server-invalid-export/make-async`: the function becomes async, a declared return type
 * becoming a `Promise` of it; refused when code on the server uses its result without awaiting it
 * (a Promise would come instead):
 *
 * ```ts
 * export function archiveProject(formData: FormData): Promise<void> {   →   export async function archiveProject(formData: FormData): Promise<void> {
 * export const rename = (id: string): void => { … }                      →   export const rename = async (id: string): Promise<void> => { … }
 * ```
 */
function makeAsync(finding: Finding, context: RefactorContext, name: string): RefactorOutcome {
  const { index } = context;
  const definition = index.resolveExport(finding.file, name);
  const fact = index.functionOf(definition);
  if (!definition || !fact) refuse(`"${name}" is no longer a function: ask for the fix again.`);
  const unawaited = index.usagesOf(definitionKey(definition)).filter((u) => !AWAITED_CONTEXTS.has(u.usage.context) && !index.runsInBrowser(u.file));
  const { sources } = morphProject(context.fs, context.app, [...new Set([finding.file, ...unawaited.map((u) => u.file)])]);
  const sourceOf = (path: string): SourceFile => sources.find((s) => s.getFilePath() === path)!;
  for (const { file, usage } of unawaited) {
    const reference = nodeAt(sourceOf(file), usage.span);
    if (reference && awaitsResult(reference)) continue;
    const line = positionOf(index.facts(file)?.lineStarts ?? [0], usage.span.start).line + 1;
    refuse(`"${name}" is used in ${relativeToApp(context, file)} (line ${line}) without awaiting it: as an async function it would give a Promise there. Move it to a module without 'use server' instead.`);
  }
  const fn = nodeAt(sourceOf(finding.file), fact.span);
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn))) refuse(`"${name}" is no longer a function: ask for the fix again.`);
  if (!Node.isArrowFunction(fn) && fn.isGenerator()) refuse(`"${name}" is a generator: an async generator is no Server Action either. Move it to a module without 'use server'.`);
  if (Node.isFunctionDeclaration(fn) && fn.getOverloads().length > 0) refuse(`"${name}" has overloads: make each of them return a Promise by hand.`);
  const at = Node.isArrowFunction(fn) ? fn.getStart() : fn.getFirstChildByKindOrThrow(SyntaxKind.FunctionKeyword).getStart();
  const edits: TextChange[] = [{ start: at, end: at, newText: 'async ' }];
  const returnType = fn.getReturnTypeNode();
  if (returnType && !/^Promise\s*</.test(returnType.getText())) edits.push({ start: returnType.getStart(), end: returnType.getEnd(), newText: `Promise<${returnType.getText()}>` });
  return { ok: true, title: `Make "${name}" async`, changes: [{ kind: 'edit', path: finding.file, edits }] };
}

/** `await f()`, `void f()`, or `return f()` in an async function: what it returns is awaited, or dropped. */
function awaitsResult(reference: Node): boolean {
  const call = reference.getParent();
  if (!Node.isCallExpression(call) || call.getExpression() !== reference) return false;
  const parent = call.getParent();
  if (Node.isAwaitExpression(parent) || Node.isVoidExpression(parent)) return true;
  const returned = Node.isReturnStatement(parent) || (Node.isArrowFunction(parent) && parent.getBody() === call);
  const fn = call.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isArrowFunction(a) || Node.isMethodDeclaration(a));
  return returned && fn !== undefined && Node.isAsyncable(fn) && fn.isAsync();
}

/**
 * `use-server-invalid-export/move-export`: the exported declaration moves, with its comments and the
 * imports it needs, to a module next to this one named after it (`actions.ts` → `actions.shared.ts`:
 * what the actions share with the modules that call them), appended when that module exists and has
 * no directive, else to the first free `actions.shared2.ts`…; this module imports it back if it uses
 * it, and every module that imported it from here imports it from there, the way it wrote the path:
 *
 * ```ts
 * // app/projects/actions.ts              // app/projects/actions.shared.ts
 * 'use server'                             export const PAGE_SIZE = 20
 *
 * export const PAGE_SIZE = 20        →     // and in app/projects/page.tsx
 *                                          import { listProjects } from '@/app/projects/actions'
 * // app/projects/page.tsx                 import { PAGE_SIZE } from '@/app/projects/actions.shared'
 * import { listProjects, PAGE_SIZE } from '@/app/projects/actions'
 * ```
 *
 * Refused when the declaration uses a value this module declares, or when a module reads the name
 * through `import * as` or re-exports the whole module.
 */
function moveExport(finding: Finding, context: RefactorContext, name: string): RefactorOutcome {
  const target = siblingModulePath(context, finding.file, (stem) => `${stem}.shared`);
  return { ok: true, title: `Move "${name}" to ${baseName(target)}`, changes: moveDeclaration(context, finding.file, finding.span.start, name, target) };
}
