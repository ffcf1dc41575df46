import { Node, type Block, type SourceFile, type Statement, type TryStatement } from 'ts-morph';
import type { TextChange } from '../file-change';
import { addImports, styleOf, type CodeStyle } from '../imports';
import { morphProject } from '../morph-project';
import { bindingNamesOf, indentOfLine, leadingStart } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';

/**
 * `redirect-in-try/move-after-try`: the navigation, last in the `try`, moves after the statement, when
 * it uses nothing the `try` declares and the `catch` always leaves the function (so it still runs only
 * on success):
 *
 * ```ts
 * try {                                   try {
 *   await createProject(input)              await createProject(input)
 *   redirect('/projects')          →      } catch {
 * } catch {                                 return { error: 'Could not create it' }
 *   return { error: 'Could not create it' }  }
 * }                                       redirect('/projects')
 * ```
 *
 * `redirect-in-try/rethrow`: `unstable_rethrow(error)` first in the `catch`, imported from
 * `next/navigation`; always applicable:
 *
 * ```ts
 * } catch (error) {               →     } catch (error) {
 *   return { error: 'Failed' }            unstable_rethrow(error)
 * }                                       return { error: 'Failed' }
 *                                       }
 * ```
 */
export function fixRedirectInTry(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const { sources } = morphProject(context.fs, context.app, [finding.file]);
  const source = sources[0]!;
  const style = styleOf(source);
  const { statement, tryStatement } = locateNavigation(source, finding.span.start, finding.span.end);
  const edits = request.fix === 'redirect-in-try/move-after-try' ? moveAfterTry(source, style, statement, tryStatement) : rethrowFirst(source, style, tryStatement);
  const name = statement.getText().split('(')[0];
  const title = request.fix === 'redirect-in-try/move-after-try' ? `Move ${name}() after the try/catch` : 'Rethrow navigation errors first in the catch';
  return { ok: true, title, changes: [{ kind: 'edit', path: finding.file, edits }] };
}

/** The statement holding the navigation call, and the `try` whose block holds it. */
function locateNavigation(source: SourceFile, start: number, end: number): { statement: Statement; tryStatement: TryStatement } {
  const call = source.getDescendantAtStartWithWidth(start, end - start);
  if (!call) refuse('The navigation call is no longer there: ask for the fix again.');
  let statement: Node | undefined = call;
  while (statement && !(Node.isStatement(statement) && Node.isBlock(statement.getParent()))) statement = statement.getParent();
  const tryStatement = call.getFirstAncestor((a): a is TryStatement => Node.isTryStatement(a) && a.getTryBlock().getPos() <= call.getPos() && call.getEnd() <= a.getTryBlock().getEnd());
  if (!statement || !tryStatement) refuse('The navigation call is not inside a try block any more.');
  return { statement: statement as Statement, tryStatement };
}

function moveAfterTry(source: SourceFile, style: CodeStyle, statement: Statement, tryStatement: TryStatement): TextChange[] {
  const block = tryStatement.getTryBlock();
  if (statement.getParent() !== block) refuse('The navigation is nested inside the try (in a condition or a loop): moving it out would change when it runs. Rethrow in the catch instead.');
  if (block.getStatements().at(-1) !== statement) refuse('Code follows the navigation inside the try: moving it out would run that code first. Rethrow in the catch instead.');
  const caught = tryStatement.getCatchClause()?.getBlock();
  if (!caught || !leaves(caught)) refuse('The catch does not always return or throw: after the try/catch, the navigation would run after a failure too. Rethrow in the catch instead.');
  const declared = new Set(block.getStatements().flatMap((s) => (Node.isVariableStatement(s) ? s.getDeclarations().flatMap((d) => bindingNamesOf(d.getNameNode())) : [])));
  const used = statement.getDescendants().filter((n) => Node.isIdentifier(n) && declared.has(n.getText())).map((n) => n.getText());
  if (used.length > 0) refuse(`The navigation uses "${used[0]}", declared inside the try: it cannot move after it. Rethrow in the catch instead.`);
  const text = source.getFullText();
  const previous = block.getStatements().at(-2);
  // The statement goes, with its line; it comes back on a line of its own after the try, at the try's indentation.
  const removeFrom = previous ? previous.getEnd() : block.getStart() + 1;
  const indent = indentOfLine(text, tryStatement.getStart());
  const inner = indentOfLine(text, leadingStart(statement));
  const moved = text
    .slice(leadingStart(statement), statement.getEnd())
    .split('\n')
    .map((line, i) => (i === 0 ? `${indent}${line}` : line.startsWith(inner) ? `${indent}${line.slice(inner.length)}` : line))
    .join('\n');
  return [
    { start: removeFrom, end: statement.getEnd(), newText: '' },
    { start: tryStatement.getEnd(), end: tryStatement.getEnd(), newText: `${style.eol}${moved}` },
  ];
}

function rethrowFirst(source: SourceFile, style: CodeStyle, tryStatement: TryStatement): TextChange[] {
  const clause = tryStatement.getCatchClause();
  if (!clause) refuse('The try has no catch.');
  const caught = clause.getBlock();
  const declaration = clause.getVariableDeclaration();
  const text = source.getFullText();
  const edits: TextChange[] = [];
  let name = declaration?.getName();
  if (!declaration) {
    name = caught.getDescendants().some((n) => Node.isIdentifier(n) && n.getText() === 'error') ? 'caught' : 'error';
    const keyword = clause.getFirstChild()!;
    edits.push({ start: keyword.getEnd(), end: keyword.getEnd(), newText: ` (${name})` });
  } else if (!Node.isIdentifier(declaration.getNameNode())) refuse('The catch destructures its error: rethrow it by hand.');
  const first = caught.getStatements()[0];
  const indent = first ? indentOfLine(text, first.getStart()) : `${indentOfLine(text, clause.getStart())}${style.indent}`;
  const open = caught.getStart() + 1;
  edits.push({ start: open, end: open, newText: `${style.eol}${indent}unstable_rethrow(${name})${style.semicolon}` });
  edits.push(...addImports(source, style, 'next/navigation', [{ imported: 'unstable_rethrow', local: 'unstable_rethrow', typeOnly: false }]));
  return edits;
}

/** Whether a block always leaves the function: its last statement returns or throws. */
function leaves(block: Block): boolean {
  const last = block.getStatements().at(-1);
  return last !== undefined && (Node.isReturnStatement(last) || Node.isThrowStatement(last));
}
