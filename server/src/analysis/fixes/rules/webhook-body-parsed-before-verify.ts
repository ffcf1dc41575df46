import { Node, SyntaxKind, type Identifier, type SourceFile, type Statement, type VariableDeclaration, type VariableStatement } from 'ts-morph';
import { Behaviour } from '../../behaviour';
import type { Span } from '../../types';
import { vocabularyFor } from '../../vocabulary';
import type { TextChange } from '../file-change';
import { styleOf } from '../imports';
import { morphProject } from '../morph-project';
import { indentOfLine, isPropertyName, isWithinNode, nodeAt, statementRemoval } from '../morph-syntax';
import { freeName } from '../placement';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { findTarget, locate } from '../target-function';

/**
 * `webhook-body-parsed-before-verify/raw-body`: the body is read as text, the signature is checked
 * over that text where the check re-serialised the parsed body, and the parsed body, when the handler
 * still uses it, is `JSON.parse`d after the check:
 *
 * ```ts
 * const event = await request.json()                  const body = await request.text()
 * const signature = request.headers.get('…')!         const signature = request.headers.get('…')!
 * stripe.webhooks.constructEvent(              →      stripe.webhooks.constructEvent(body, signature, secret)
 *   JSON.stringify(event), signature, secret)         const event = JSON.parse(body)
 * await handle(event)                                 await handle(event)
 * ```
 *
 * A re-serialisation kept in a variable (`const body = JSON.stringify(payload)`, as svix examples
 * do) gives the raw body its name. Refused when the parsed body is not kept whole in a variable, or
 * when the check reads something else than it.
 */
export function fixWebhookRawBody(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const target = findTarget(context, finding.file, finding.span.start);
  const { sources } = morphProject(context.fs, context.app, [finding.file]);
  const source = sources[0]!;
  const { node: fn } = locate(source, target.fn);
  const read = jsonRead(source, finding.span);
  const payload = read.declaration.getName();
  const checks = new Behaviour(context.index, vocabularyFor(context.settings)).signatureChecks(target.fn).flatMap((c) => nodeAt(source, c.span) ?? []);
  const checkStatements = checks.map(statementOf);
  const checked = (node: Node): boolean => checkStatements.some((s) => isWithinNode(s, node));

  const uses = fn.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i.getText() === payload && !isPropertyName(i) && i !== read.declaration.getNameNode());
  if (uses.some((i) => Node.isVariableDeclaration(i.getParent()) || Node.isParameterDeclaration(i.getParent()) || Node.isBindingElement(i.getParent()))) refuse(`"${payload}" is declared twice in the handler: rename one first.`);
  const replaced: Node[] = [];
  const stored: VariableStatement[] = [];
  const kept: Identifier[] = [];
  for (const use of uses) {
    const parent = use.getParent();
    if (Node.isCallExpression(parent) && parent.getExpression().getText() === 'JSON.stringify' && parent.getArguments()[0] === use) {
      if (checked(parent)) {
        replaced.push(parent);
        continue;
      }
      const holder = parent.getParentIfKind(SyntaxKind.VariableDeclaration);
      const statement = holder?.getVariableStatement();
      const name = holder?.getNameNode();
      if (statement && name && Node.isIdentifier(name) && fn.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i !== name && i.getText() === name.getText() && !isPropertyName(i) && checked(i))) {
        if (statement.getDeclarations().length > 1) refuse(`"${name.getText()}" is declared with other variables: give it a statement of its own first.`);
        stored.push(statement);
        continue;
      }
    } else if (checks.some((c) => Node.isCallExpression(c) && c.getArguments().includes(use))) {
      replaced.push(use);
      continue;
    }
    kept.push(use);
  }
  if (replaced.length === 0 && stored.length === 0) refuse(`The signature check does not read "${payload}" re-serialised: pass it the raw body (await request.text()) by hand.`);
  if (stored.length > 1) refuse(`"${payload}" is re-serialised into several variables: keep one, then ask again.`);

  const text = source.getFullText();
  // A name of the module that the handler does not read may be shadowed.
  const taken = (name: string): boolean => fn.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === name);
  const storedDeclaration = stored[0]?.getDeclarations()[0];
  const raw = storedDeclaration ? storedDeclaration.getName() : freeName(taken('body') ? 'rawBody' : 'body', taken);
  const keyword = stored[0]?.getDeclarationKind() ?? 'const';
  const semicolon = read.statement.getText().endsWith(';') ? ';' : '';
  const receiver = read.receiver.getText();
  const indent = indentOfLine(text, read.statement.getStart());
  const { eol } = styleOf(source);
  const edits: TextChange[] = replaced.map((node) => ({ start: node.getStart(), end: node.getEnd(), newText: raw }));
  // Its comments stay: they now sit over the next statement rather than go.
  for (const statement of stored) edits.push({ ...statementRemoval(statement), start: text.lastIndexOf('\n', statement.getStart() - 1) + 1 });

  let readText = `${keyword} ${raw} = await ${receiver}.text()${semicolon}`;
  if (kept.length > 0) {
    const start = read.statement.getStart();
    const statementText = read.statement.getText();
    const parse = `${statementText.slice(0, read.expression.getStart() - start)}JSON.parse(${raw})${statementText.slice(read.expression.getEnd() - start)}`;
    // After the check when nothing before it reads the parsed body: parsing waits for a verified body.
    const anchor = checks.map((c) => siblingOf(c, read.statement)).filter((s): s is Statement => s !== undefined && s.getStart() > read.statement.getEnd()).sort((a, b) => b.getEnd() - a.getEnd())[0];
    if (anchor && kept.every((use) => use.getStart() > anchor.getEnd())) edits.push({ start: anchor.getEnd(), end: anchor.getEnd(), newText: `${eol}${indent}${parse}` });
    else readText += `${eol}${indent}${parse}`;
  }
  edits.push({ start: read.statement.getStart(), end: read.statement.getEnd(), newText: readText });
  return { ok: true, title: `Verify the raw body (${receiver}.text())${kept.length > 0 ? ', then JSON.parse it' : ''}`, changes: [{ kind: 'edit', path: finding.file, edits }] };
}

