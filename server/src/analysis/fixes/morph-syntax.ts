import { Node, SyntaxKind, type Identifier, type ObjectLiteralExpression, type ParameterDeclaration, type ReturnStatement, type SourceFile, type Statement } from 'ts-morph';
import type { Span } from '../types';
import type { TextChange } from './file-change';
import type { CodeStyle, ImportBinding } from './imports';
import { importSpecifier } from './placement';
import { refuse, type RefactorContext } from './refactor';

// Reading and moving code in the ts-morph tree, for every refactor.

/** `return` statements of the statement itself, not of the functions inside it. */
export function ownReturns(statement: Statement): ReturnStatement[] {
  const inner = statement.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((r) => !hasFunctionBetween(r, statement));
  return Node.isReturnStatement(statement) ? [statement, ...inner] : inner;
}

export function hasFunctionBetween(node: Node, container: Node): boolean {
  for (let p = node.getParent(); p && p !== container; p = p.getParent()) if (isFunction(p)) return true;
  return false;
}

export function isFunction(node: Node): boolean {
  return Node.isFunctionDeclaration(node) || Node.isFunctionExpression(node) || Node.isArrowFunction(node) || Node.isMethodDeclaration(node);
}

export function insideFunction(node: Node, core: Statement[]): boolean {
  for (let p = node.getParent(); p; p = p.getParent()) {
    if (core.includes(p as Statement)) return false;
    if (isFunction(p)) return true;
  }
  return false;
}

export function calleeName(expression: Node): string | undefined {
  const call = Node.isAwaitExpression(expression) ? expression.getExpression() : expression;
  if (!Node.isCallExpression(call)) return undefined;
  const callee = call.getExpression();
  return Node.isIdentifier(callee) ? callee.getText() : undefined;
}

/** The node a fact's span covers (the deepest one, when a statement and its expression share it). */
export function nodeAt(source: SourceFile, span: Span): Node | undefined {
  return source.getDescendantAtStartWithWidth(span.start, span.end - span.start);
}

/** The expression inside parentheses, `await`, `as`, `satisfies` and `!`. */
export function unwrapped(node: Node): Node {
  let current = node;
  while (Node.isParenthesizedExpression(current) || Node.isAwaitExpression(current) || Node.isAsExpression(current) || Node.isSatisfiesExpression(current) || Node.isNonNullExpression(current)) current = current.getExpression();
  return current;
}

/** A name in the position of a property, not of a variable. */
export function isPropertyName(identifier: Identifier): boolean {
  const parent = identifier.getParent();
  if (Node.isPropertyAccessExpression(parent)) return parent.getNameNode() === identifier;
  if (Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent) || Node.isPropertySignature(parent) || Node.isPropertyDeclaration(parent)) return parent.getNameNode() === identifier;
  if (Node.isQualifiedName(parent)) return parent.getRight() === identifier;
  if (Node.isBindingElement(parent)) return parent.getPropertyNameNode() === identifier;
  if (Node.isJsxAttribute(parent)) return true;
  return false;
}

/** The file's code names `name` outside `statement` (its imports aside): what the statement declares is still used. */
export function usedOutside(source: SourceFile, statement: Statement, name: string): boolean {
  return source.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === name && !isPropertyName(i) && !isWithinNode(statement, i) && !i.getFirstAncestorByKind(SyntaxKind.ImportDeclaration));
}

export function isWithinNode(container: Node, node: Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd();
}

export function bindingNamesOf(name: Node): string[] {
  if (Node.isIdentifier(name)) return [name.getText()];
  if (Node.isObjectBindingPattern(name) || Node.isArrayBindingPattern(name)) return name.getElements().flatMap((e) => (Node.isBindingElement(e) ? bindingNamesOf(e.getNameNode()) : []));
  return [];
}

export function addAll(map: Map<string, ImportBinding[]>, key: string, bindings: ImportBinding[]): void {
  const list = map.get(key) ?? [];
  for (const b of bindings) if (!list.some((k) => k.imported === b.imported && k.local === b.local)) list.push(b);
  map.set(key, list);
}

/**
 * The binding an import declaration gives `local`, recorded under its module specifier, as written
 * or as `specifierOf` re-expresses it for another file.
 */
export function addBinding(imports: Map<string, ImportBinding[]>, declaration: Node, local: string, specifierOf: (specifier: string) => string = (s) => s): void {
  const importDeclaration = declaration.getFirstAncestorByKindOrThrow(SyntaxKind.ImportDeclaration);
  const typeOnly = importDeclaration.isTypeOnly() || (Node.isImportSpecifier(declaration) && declaration.isTypeOnly());
  const imported = Node.isImportSpecifier(declaration) ? declaration.getName() : Node.isNamespaceImport(declaration) ? '*' : 'default';
  addAll(imports, specifierOf(importDeclaration.getModuleSpecifierValue()), [{ imported, local, typeOnly }]);
}

/** A specifier of the adapter, as the service writes it: relative ones are resolved and re-expressed. */
export function translate(context: RefactorContext, from: string, to: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const resolved = context.index.resolve(from, specifier);
  if (resolved.kind !== 'file') refuse(`\`${specifier}\` does not resolve to a file of the project, so the service could not import it.`);
  return importSpecifier(context.app, to, resolved.path);
}

