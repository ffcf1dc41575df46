import { Node, SyntaxKind, type CallExpression, type Statement } from 'ts-morph';
import { dirName, isWithin, joinPath } from '../project/paths';
import { applyEdits, editBetween, type FileChange, type TextChange } from './file-change';
import { relativeToApp } from './extract-service';
import { formBinding } from './form-submission';
import { moduleWith, reimported, styleOf, type ImportBinding } from './imports';
import { morphProject } from './morph-project';
import { addBinding, declares, indentOfLine, leadingStart, ownReturns, parametersOf, referencesOf, reindent, statementRemoval, templateRanges, topStatement, translate } from './morph-syntax';
import { domainOf, freeName, importSpecifier } from './placement';
import { refuse, type RefactorContext, type RefactorOutcome, type RefactorRequest } from './refactor';
import { findTarget, locate } from './target-function';

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * Convert to server action: a Route Handler that only this app's client components call becomes an
 * action in a `'use server'` module (the app's actions module of that domain, or a new one), taking
 * the fields its JSON body or form data carried as parameters and returning what it answered; the
 * `fetch` calls of the app's client components become calls of the action. The route stays, for any
 * caller outside the app.
 *
 * ```ts
 * // Before: app/api/tasks/route.ts, and in a client component
 * export async function POST(request: Request) {
 *   const session = await auth()
 *   if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401 })
 *   const { projectId, title } = (await request.json()) as { projectId: string; title: string }
 *   return Response.json(await createTask(projectId, title), { status: 201 })
 * }
 * await fetch('/api/tasks', { method: 'POST', body: JSON.stringify({ projectId, title }) })
 * // After: an action, and its call
 * export async function createTaskAction(projectId: string, title: string) {
 *   const session = await auth()
 *   if (!session) return { error: 'Unauthorized' }
 *   return await createTask(projectId, title)
 * }
 * await createTaskAction(projectId, title)
 * ```
 */
export function routeToAction(request: RefactorRequest, context: RefactorContext, removeRoute: boolean): RefactorOutcome {
  const found = findTarget(context, request.file, request.offset);
  if (found.kind !== 'route' || !found.route) refuse('The cursor is not inside a Route Handler.');
  if (found.route.url.router !== 'app') refuse('Only App Router handlers (`route.ts`) convert to an action for now.');
  const verb = VERBS[found.name];
  if (!verb) refuse(`A ${found.name} handler is a read: fetch the data in a Server Component instead of an action.`);
  const callers = context.index.fetchesOf(found.route.key);
  const domain = domainOf('', found.file, context.app);
  const target = actionsModule(context, domain, callers.map((c) => c.file));
  const involved = [found.file, ...(context.fs.fileExists(target) ? [target] : []), ...new Set(callers.map((c) => c.file))];
  const { project, sources } = morphProject(context.fs, context.app, [...new Set(involved)]);
  const route = sources[0]!;
  const existing = context.fs.fileExists(target) ? sources.find((s) => s.getFilePath() === target) : undefined;
  const fn = locate(route, found.fn);
  const parameters = parametersOf(fn.node);
  const requestName = parameters[0]?.getName();
  if (parameters[1] && parameters[1].findReferencesAsNodes().length > 0) refuse('The handler reads its route params: a Server Action gets no URL, so pass them as arguments first.');
  const style = styleOf(existing ?? route);
  const text = route.getFullText();
  const statements = fn.body.getStatements();

  // What the request carried becomes the action's parameters.
  const edits: TextChange[] = [];
  const params: { name: string; type: string }[] = [];
  let jsonFields: string[] | null = null;
  for (const statement of statements) {
    const read = bodyRead(statement, requestName);
    if (!read) continue;
    params.push(...read.params);
    jsonFields = read.json ? read.params.map((p) => p.name) : jsonFields;
    edits.push(statementRemoval(statement));
  }
  const otherUses = requestName ? fn.body.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => i.getText() === requestName && !edits.some((e) => i.getStart() >= e.start && i.getEnd() <= e.end)) : [];
  if (otherUses.length > 0) refuse(`The handler reads \`${requestName}\` beyond its body (its headers or URL), which an action does not get: read them with \`headers()\` first.`);
  let answers = false;
  for (const ret of statements.flatMap(ownReturns)) {
    const expression = ret.getExpression();
    if (!expression) continue;
    const value = responseValue(expression);
    answers ||= value !== null && value !== undefined;
    if (value === undefined) refuse('The handler answers with something other than JSON (a stream, a file, a redirect): an action returns values, so it stays a route.');
    // A bare `return` last in the body says nothing: it goes.
    if (value === null && ret === statements.at(-1)) edits.push(statementRemoval(ret));
    else edits.push(value === null ? { start: ret.getStart(), end: ret.getEnd(), newText: `return${style.semicolon}` } : { start: expression.getStart(), end: expression.getEnd(), newText: value });
  }

  const taken = (n: string): boolean => (existing !== undefined && declares(existing, n)) || route.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === n);
  const noun = domain.replace(/ies$/, 'y').replace(/s$/, '').replace(/^./, (c) => c.toUpperCase());
  const wanted = `${verb}${noun}`;
  const name = taken(wanted) ? freeName(`${wanted}Action`, taken) : wanted;
  const bodyStart = statements[0] ? leadingStart(statements[0]) : fn.body.getStart() + 1;
  const bodyEnd = statements.at(-1)?.getEnd() ?? bodyStart;
  const moved = applyEdits(text.slice(bodyStart, bodyEnd), edits.map((e) => ({ ...e, start: Math.max(e.start, bodyStart) - bodyStart, end: Math.min(e.end, bodyEnd) - bodyStart }))).trimEnd();
  const signature = params.map((p) => `${p.name}: ${p.type}`).join(', ');
  const body = reindent(moved, statements[0] ? indentOfLine(text, statements[0].getStart()) : '', style, templateRanges(statements, bodyStart));
  const actionText = `export async function ${name}(${signature}) {${style.eol}${body}${style.eol}}`;

  // The action module imports what the handler's body still reads (`NextResponse` went with the responses).
  const scratch = project.createSourceFile(`${target}.action.ts`, actionText, { overwrite: true });
  const stillRead = new Set(scratch.getDescendantsOfKind(SyntaxKind.Identifier).map((i) => i.getText()));
  scratch.delete();
  const imports = new Map<string, ImportBinding[]>();
  for (const { identifier, declaration, kind } of referencesOf(statements, route, fn.node, () => false)) {
    if (kind === 'module') refuse(`The handler uses \`${identifier.getText()}\`, declared in its route file: move it to a module of its own first.`);
    if (kind !== 'import' || !stillRead.has(identifier.getText())) continue;
    addBinding(imports, declaration, identifier.getText(), (specifier) => translate(context, route.getFilePath(), target, specifier));
  }

  const changes: FileChange[] = [];
  const q = style.quote;
  changes.push(moduleWith(target, existing, style, imports, [actionText], `${q}use server${q}${style.semicolon}`));

  // The app's own fetch calls become calls of the action.
  let rewritten = 0;
  for (const source of sources.filter((s) => callers.some((c) => c.file === s.getFilePath()))) {
    const callEdits: TextChange[] = [];
    for (const ref of callers.filter((c) => c.file === source.getFilePath())) {
      const call = source.getDescendantAtStartWithWidth(ref.fetch.span.start, ref.fetch.span.end - ref.fetch.span.start);
      if (!call || !Node.isCallExpression(call)) continue;
      const bound = jsonFields === null && params.length === 1 && params[0]!.type === 'FormData' && !answers ? formBinding(call, name) : null;
      const args = bound ? null : actionArguments(call, params.map((p) => p.name), jsonFields);
      if (bound) callEdits.push(...bound);
      else if (args) callEdits.push({ start: call.getStart(), end: call.getEnd(), newText: `${name}(${args.join(', ')})` });
      else continue;
    }
    if (callEdits.length === 0) continue;
    rewritten += callEdits.length;
    const added = [{ specifier: importSpecifier(context.app, source.getFilePath(), target), bindings: [{ imported: name, local: name, typeOnly: false }] }];
    changes.push(editBetween(source.getFilePath(), source.getFullText(), reimported(source, applyEdits(source.getFullText(), callEdits), styleOf(source), added))!);
  }
  if (removeRoute) {
    // Only a route file that held nothing but this handler goes; all of it is in the action now.
    const others = route.getStatements().filter((s) => !Node.isImportDeclaration(s) && s !== topStatement(fn.node));
    if (others.length > 0) refuse('The route file holds more than this handler: keep the route, or move the rest out first.');
    if (rewritten < callers.length) refuse('Some of the app\'s fetches of the route could not become calls of the action: keep the route.');
    changes.push({ kind: 'delete', path: found.file });
  }
  const calls = rewritten === 0 ? '' : rewritten === 1 ? ', calling it from the fetch that used the route' : `, calling it from the ${rewritten} fetches that used the route`;
  return { ok: true, title: `Convert to server action "${name}" in ${relativeToApp(context, target)}${calls}, ${removeRoute ? 'removing' : 'keeping'} the route`, changes };
}

