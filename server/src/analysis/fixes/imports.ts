import { Node, SyntaxKind, type ExportDeclaration, type ExportSpecifier, type ImportDeclaration, type ImportSpecifier, type SourceFile } from 'ts-morph';
import { applyEdits, editBetween, type FileChange, type TextChange } from './file-change';
import { statementRemoval } from './morph-syntax';

/** How a file writes its code, so that the lines a refactor adds look like the user's. */
export interface CodeStyle {
  quote: "'" | '"';
  semicolon: string;
  eol: string;
  indent: string;
}

export function styleOf(source: SourceFile): CodeStyle {
  const text = source.getFullText();
  const first = source.getImportDeclarations()[0]?.getText() ?? source.getStatements()[0]?.getText() ?? '';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return {
    quote: /^[^"]*'/.test(first) || !first.includes('"') ? "'" : '"',
    semicolon: first.trimEnd().endsWith(';') ? ';' : '',
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    indent: indent.startsWith('\t') ? '\t' : indent.length >= 4 && indent.length % 4 === 0 ? '    ' : '  ',
  };
}

/** One name a module gives: `{ imported as local }`, the default export, or the whole namespace. */
export interface ImportBinding {
  imported: string | 'default' | '*';
  local: string;
  typeOnly: boolean;
}

export function importLine(style: CodeStyle, specifier: string, bindings: ImportBinding[]): string {
  const q = style.quote;
  const from = `from ${q}${specifier}${q}${style.semicolon}`;
  const namespace = bindings.find((b) => b.imported === '*');
  if (namespace) return `import ${namespace.typeOnly ? 'type ' : ''}* as ${namespace.local} ${from}`;
  const fallback = bindings.find((b) => b.imported === 'default');
  const named = bindings.filter((b) => b.imported !== 'default');
  const allTypes = bindings.every((b) => b.typeOnly);
  const names = named.map((b) => `${b.typeOnly && !allTypes ? 'type ' : ''}${namedBinding(b)}`);
  const parts = [fallback?.local, names.length > 0 ? `{ ${names.join(', ')} }` : undefined].filter(Boolean);
  return `import ${allTypes && !fallback ? 'type ' : ''}${parts.join(', ')} ${from}`;
}

/**
 * The edits that make `source` import `bindings` from `specifier`: new names join an existing named
 * import of that module, otherwise a new line goes after the last import (or at the top, after the
 * directives). Names it imports already are left alone.
 */
export function addImports(source: SourceFile, style: CodeStyle, specifier: string, bindings: ImportBinding[]): TextChange[] {
  const imports = source.getImportDeclarations();
  const existing = imports.filter((d) => d.getModuleSpecifierValue() === specifier);
  const missing = bindings.filter((b) => !existing.some((d) => importsBinding(d, b)));
  if (missing.length === 0) return [];
  const named = missing.filter((b) => b.imported !== '*' && b.imported !== 'default');
  const target = existing.find((d) => !d.isTypeOnly() && d.getNamedImports().length > 0 && !d.getNamespaceImport());
  const changes: TextChange[] = [];
  let rest = missing;
  if (target && named.length > 0) {
    const last = target.getNamedImports().at(-1)!;
    const added = named.map((b) => `${b.typeOnly ? 'type ' : ''}${namedBinding(b)}`);
    changes.push({ start: last.getEnd(), end: last.getEnd(), newText: `, ${added.join(', ')}` });
    rest = missing.filter((b) => !named.includes(b));
  }
  if (rest.length === 0) return changes;
  const line = importLine(style, specifier, rest);
  const after = imports.at(-1);
  if (after) changes.push({ start: after.getEnd(), end: after.getEnd(), newText: `${style.eol}${line}` });
  else {
    const at = directivesEnd(source);
    // The blank lines there (those around imports that all went, too) become one gap on each side.
    const text = source.getFullText();
    const blank = /^(?:\r?\n)*/.exec(text.slice(at))![0].length;
    const tail = at + blank < text.length ? style.eol + style.eol : style.eol;
    changes.push({ start: at, end: at + blank, newText: `${at === 0 ? '' : style.eol + style.eol}${line}${tail}` });
  }
  return changes;
}

/**
 * The edits that make `declaration`, an import or an `export … from`, take `names` from `specifier`
 * instead. When they are all it names, only its specifier changes (unless the file imports from
 * `specifier` already: they join that import); otherwise they leave its braces for a declaration of
 * their own on the next line.
 */
export function repointNames(source: SourceFile, style: CodeStyle, declaration: ImportDeclaration | ExportDeclaration, names: ReadonlySet<string>, specifier: string): TextChange[] {
  const isImport = Node.isImportDeclaration(declaration);
  const elements: (ImportSpecifier | ExportSpecifier)[] = isImport ? declaration.getNamedImports() : declaration.getNamedExports();
  const moved = elements.filter((e) => names.has(e.getName()));
  if (moved.length === 0) return [];
  const others = elements.length > moved.length || (isImport && (declaration.getDefaultImport() !== undefined || declaration.getNamespaceImport() !== undefined));
  const joined = isImport && source.getImportDeclarations().some((d) => d !== declaration && d.getModuleSpecifierValue() === specifier && !d.isTypeOnly() && d.getNamedImports().length > 0 && !d.getNamespaceImport());
  const literal = declaration.getModuleSpecifier()!;
  if (!others && !joined) return [{ start: literal.getStart() + 1, end: literal.getEnd() - 1, newText: specifier }];
  const bindings = moved.map((e) => ({ imported: e.getName(), local: e.getAliasNode()?.getText() ?? e.getName(), typeOnly: declaration.isTypeOnly() || e.isTypeOnly() }));
  const edits = others ? namedWithout(declaration, elements, moved) : [statementRemoval(declaration)];
  if (joined) return [...edits, ...addImports(source, style, specifier, bindings)];
  const line = isImport ? importLine(style, specifier, bindings) : `export ${declaration.isTypeOnly() ? 'type ' : ''}{ ${bindings.map(namedBinding).join(', ')} } from ${style.quote}${specifier}${style.quote}${style.semicolon}`;
  return [...edits, { start: declaration.getEnd(), end: declaration.getEnd(), newText: `${style.eol}${line}` }];
}

/** The edits that take the names in `names` out of an `export { … } from` declaration: all of it, with its line, when it names nothing else. */
export function reExportWithout(declaration: ExportDeclaration, names: ReadonlySet<string>): TextChange[] {
  const elements = declaration.getNamedExports();
  const removed = elements.filter((e) => names.has(e.getName()));
  if (removed.length === 0) return [];
  return removed.length === elements.length ? [statementRemoval(declaration)] : namedWithout(declaration, elements, removed);
}

/** The edits that take `moved` out of a declaration's braces, each with its comma, the others kept as written. */
function namedWithout(declaration: ImportDeclaration | ExportDeclaration, elements: Node[], moved: Node[]): TextChange[] {
  if (moved.length === elements.length) {
    // `import fallback, { moved } from …`: the braces go with the comma before them.
    const named = (declaration as ImportDeclaration).getImportClauseOrThrow().getNamedBindingsOrThrow();
    return [{ start: named.getPreviousSiblingOrThrow().getEnd(), end: named.getEnd(), newText: '' }];
  }
  const edits: TextChange[] = [];
  for (let i = 0; i < elements.length; i++) {
    if (!moved.includes(elements[i]!)) continue;
    let j = i;
    while (j + 1 < elements.length && moved.includes(elements[j + 1]!)) j++;
    edits.push(j + 1 < elements.length ? { start: elements[i]!.getStart(), end: elements[j + 1]!.getStart(), newText: '' } : { start: elements[i - 1]!.getEnd(), end: elements[j]!.getEnd(), newText: '' });
    i = j;
  }
  return edits;
}

function namedBinding(b: ImportBinding): string {
  return b.imported === b.local ? b.local : `${b.imported} as ${b.local}`;
}

/** The declaration binds `binding` already: the same name under the same local one. */
export function importsBinding(declaration: ImportDeclaration, binding: ImportBinding): boolean {
  if (binding.imported === '*') return declaration.getNamespaceImport()?.getText() === binding.local;
  if (binding.imported === 'default') return declaration.getDefaultImport()?.getText() === binding.local;
  return declaration.getNamedImports().some((n) => n.getName() === binding.imported && (n.getAliasNode()?.getText() ?? n.getName()) === binding.local);
}

/** The end of the `'use server'` / `'use client'` prologue, or 0. */
export function directivesEnd(source: SourceFile): number {
  let end = 0;
  for (const statement of source.getStatements()) {
    if (!Node.isExpressionStatement(statement) || !Node.isStringLiteral(statement.getExpression())) break;
    end = statement.getEnd();
  }
  return end;
}

/**
 * The edits that drop the given local names from the file's imports: a declaration left with nothing
 * goes whole, with its line; otherwise its braces are rewritten with the names that stay.
 */
export function removeImports(source: SourceFile, locals: ReadonlySet<string>): TextChange[] {
  const changes: TextChange[] = [];
  const text = source.getFullText();
  for (const declaration of source.getImportDeclarations()) {
    const named = declaration.getNamedImports();
    const kept = named.filter((n) => !locals.has(n.getAliasNode()?.getText() ?? n.getName()));
    const fallback = declaration.getDefaultImport();
    const namespace = declaration.getNamespaceImport();
    const keepsDefault = fallback !== undefined && !locals.has(fallback.getText());
    const keepsNamespace = namespace !== undefined && !locals.has(namespace.getText());
    const dropsSome = kept.length < named.length || (fallback !== undefined && !keepsDefault) || (namespace !== undefined && !keepsNamespace);
    if (!dropsSome) continue;
    if (kept.length === 0 && !keepsDefault && !keepsNamespace) {
      const start = declaration.getStart();
      let end = declaration.getEnd();
      const lineEnd = (at: number): number => (text.startsWith('\r\n', at) ? 2 : text[at] === '\n' ? 1 : 0);
      end += lineEnd(end);
      // The last import before a blank line, after a blank line: one blank line stays, not two.
      if (lineEnd(end) > 0 && /\n\r?\n$/.test(text.slice(0, start))) end += lineEnd(end);
      changes.push({ start, end, newText: '' });
      continue;
    }
    const clause = declaration.getImportClause()!;
    const parts = [keepsDefault ? fallback!.getText() : undefined, keepsNamespace ? `* as ${namespace!.getText()}` : undefined, kept.length > 0 ? `{ ${kept.map((n) => n.getText()).join(', ')} }` : undefined];
    const typePrefix = clause.isTypeOnly() ? 'type ' : '';
    changes.push({ start: clause.getStart(), end: clause.getEnd(), newText: typePrefix + parts.filter(Boolean).join(', ') });
  }
  return changes;
}

/**
 * `text`, an edit of `source`, importing `added` and no longer importing what only the code the edit
 * removed read. The removal is done first, on the edited text, so that a new import line never lands
 * inside a removed one.
 */
export function reimported(source: SourceFile, text: string, style: CodeStyle, added: { specifier: string; bindings: ImportBinding[] }[]): string {
  const project = source.getProject();
  const path = source.getFilePath().replace(/(\.[^./]+)$/, '.imports$1');
  let scratch = project.createSourceFile(path, text, { overwrite: true });
  const readBefore = namesRead(source);
  const readAfter = namesRead(scratch);
  const orphaned = new Set([...readBefore].filter((name) => !readAfter.has(name)));
  let result = applyEdits(text, removeImports(scratch, orphaned));
  for (const { specifier, bindings } of added) {
    scratch = project.createSourceFile(path, result, { overwrite: true });
    result = applyEdits(result, addImports(scratch, style, specifier, bindings));
  }
  scratch.delete();
  return result;
}

/** The names the module's code reads, its imports aside. */
function namesRead(source: SourceFile): Set<string> {
  return new Set(source.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => !i.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)).map((i) => i.getText()));
}

/**
 * The change that puts `code` (top-level declarations, in order) into the module at `path`: appended
 * to the existing one with its imports merged, or a new file of the prologue (`'use server'`), the
 * imports and the code.
 */
export function moduleWith(path: string, existing: SourceFile | undefined, style: CodeStyle, imports: Map<string, ImportBinding[]>, code: string[], prologue?: string): FileChange {
  const gap = style.eol + style.eol;
  if (existing) {
    const before = existing.getFullText();
    const edits = [...imports].flatMap(([specifier, bindings]) => addImports(existing, style, specifier, bindings));
    edits.push({ start: before.trimEnd().length, end: before.length, newText: `${gap}${code.join(gap)}${style.eol}` });
    return editBetween(path, before, applyEdits(before, edits))!;
  }
  const lines = [...imports].map(([specifier, bindings]) => importLine(style, specifier, bindings));
  const parts = [prologue, lines.length > 0 ? lines.join(style.eol) : undefined, ...code].filter((p): p is string => p !== undefined);
  return { kind: 'create', path, text: parts.join(gap) + style.eol };
}
