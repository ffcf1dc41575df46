import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { relativeToApp } from '../extract-service';
import { editBetween, type FileChange, type TextChange } from '../file-change';
import { reExportWithout, reimported, styleOf } from '../imports';
import { morphProject } from '../morph-project';
import { statementRemoval, usedOutside } from '../morph-syntax';
import { exportStatement } from '../move-declaration';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { unusedActionAt } from './unused-server-action-offers';

/**
 * `unused-server-action/remove`: the function goes, with its comments and the imports only it used;
 * when the module itself still calls it, only its `export` goes, and it stays a plain function of the
 * module. A re-export of it by name that nothing imports (`export { reopenTask } from './actions'`)
 * goes too:
 *
 * ```ts
 * 'use server'                                         'use server'
 *
 * import { db } from '@/lib/db'                         import { db } from '@/lib/db'
 * import { welcome } from '@/lib/notify'          →
 *                                                       async function findProject(id: string) { … }
 * export async function findProject(id: string) { … }
 *                                                       export async function archiveProject(…) { … findProject(id) … }
 * export async function archiveProject(…) { … findProject(id) … }
 *
 * // Called by nothing since the invitation page went away.
 * export async function welcomeToProject(id: string) { … welcome(user, id) … }
 * ```
 *
 * (two findings, each fixed on its own: both shown applied). Refused when a module still imports it
 * (`import { type reopenTask }`), or re-exports it onward.
 */
export function fixUnusedServerAction(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const name = unusedActionAt(context.index, finding)?.action.name ?? refuse('The export is no longer there: ask for the fix again.');
  const home = finding.file;
  const { sources } = morphProject(context.fs, context.app, [home, ...context.index.importersOf(home).filter((f) => f !== home)]);
  const source = sources[0]!;
  const statement = exportStatement(source, finding.span.start, name);
  const changes: FileChange[] = [];
  for (const importer of sources.slice(1)) {
    const edits = reExportsRemoved(context, importer, home, name);
    if (edits.length > 0) changes.push({ kind: 'edit', path: importer.getFilePath(), edits });
  }
  const text = source.getFullText();
  if (usedOutside(source, statement, name)) {
    const keyword = Node.isModifierable(statement) ? statement.getFirstModifierByKind(SyntaxKind.ExportKeyword) : undefined;
    if (!keyword) refuse(`"${name}" is no longer exported by a declaration of its own: ask for the fix again.`);
    const end = keyword.getEnd() + /^\s*/.exec(text.slice(keyword.getEnd()))![0].length;
    return { ok: true, title: `Remove the export of "${name}"`, changes: [{ kind: 'edit', path: home, edits: [{ start: keyword.getStart(), end, newText: '' }] }, ...changes] };
  }
  const style = styleOf(source);
  const removal = statementRemoval(statement);
  // The last statement gone, the blank lines before it go too.
  const head = removal.end === text.length ? text.slice(0, removal.start).replace(/(?:\r?\n)+$/, style.eol) : text.slice(0, removal.start);
  const after = reimported(source, head + text.slice(removal.end), style, []);
  return { ok: true, title: `Remove "${name}"`, changes: [editBetween(home, text, after)!, ...changes] };
}

/** The edits that take `name` out of an importer's re-exports of `home`; refused when it imports the name, or its re-export is re-exported further. */
function reExportsRemoved(context: RefactorContext, importer: SourceFile, home: string, name: string): TextChange[] {
  const { index } = context;
  const path = importer.getFilePath();
  const shown = relativeToApp(context, path);
  const fromHome = (specifier: string | undefined): boolean => {
    const target = specifier === undefined ? null : index.resolve(path, specifier);
    return target?.kind === 'file' && target.path === home;
  };
  if (importer.getImportDeclarations().some((d) => fromHome(d.getModuleSpecifierValue()) && d.getNamedImports().some((n) => n.getName() === name))) {
    refuse(`${shown} imports "${name}": remove that import first.`);
  }
  const edits: TextChange[] = [];
  for (const declaration of importer.getExportDeclarations().filter((d) => fromHome(d.getModuleSpecifierValue()))) {
    for (const element of declaration.getNamedExports().filter((e) => e.getName() === name)) {
      const alias = element.getAliasNode()?.getText() ?? name;
      const onward = index.importersOf(path).find((f) => index.facts(f)?.reExports.some((r) => r.names?.some((n) => n.imported === alias)));
      if (onward) refuse(`${relativeToApp(context, onward)} re-exports "${alias}" from ${shown}: remove it there first.`);
    }
    edits.push(...reExportWithout(declaration, new Set([name])));
  }
  return edits;
}