/** The domain's existing `'use server'` module in the app, or a new `actions.ts` under the app folder. */
export function actionsModule(context: RefactorContext, domain: string, callerFiles: string[]): string {
  const appDir = context.app.appDirs.find((dir) => callerFiles.some((f) => isWithin(dir, f))) ?? context.app.appDirs[0]!;
  const modules = context.index
    .paths()
    .filter((p) => isWithin(appDir, p) && context.index.facts(p)?.directive === 'use server' && p.split('/').includes(domain))
    .sort((a, b) => a.length - b.length);
  if (modules[0]) return modules[0];
  const besideCaller = callerFiles.map(dirName).find((dir) => isWithin(appDir, dir));
  return joinPath(besideCaller ?? joinPath(appDir, domain), 'actions.ts');
}

/**
 * A statement that reads the request body: `const { a, b } = (await request.json()) as { a: string; b: number }`
 * gives `a` and `b`, `const formData = await request.formData()` gives `formData: FormData`.
 */
function bodyRead(statement: Statement, requestName: string | undefined): { params: { name: string; type: string }[]; json: boolean } | null {
  if (!requestName || !Node.isVariableStatement(statement) || statement.getDeclarations().length !== 1) return null;
  const declaration = statement.getDeclarations()[0]!;
  let value = declaration.getInitializer();
  let typed: Node | undefined;
  while (value && (Node.isParenthesizedExpression(value) || Node.isAsExpression(value))) {
    if (Node.isAsExpression(value)) typed = value.getTypeNode();
    value = value.getExpression();
  }
  const call = value && Node.isAwaitExpression(value) ? value.getExpression() : undefined;
  if (!call || !Node.isCallExpression(call)) return null;
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getExpression().getText() !== requestName) return null;
  const method = callee.getName();
  const nameNode = declaration.getNameNode();
  if (method === 'formData' && Node.isIdentifier(nameNode)) return { params: [{ name: nameNode.getText(), type: 'FormData' }], json: false };
  if (method !== 'json') return null;
  if (Node.isIdentifier(nameNode)) return { params: [{ name: nameNode.getText(), type: typed?.getText() ?? 'unknown' }], json: false };
  if (!Node.isObjectBindingPattern(nameNode)) return null;
  const members = typed && Node.isTypeLiteral(typed) ? typed.getProperties() : [];
  return {
    params: nameNode.getElements().map((element) => {
      const field = element.getPropertyNameNode()?.getText() ?? element.getName();
      if (element.getPropertyNameNode() || element.getDotDotDotToken()) refuse('The handler renames or spreads fields of its body: name them plainly first.');
      const member = members.find((m) => m.getName() === field);
      return { name: field, type: `${member?.getTypeNode()?.getText() ?? 'unknown'}${member?.hasQuestionToken() ? ' | undefined' : ''}` };
    }),
    json: true,
  };
}

