import { Node, SyntaxKind, type SourceFile, type Statement } from 'ts-morph';
import { baseName, dirName, joinPath } from '../project/paths';
import { relativeToApp } from './extract-service';
import { editBetween, type FileChange, type TextChange } from './file-change';
import { moduleWith, reimported, repointNames, styleOf, type ImportBinding } from './imports';
import { morphProject } from './morph-project';
import { addAll, addBinding, isWithinNode, leadingStart, referencesOf, statementRemoval, topStatement, translate, usedOutside } from './morph-syntax';
import { freeName, importSpecifierLike } from './placement';
import { refuse, type RefactorContext } from './refactor';

/**
 * The top-level declaration exporting `name` (the one at `at` in `home`) moves, with its comments and
 * the imports it needs, to `target`, appended when that module exists; `home` imports it back if it
 * still uses it, and goes when nothing but its directive is left; every module that imported it from
 * `home` imports it from `target`, the way it wrote the path. Refused when the declaration uses a
 * value `home` declares, or when a module reads the name through `import * as` or re-exports all of `home`.
 */
export function moveDeclaration(context: RefactorContext, home: string, at: number, name: string, target: string): FileChange[] {
  const { index, fs } = context;
  const importers = index.importersOf(home).filter((f) => f !== home && f !== target);
  const { project, sources } = morphProject(fs, context.app, [home, ...(fs.fileExists(target) ? [target] : []), ...importers]);
  const source = sources[0]!;
  const existing = sources.find((s) => s.getFilePath() === target);
  const style = styleOf(source);
  const statement = exportStatement(source, at, name);
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
  const stillUsed = usedOutside(source, statement, name);
  const after = reimported(source, rest, style, stillUsed ? [{ specifier: siblingSpecifier(target), bindings: [{ imported: name, local: name, typeOnly: false }] }] : []);
  changes.push(onlyDirectives(project, home, after) ? { kind: 'delete', path: home } : editBetween(home, text, after)!);

  for (const importer of sources.filter((s) => importers.includes(s.getFilePath()))) {
    const edits = repointedIn(context, importer, home, target, name);
    if (edits.length > 0) changes.push({ kind: 'edit', path: importer.getFilePath(), edits });
  }
  return changes;
}

/**
 * The module next to `home` named by `named` from its stem (`actions` → `actions.shared`), with its
 * ending, unless a module of that name has a directive: then the first free `actions.shared2.ts`…
 */
export function siblingModulePath(context: RefactorContext, home: string, named: (stem: string) => string): string {
  const extension = /\.[^./]+$/.exec(home)?.[0] ?? '.ts';
  const stem = joinPath(dirName(home), named(baseName(home).slice(0, -extension.length)));
  const unfit = (candidate: string): boolean => {
    const path = `${candidate}${extension}`;
    if (!context.fs.fileExists(path)) return false;
    const facts = context.index.facts(path);
    return !facts || facts.directive !== null;
  };
  return `${freeName(stem, unfit)}${extension}`;
}

/** A module text that holds nothing but directives (`'use server'`) and comments. */
function onlyDirectives(project: ReturnType<typeof morphProject>['project'], path: string, text: string): boolean {
  const scratch = project.createSourceFile(`${path}.left.ts`, text, { overwrite: true });
  const empty = scratch.getStatements().every((st) => Node.isExpressionStatement(st) && Node.isStringLiteral(st.getExpression()));
  scratch.delete();
  return empty;
}

/** How a module imports another of its folder: `./actions`. */
function siblingSpecifier(path: string): string {
  return `./${baseName(path).replace(/\.[^.]+$/, '')}`;
}

/** The top-level statement that declares and exports `name` alone. */
export function exportStatement(source: SourceFile, at: number, name: string): Statement {
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