/** The file declares or imports `name` at its top level. */
export function declares(source: SourceFile, name: string): boolean {
  return source.getLocals().some((symbol) => symbol.getName() === name);
}

export function importsLocal(source: SourceFile, name: string): boolean {
  return source.getImportDeclarations().some((d) => d.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name) || d.getDefaultImport()?.getText() === name || d.getNamespaceImport()?.getText() === name);
}

/** Where a statement starts with the comments above it. */
export function leadingStart(statement: Statement): number {
  const full = statement.getFullText();
  return statement.getFullStart() + (full.length - full.trimStart().length);
}

export function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** Moved lines lose the adapter's indentation and take the service body's; lines inside a template literal stay as written. */
export function reindent(moved: string, base: string, style: CodeStyle, keep: { start: number; end: number }[]): string {
  const lines = moved.split(/\r?\n/);
  let offset = 0;
  return lines
    .map((line, i) => {
      const at = offset;
      offset += line.length + 1;
      if (i > 0 && keep.some((r) => at > r.start && at < r.end)) return line;
      if (line.trim() === '') return '';
      return style.indent + (line.startsWith(base) ? line.slice(base.length) : line.trimStart());
    })
    .join(style.eol);
}

/** The spans of multi-line template literals in the moved code, relative to its start. */
export function templateRanges(core: Statement[], start: number): { start: number; end: number }[] {
  return core
    .flatMap((s) => [...s.getDescendantsOfKind(SyntaxKind.TemplateExpression), ...s.getDescendantsOfKind(SyntaxKind.NoSubstitutionTemplateLiteral)])
    .filter((t) => t.getText().includes('\n'))
    .map((t) => ({ start: t.getStart() - start, end: t.getEnd() - start }));
}

/** A name the code reads, with where it is declared. */
export interface Reference {
  identifier: Identifier;
  declaration: Node;
  /** `import`: bound by an import of the file; `module`: declared at the top of the file; `local`: inside `scope`. */
  kind: 'import' | 'module' | 'local';
}

/**
 * The names the given nodes read that are declared in `source` outside themselves: globals and other
 * modules' names are left out, and so are those `inner` accepts (declared within the moved code).
 */
export function referencesOf(nodes: Node[], source: SourceFile, scope: Node, inner: (declaration: Node) => boolean): Reference[] {
  const found: Reference[] = [];
  for (const identifier of nodes.flatMap((n) => (Node.isIdentifier(n) ? [n] : n.getDescendantsOfKind(SyntaxKind.Identifier)))) {
    if (isPropertyName(identifier)) continue;
    const parent = identifier.getParent();
    const symbol = Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : identifier.getSymbol();
    const declaration = symbol?.getDeclarations()[0];
    if (!declaration || declaration.getSourceFile() !== source || inner(declaration)) continue;
    const kind = Node.isImportSpecifier(declaration) || Node.isImportClause(declaration) || Node.isNamespaceImport(declaration) ? 'import' : isWithinNode(scope, declaration) ? 'local' : 'module';
    found.push({ identifier, declaration, kind });
  }
  return found;
}

/** The statement at the top of the file that holds a declaration. */
export function topStatement(declaration: Node): Statement {
  let node: Node = declaration;
  while (node.getParent() && !Node.isSourceFile(node.getParent()!)) node = node.getParent()!;
  return node as Statement;
}

/** The edit that removes a statement with its comments and its whole line(s), when nothing else shares them. */
export function statementRemoval(statement: Statement): { start: number; end: number; newText: string } {
  const text = statement.getSourceFile().getFullText();
  let start = leadingStart(statement);
  let end = statement.getEnd();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t;]*\r?$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd))) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
    // The blank line after it goes too when the line before is blank or opens the block.
    const blank = /^[ \t]*\r?\n/.exec(text.slice(end));
    const before = text.slice(text.lastIndexOf('\n', Math.max(0, start - 2)) + 1, Math.max(0, start - 1)).trimEnd();
    if (blank && (before === '' || before.endsWith('{'))) end += blank[0].length;
  }
  return { start, end, newText: '' };
}

export function parametersOf(node: Node): ParameterDeclaration[] {
  return Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node) ? node.getParameters() : [];
}

/** The edit that adds `property` (`status: 401`) last to an object literal, on a line of its own when the object spans lines. */
export function propertyAdded(object: ObjectLiteralExpression, property: string, eol: string): TextChange {
  const last = object.getProperties().at(-1);
  if (!last) return { start: object.getStart(), end: object.getEnd(), newText: `{ ${property} }` };
  const text = object.getSourceFile().getFullText();
  const multiline = object.getText().includes('\n');
  // A trailing comma stays where it is: the property goes after it.
  const comma = last.getNextSiblingIfKind(SyntaxKind.CommaToken);
  const at = comma ? comma.getEnd() : last.getEnd();
  return { start: at, end: at, newText: `${comma ? '' : ','}${multiline ? `${eol}${indentOfLine(text, last.getStart())}` : ' '}${property}${comma && multiline ? ',' : ''}` };
}
