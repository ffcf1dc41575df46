import { Node, type Block, type SourceFile, type Statement } from 'ts-morph';
import type { ActionDef } from '../project/project-index';
import { relativeToApp } from './extract-service';
import { applyEdits, type TextChange } from './file-change';
import { addImports, importsBinding, type CodeStyle, type ImportBinding } from './imports';
import { bindingNamesOf, indentOfLine, isFunction, leadingStart } from './morph-syntax';
import { firstNewError } from './morph-project';
import { refuse, type RefactorContext } from './refactor';

// Lines added to a function's body, for the fixes that insert a check or a call.

/** The statements of a body after its directive prologue (the `'use server'` of an inline action). */
export function bodyStatements(body: Block): Statement[] {
  const statements = body.getStatements();
  const prologue = statements.findIndex((s) => !(Node.isExpressionStatement(s) && Node.isStringLiteral(s.getExpression())));
  return prologue === -1 ? [] : statements.slice(prologue);
}

/** The edit that puts `lines` before `statement`, above its comments, at its indentation. */
export function linesBefore(statement: Statement, lines: string[], style: CodeStyle): TextChange {
  const text = statement.getSourceFile().getFullText();
  const start = leadingStart(statement);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = indentOfLine(text, statement.getStart());
  const block = indented(lines, indent);
  // A statement that shares its line with what comes before (`{ await save() }`) is pushed to a line of its own.
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) return { start: lineStart, end: lineStart, newText: block.map((l) => l + style.eol).join('') };
  return { start, end: start, newText: `${block.join(style.eol).trimStart()}${style.eol}${indent}` };
}

/** The edit that puts `lines` after `statement`, after a comment that ends its line, at its indentation. */
export function linesAfter(statement: Statement, lines: string[], style: CodeStyle): TextChange {
  const text = statement.getSourceFile().getFullText();
  const end = statement.getEnd();
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  const at = /^[ \t;]*(\/\/.*|\/\*.*\*\/[ \t]*)?$/.test(text.slice(end, lineEnd)) ? lineEnd : end;
  const indent = indentOfLine(text, statement.getStart());
  return { start: at, end: at, newText: indented(lines, indent).map((l) => style.eol + l).join('') };
}

/** A string literal in the file's quotes. */
export function quoted(style: CodeStyle, text: string): string {
  return `${style.quote}${text.replace(/\\/g, '\\\\').replace(new RegExp(style.quote, 'g'), `\\${style.quote}`)}${style.quote}`;
}

/** Lines (each may hold several) at `indent`; blank lines stay blank. */
function indented(lines: string[], indent: string): string[] {
  return lines.flatMap((l) => l.split(/\r?\n/)).map((l) => (l === '' ? '' : `${indent}${l}`));
}

/** The statement of `body` itself that holds `node`. */
export function topStatementIn(body: Block, node: Node): Statement {
  let statement: Node = node;
  while (statement.getParent() !== body) statement = statement.getParentOrThrow();
  return statement as Statement;
}

/**
 * The statement after which a step runs once the code at `node` has: the innermost one holding it,
 * outside the callbacks and loops around it (a write in a transaction's callback, or in a loop).
 */
export function statementAfter(body: Block, node: Node): Statement {
  let found: Statement | undefined;
  for (let n: Node | undefined = node; n && n !== body; n = n.getParent()) {
    if (isFunction(n) || isLoop(n)) found = undefined;
    const parent = n.getParent();
    if (!found && Node.isStatement(n) && parent && (Node.isBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent))) found = n;
  }
  return found ?? topStatementIn(body, node);
}

function isLoop(node: Node): boolean {
  return Node.isForStatement(node) || Node.isForOfStatement(node) || Node.isForInStatement(node) || Node.isWhileStatement(node) || Node.isDoStatement(node);
}

/** The names declared inside a function: its parameters and every binding of its body. */
export function namesDeclaredIn(fn: Node): Set<string> {
  const names = new Set<string>();
  for (const node of [fn, ...fn.getDescendants()]) {
    if (Node.isParameterDeclaration(node) || Node.isVariableDeclaration(node)) for (const name of bindingNamesOf(node.getNameNode())) names.add(name);
    else if ((Node.isFunctionDeclaration(node) || Node.isClassDeclaration(node)) && node !== fn && node.getName()) names.add(node.getName()!);
  }
  return names;
}

/**
 * The edits that import `imports` into `source`. A name the file imports already from the same
 * module (`sameModule` tells two spellings of one apart) is kept; a name it binds to something else
 * is refused. New lines that land at one place are one edit, in order.
 */
export function importEdits(source: SourceFile, style: CodeStyle, imports: Map<string, ImportBinding[]>, sameModule: (a: string, b: string) => boolean = (a, b) => a === b): TextChange[] {
  const edits: TextChange[] = [];
  for (const [specifier, wanted] of imports) {
    const bindings = wanted.filter((binding) => {
      const existing = source.getImportDeclarations().find((d) => importsBinding(d, binding));
      if (existing && sameModule(existing.getModuleSpecifierValue(), specifier)) return false;
      if (existing || source.getLocals().some((symbol) => symbol.getName() === binding.local)) refuse(`The file has a \`${binding.local}\` of its own: the fix would import another one from \`${specifier}\`. Rename it first.`);
      return true;
    });
    for (const edit of addImports(source, style, specifier, bindings)) {
      const joined = edit.start === edit.end ? edits.find((e) => e.start === edit.start && e.end === edit.start) : undefined;
      if (joined) joined.newText += edit.newText;
      else edits.push(edit);
    }
  }
  return edits;
}

/**
 * The first type error that `edits` of `source` bring into it or into the other files loaded with
 * it (the action's callers), as a refusal's words; `null` when there is none. The trees are
 * replaced by the edited texts: this comes last.
 */
export function newTypeError(context: RefactorContext, sources: SourceFile[], source: SourceFile, edits: TextChange[]): string | null {
  const broken = firstNewError(sources, new Map([[source.getFilePath(), applyEdits(source.getFullText(), edits)]]));
  return broken && `${relativeToApp(context, broken.file)} (line ${broken.line}): ${broken.message.replace(/\.?$/, '.')}`;
}

/** The files a change of an action's result type reaches: the action's, then its callers'. */
export function actionAndCallers(context: RefactorContext, action: Pick<ActionDef, 'file' | 'key'>): string[] {
  return [...new Set([action.file, ...context.index.usagesOf(action.key).map((u) => u.file)])];
}
