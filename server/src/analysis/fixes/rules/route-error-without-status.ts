import { Node, type ObjectLiteralExpression } from 'ts-morph';
import type { TextChange } from '../file-change';
import { styleOf } from '../imports';
import { morphProject } from '../morph-project';
import { nodeAt, propertyAdded, unwrapped } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { errorStatusAt, statusTitle } from './route-error-without-status-offers';

/**
 * `route-error-without-status/status`: the error response gets the status its message, or the
 * branch returning it, calls for (`errorStatusOf`: 401 for a missing session, 404 for a lookup that
 * found nothing, 400 for bad input, 500 otherwise); a 2xx status it gives is replaced:
 *
 * ```ts
 * if (!session) return NextResponse.json({ error: 'Unauthorized' })
 *   →  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })
 * if (!project) return Response.json({ error: 'No project' }, { status: 200, headers })
 *   →  if (!project) return Response.json({ error: 'No project' }, { status: 404, headers })
 * ```
 */
export function fixRouteErrorStatus(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const status = errorStatusAt(context.index, finding) ?? refuse('The response is no longer an error response: ask for the fix again.');
  const { sources } = morphProject(context.fs, context.app, [finding.file]);
  const source = sources[0]!;
  const returned = nodeAt(source, finding.span);
  const expression = returned && (Node.isReturnStatement(returned) ? returned.getExpression() : returned);
  const value = expression && unwrapped(expression);
  if (!value || !(Node.isCallExpression(value) || Node.isNewExpression(value))) refuse('The response is no longer built where the finding was: ask for the fix again.');
  const [body, init] = value.getArguments();
  if (!body) refuse('The response has no body.');
  const edits: TextChange[] = [];
  if (!init) edits.push({ start: body.getEnd(), end: body.getEnd(), newText: `, { status: ${status} }` });
  else if (Node.isNumericLiteral(init)) edits.push({ start: init.getStart(), end: init.getEnd(), newText: `{ status: ${status} }` });
  else if (Node.isObjectLiteralExpression(init)) edits.push(statusIn(init, status, styleOf(source).eol));
  else refuse(`The response's options are computed (${init.getText()}): set the status there.`);
  return { ok: true, title: statusTitle(status), changes: [{ kind: 'edit', path: finding.file, edits }] };
}

/** The status given a value, or added last (so that it wins over a spread `...init`). */
function statusIn(init: ObjectLiteralExpression, status: number, eol: string): TextChange {
  const given = init.getProperty('status');
  if (given) {
    const value = Node.isPropertyAssignment(given) ? given.getInitializer() : undefined;
    if (!value || !Node.isNumericLiteral(value)) refuse('The response computes its status: set it there.');
    return { start: value.getStart(), end: value.getEnd(), newText: String(status) };
  }
  return propertyAdded(init, `status: ${status}`, eol);
}