/** What an action returns for a `return` of the handler: its JSON body; `null` for no body; `undefined` for a response that is not JSON. */
function responseValue(expression: Node): string | null | undefined {
  const inner = Node.isAwaitExpression(expression) ? expression.getExpression() : expression;
  if (Node.isCallExpression(inner)) {
    const callee = inner.getExpression().getText();
    if (callee === 'Response.json' || callee === 'NextResponse.json') return inner.getArguments()[0]?.getText() ?? null;
  }
  if (Node.isNewExpression(inner) && ['Response', 'NextResponse'].includes(inner.getExpression().getText())) {
    const body = inner.getArguments()[0];
    if (!body || body.getText() === 'null') return null;
  }
  return undefined;
}

/**
 * The action's arguments for a `fetch` of the route: the fields of `body: JSON.stringify({ … })` in the
 * order of its parameters, or the form data given as `body`; `null` when the call's result is read
 * (the action answers differently) or its body is not one of these.
 */
function actionArguments(call: CallExpression, params: string[], jsonFields: string[] | null): string[] | null {
  const parent = call.getParent();
  const awaited = parent && Node.isAwaitExpression(parent) ? parent : call;
  const usage = awaited.getParent();
  if (!usage || !Node.isExpressionStatement(usage)) return null;
  const init = call.getArguments()[1];
  const body = init && Node.isObjectLiteralExpression(init) ? init.getProperty('body') : undefined;
  const value = body && Node.isPropertyAssignment(body) ? body.getInitializer() : body && Node.isShorthandPropertyAssignment(body) ? body.getNameNode() : undefined;
  if (!value) return params.length === 0 ? [] : null;
  if (jsonFields === null) return params.length === 1 ? [value.getText()] : null;
  if (!Node.isCallExpression(value) || value.getExpression().getText() !== 'JSON.stringify') return null;
  const object = value.getArguments()[0];
  if (!object || !Node.isObjectLiteralExpression(object)) return null;
  const fields = new Map<string, string>();
  for (const property of object.getProperties()) {
    if (Node.isShorthandPropertyAssignment(property)) fields.set(property.getName(), property.getName());
    else if (Node.isPropertyAssignment(property)) fields.set(property.getName(), property.getInitializerOrThrow().getText());
    else return null;
  }
  if (!params.every((p) => fields.has(p)) || fields.size !== params.length) return null;
  return params.map((p) => fields.get(p)!);
}

