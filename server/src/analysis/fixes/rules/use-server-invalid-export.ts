import { Node, SyntaxKind, type SourceFile, type Statement } from 'ts-morph';
import { positionOf } from '../../positions';
import { baseName, dirName, joinPath } from '../../project/paths';
import { definitionKey } from '../../project/project-index';
import type { Finding } from '../../types';
import { relativeToApp } from '../extract-service';
import { editBetween, type FileChange, type TextChange } from '../file-change';
import { moduleWith, reimported, repointNames, styleOf, type ImportBinding } from '../imports';
import { morphProject } from '../morph-project';
import { addAll, addBinding, isPropertyName, isWithinNode, leadingStart, nodeAt, referencesOf, statementRemoval, topStatement, translate } from '../morph-syntax';
import { freeName, importSpecifierLike } from '../placement';
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
  const { index, fs } = context;
  const home = finding.file;
  const target = sharedModulePath(context, home);
  const importers = index.importersOf(home).filter((f) => f !== home && f !== target);
  const { sources } = morphProject(fs, context.app, [home, ...(fs.fileExists(target) ? [target] : []), ...importers]);
  const source = sources[0]!;
  const existing = sources.find((s) => s.getFilePath() === target);
  const style = styleOf(source);
  const statement = exportStatement(source, finding.span.start, name);
  const moved = source.getFullText().slice(leadingStart(statement), statement.getEnd());

  const imports = new Map<string, ImportBinding[]>();
  for (const { identifier, declaration, kind } of referencesOf([statement], source, statement, (d) => isWithinNode(statement, d))) {
    const used = identifier.getText();
    if (kind === 'import') addBinding(imports, declaration, used, (s) => translate(context, home, target, s));
    else if ((Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration)) && declaration.isExported()) addAll(imports, siblingSpecifier(home), [{ imported: used, local: used, typeOnly: true }]);
    else refuse(`"${name}" uses "${used}", which this module declares: move that first, or with it.`);
  }
  const changes: FileChange[] = [moduleWith(target, existing, style, imports, [moved])];

  const text = source.getFullText();
  const removal = statementRemoval(statement);
  const rest = text.slice(0, removal.start) + text.slice(removal.end);
  const stillUsed = source.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === name && !isPropertyName(i) && !isWithinNode(statement, i) && !i.getFirstAncestorByKind(SyntaxKind.ImportDeclaration));
  const after = reimported(source, rest, style, stillUsed ? [{ specifier: siblingSpecifier(target), bindings: [{ imported: name, local: name, typeOnly: false }] }] : []);
  changes.push(editBetween(home, text, after)!);

  for (const importer of sources.filter((s) => importers.includes(s.getFilePath()))) {
    const edits = repointedIn(context, importer, home, target, name);
    if (edits.length > 0) changes.push({ kind: 'edit', path: importer.getFilePath(), edits });
  }
  return { ok: true, title: `Move "${name}" to ${baseName(target)}`, changes };
}

/** `actions.shared.ts` next to `actions.ts`, unless a module of that name has a directive: then the first free `actions.shared2.ts`… */
function sharedModulePath(context: RefactorContext, home: string): string {
  const extension = /\.[^./]+$/.exec(home)?.[0] ?? '.ts';
  const stem = joinPath(dirName(home), `${baseName(home).slice(0, -extension.length)}.shared`);
  const unfit = (candidate: string): boolean => {
    const path = `${candidate}${extension}`;
    if (!context.fs.fileExists(path)) return false;
    const facts = context.index.facts(path);
    return !facts || facts.directive !== null;
  };
  return `${freeName(stem, unfit)}${extension}`;
}

/** How a module imports another of its folder: `./actions`. */
function siblingSpecifier(path: string): string {
  return `./${baseName(path).replace(/\.[^.]+$/, '')}`;
}

/** The top-level statement that declares and exports `name` alone. */
function exportStatement(source: SourceFile, at: number, name: string): Statement {
  const node = source.getDescendantAtPos(at);
  const statement = node && topStatement(node);
  const exported = statement && (Node.isVariableStatement(statement) || Node.isClassDeclaration(statement) || Node.isFunctionDeclaration(statement) || Node.isEnumDeclaration(statement)) && statement.isExported();
  if (!statement || !exported) refuse(`"${name}" is no longer exported by a declaration of its own: ask for the fix again.`);
  if (Node.isVariableStatement(statement) && statement.getDeclarations().length > 1) refuse(`"${name}" is declared with other variables: give it a statement of its own first.`);
  return statement;
}

/** The edits that make an importer take `name` from the new module, with the path written as it wrote the old one. */
function repointedIn(context: RefactorContext, importer: SourceFile, home: string, target: string, name: string): TextChange[] {
  const shown = relativeToApp(context, importer.getFilePath());
  const style = styleOf(importer);
  const edits: TextChange[] = [];
  const declarations = [...importer.getImportDeclarations(), ...importer.getExportDeclarations().filter((d) => d.getModuleSpecifier())];
  for (const declaration of declarations) {
    const specifier = declaration.getModuleSpecifierValue()!;
    const resolved = context.index.resolve(importer.getFilePath(), specifier);
    if (resolved.kind !== 'file' || resolved.path !== home) continue;
    if (Node.isExportDeclaration(declaration) && !declaration.hasNamedExports()) refuse(`${shown} re-exports all of ${baseName(home)}: "${name}" would no longer be among it. Re-export it by name first.`);
    const namespace = Node.isImportDeclaration(declaration) ? declaration.getNamespaceImport()?.getText() : undefined;
    if (namespace && importer.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).some((p) => p.getExpression().getText() === namespace && p.getName() === name)) {
      refuse(`${shown} reads it as ${namespace}.${name}: import it by name first.`);
    }
    edits.push(...repointNames(importer, style, declaration, new Set([name]), importSpecifierLike(context.app, importer.getFilePath(), target, specifier)));
  }
  return edits;
}
