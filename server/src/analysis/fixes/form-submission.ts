import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { TextChange } from './file-change';
import { statementRemoval, topStatement } from './morph-syntax';

/**
 * A form that posts itself to the route through a submit handler doing nothing else becomes a form
 * bound to the action, which works before the page's JavaScript has loaded and gives
 * `useFormStatus` its pending state. `null` when the fetch is not such a handler's whole work. Only
 * for an action that returns nothing: a form's `action` takes no answer.
 *
 * ```tsx
 * // Before
 * async function submit(event: FormEvent<HTMLFormElement>) {
 *   event.preventDefault()
 *   await fetch('/api/tasks', { method: 'POST', body: new FormData(event.currentTarget) })
 * }
 * return <form onSubmit={submit}>…</form>
 * // After
 * return <form action={createTask}>…</form>
 * ```
 */
export function formBinding(call: CallExpression, action: string): TextChange[] | null {
  const awaited = call.getParent();
  const statement = awaited && Node.isAwaitExpression(awaited) ? awaited.getParent() : undefined;
  const block = statement?.getParent();
  const handler = block?.getParent();
  if (!statement || !Node.isExpressionStatement(statement) || !block || !Node.isBlock(block) || !handler) return null;
  if (!(Node.isFunctionDeclaration(handler) || Node.isArrowFunction(handler) || Node.isFunctionExpression(handler)) || handler.getParameters().length !== 1) return null;
  const event = handler.getParameters()[0]!.getName();
  const [first, second, ...rest] = block.getStatements();
  const prevented = first && Node.isExpressionStatement(first) ? first.getExpression() : undefined;
  const prevents = prevented !== undefined && Node.isCallExpression(prevented) && prevented.getExpression().getText() === `${event}.preventDefault`;
  if (rest.length > 0 || second !== statement || !prevents) return null;
  const init = call.getArguments()[1];
  const body = init && Node.isObjectLiteralExpression(init) ? init.getProperty('body') : undefined;
  if (!body || !Node.isPropertyAssignment(body) || body.getInitializer()?.getText() !== `new FormData(${event}.currentTarget)`) return null;

  // The handler is written in the form's `onSubmit`, or named there and used nowhere else.
  const inline = submitAttribute(handler);
  if (inline) return [{ start: inline.getStart(), end: inline.getEnd(), newText: `action={${action}}` }];
  const name = Node.isFunctionDeclaration(handler) ? handler.getName() : handler.getParentIfKind(SyntaxKind.VariableDeclaration)?.getName();
  if (!name) return null;
  const scope = topStatement(handler).getParent();
  const references = (scope ? scope.getDescendantsOfKind(SyntaxKind.Identifier) : []).filter((i) => i.getText() === name && i.getParent() !== handler && i.getParent() !== handler.getParent());
  const attribute = references.length === 1 ? submitAttribute(references[0]!) : null;
  if (!attribute) return null;
  const declaration = Node.isFunctionDeclaration(handler) ? handler : handler.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  if (!declaration) return null;
  return [statementRemoval(declaration), { start: attribute.getStart(), end: attribute.getEnd(), newText: `action={${action}}` }];
}

/** The `onSubmit={…}` attribute of a `<form>` whose value is `node`. */
function submitAttribute(node: Node): Node | null {
  const expression = node.getParent();
  const attribute = expression && Node.isJsxExpression(expression) ? expression.getParent() : undefined;
  if (!attribute || !Node.isJsxAttribute(attribute) || attribute.getNameNode().getText() !== 'onSubmit') return null;
  const element = attribute.getParent()?.getParent();
  const tag = element && (Node.isJsxOpeningElement(element) || Node.isJsxSelfClosingElement(element)) ? element.getTagNameNode().getText() : '';
  return tag === 'form' ? attribute : null;
}