interface JsonRead {
  /** `await request.json()`, with the parentheses around it. */
  expression: Node;
  receiver: Node;
  declaration: VariableDeclaration;
  statement: VariableStatement;
}

/** `const payload = await request.json()` (cast or annotated too), from the span of the call. */
function jsonRead(source: SourceFile, span: Span): JsonRead {
  const call = nodeAt(source, span);
  const callee = call && Node.isCallExpression(call) ? call.getExpression() : undefined;
  if (!callee || !Node.isPropertyAccessExpression(callee) || callee.getName() !== 'json') refuse('The body is no longer read with request.json(): ask for the fix again.');
  const awaited = call!.getParentIfKind(SyntaxKind.AwaitExpression);
  if (!awaited) refuse('request.json() is not awaited where it is read: read the raw body by hand.');
  let expression: Node = awaited;
  while (Node.isParenthesizedExpression(expression.getParent())) expression = expression.getParent()!;
  let value: Node = expression;
  while (Node.isAsExpression(value.getParent()) || Node.isSatisfiesExpression(value.getParent()) || Node.isNonNullExpression(value.getParent()) || Node.isParenthesizedExpression(value.getParent())) value = value.getParent()!;
  const declaration = value.getParentIfKind(SyntaxKind.VariableDeclaration);
  if (!declaration || declaration.getInitializer() !== value) refuse('The parsed body is not kept in a variable: read the raw body with request.text() by hand.');
  if (!Node.isIdentifier(declaration.getNameNode())) refuse('The parsed body is destructured where it is read: keep it in one variable first, so that it can be parsed after the check.');
  const statement = declaration.getVariableStatement();
  if (!statement || statement.getDeclarations().length > 1) refuse('The parsed body is declared with other variables: give it a statement of its own first.');
  return { expression, receiver: callee.getExpression(), declaration, statement };
}

/** The statement a node is part of. */
function statementOf(node: Node): Statement {
  return (Node.isStatement(node) ? node : node.getFirstAncestor((a): a is Statement => Node.isStatement(a))) ?? refuse('The signature check is not inside a statement.');
}

/** The statement holding `node` that sits in the same block as `statement`. */
function siblingOf(node: Node, statement: Statement): Statement | undefined {
  const block = statement.getParent();
  for (let current: Node | undefined = node; current; current = current.getParent()) if (current.getParent() === block) return Node.isStatement(current) ? current : undefined;
  return undefined;
}
