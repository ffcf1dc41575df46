import { Node, SyntaxKind, type Block, type ParameterDeclaration, type SourceFile, type Statement } from 'ts-morph';
import { extractFacts } from '../facts/extract-facts';
import { Behaviour } from '../behaviour';
import { isWithin, joinPath } from '../project/paths';
import { vocabularyFor } from '../vocabulary';
import { applyEdits, editBetween, type FileChange, type TextChange } from './file-change';
import { extractService, relativeToApp } from './extract-service';
import { moduleWith, removeImports, styleOf, type CodeStyle, type ImportBinding } from './imports';
import { morphProject } from './morph-project';
import { addAll, addBinding, bindingNamesOf, calleeName, indentOfLine, isWithinNode, leadingStart, ownReturns, parametersOf, referencesOf, reindent, statementRemoval, templateRanges, topStatement, translate } from './morph-syntax';
import { fetchingCaller } from './fetching-callers';
import { awaitedRequestApis } from './request-apis';
import { verificationFor, type Verification } from './webhook-verification';
import { freeFolder, importSpecifier } from './placement';
import { refuse, type RefactorContext, type RefactorOutcome, type RefactorRequest } from './refactor';
import { findTarget, locate } from './target-function';

/** Leading verbs that say which HTTP method the route answers on. */
const DELETE_VERB = /^(delete|remove|destroy)[A-Z]/;
/** Leading verbs of a read, left out of its GET route's path: `getTasks` → `/api/tasks`. */
const READ_VERB = /^(get|list|fetch|load|read|find)(?=[A-Z])/;
const UPDATE_VERB = /^(update|edit|rename|set|toggle|archive|unarchive|complete|reopen|mark|change|move)[A-Z]/;
/** Verbs of a creation, answered with 201 Created. */
const CREATE_VERB = /^(create|add|new|insert|upload|register|invite)[A-Z]/;
/** Messages of a branch that turns away a caller without a session. */
const AUTH_MESSAGE = /sign.?in|log.?in|unauthori[sz]ed|not authenticated|session/i;
const RESPONSE_ROOTS = new Set(['Response', 'NextResponse']);

/**
 * Convert to route handler: a Server Action becomes `app/api/<name>/route.ts`, which reads the same
 * input from the request (form data, JSON, or the raw text a webhook signature is computed over),
 * keeps the action's auth check and answers it with 401, its validation failures with 400, its result
 * with 201 (POST) or 200, and nothing with 204. With `keepAction`, the action stays too, and when it
 * holds the data logic itself that logic moves first into a service that both call.
 *
 * ```ts
 * // Before: app/projects/actions.ts
 * export async function createProject(_state: State, formData: FormData) {
 *   const session = await auth()
 *   if (!session) return { error: 'Sign in to create a project' }
 *   const parsed = ProjectInput.safeParse({ name: formData.get('name') })
 *   if (!parsed.success) return { error: parsed.error.issues[0]?.message }
 *   const project = await create(session.user.id, parsed.data.name)
 *   return { projectId: project.id }
 * }
 * // After: app/api/create-project/route.ts
 * export async function POST(request: Request) {
 *   const formData = await request.formData()
 *   const session = await auth()
 *   if (!session) return NextResponse.json({ error: 'Sign in to create a project' }, { status: 401 })
 *   const parsed = ProjectInput.safeParse({ name: formData.get('name') })
 *   if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message }, { status: 400 })
 *   const project = await create(session.user.id, parsed.data.name)
 *   return NextResponse.json({ projectId: project.id }, { status: 201 })
 * }
 * ```
 * `updateTag(tag)` becomes `revalidateTag(tag, 'max')` and `refresh()` goes: both throw outside an action.
 * A read (`asRead`, its callers rewritten) becomes a GET handler reading its arguments from the query
 * string (`getTasks(projectId)` → `GET /api/tasks?projectId=…`), which its client callers fetch.
 */
/** What becomes of the action: it moves (nothing calls it), it stays beside the route, or its callers are rewritten to fetch the route. */
export type RouteMode = 'move' | 'keep-action' | 'rewrite-callers';

export function actionToRoute(request: RefactorRequest, context: RefactorContext, mode: RouteMode, asRead = false): RefactorOutcome {
  const keepAction = mode === 'keep-action';
  const found = findTarget(context, request.file, request.offset);
  if (found.kind !== 'action' || !found.action) refuse('The cursor is not inside a Server Action.');
  if (found.action.kind !== 'module') refuse(`\`${found.name}\` is written inline in a component: move it to a \`'use server'\` module first.`);
  const callers = context.index.usagesOf(found.action.key);
  if (mode === 'rewrite-callers' && callers.length === 0) refuse(`Nothing in this app calls \`${found.name}\`: there is no call to rewrite.`);
  if (mode === 'rewrite-callers' && callers.some((c) => c.file === found.file)) refuse(`\`${found.name}\` is called from its own module, which stays a \`'use server'\` module: keep the action.`);
  if (mode === 'move' && callers.length > 0) {
    refuse(`\`${found.name}\` is called from ${callers.length === 1 ? 'one place' : `${callers.length} places`} in this app (${relativeToApp(context, callers[0]!.file)}…): convert it keeping the action, so that they keep working.`);
  }
  const behaviour = new Behaviour(context.index, vocabularyFor(context.settings));
  const facts = context.index.facts(found.file)!;
  if (mode === 'rewrite-callers' && behaviour.navigationCalls(facts, found.fn).length > 0) refuse(`\`${found.name}\` navigates when it is done (\`redirect()\`), which a fetch of the route would not follow: keep the action.`);
  // Both transports over one service: the logic moves out of the action first.
  const extraction = keepAction && behaviour.dataOperations(facts, found.fn).length > 0 ? extractService({ ...request, kind: 'extract-service' }, context) : null;
  if (extraction && !extraction.ok) return extraction;
  const actionText = extraction ? applyChange(context, found.file, extraction.changes) : context.fs.readFile(found.file)!;

  const method = asRead ? 'GET' : methodFor(found.name);
  const appDir = context.app.appDirs.find((dir) => isWithin(dir, found.file)) ?? context.app.appDirs[0];
  if (!appDir) refuse('This app has no `app/` folder to put a Route Handler in.');
  // An action written in a `.tsx` module may hold JSX (an email template): its route keeps the ending.
  const { routePath, existing } = routeFile(context, joinPath(appDir, 'api', kebab(asRead ? found.name.replace(READ_VERB, '') || found.name : found.name)), method, /\.[jt]sx$/.test(found.file) ? 'route.tsx' : 'route.ts');
  const callerFiles = mode === 'rewrite-callers' ? [...new Set(callers.map((c) => c.file))].filter((f) => f !== found.file) : [];
  const { project, sources } = morphProject(context.fs, context.app, [found.file, ...(existing ? [routePath] : []), ...callerFiles]);
  const read = extraction ? project.createSourceFile(found.file, actionText, { overwrite: true }) : sources[0]!;
  const readFn = extraction ? functionNamed(read, found.name) : { ...locate(read, found.fn), statement: topStatement(locate(read, found.fn).node) };
  // The request APIs are awaited first, in the text the handler is built from; the action's own text keeps them as they were.
  const awaits = awaitedRequestApis(read, readFn.node);
  const start = readFn.node.getStart();
  const source = awaits.length === 0 ? read : project.createSourceFile(found.file, applyEdits(read.getFullText(), awaits), { overwrite: true });
  const fn = awaits.length === 0 ? readFn : functionAt(source, start);
  const isWebhook = behaviour.webhookSignal(found.fn) !== null;
  const handler = buildHandler(context, source, fn, behaviour, { method, created: CREATE_VERB.test(found.name), isWebhook, movesComments: !keepAction }, routePath);

  const changes: FileChange[] = extraction ? extraction.changes.filter((c) => c.path !== found.file) : [];
  if (extraction) changes.unshift(editBetween(found.file, context.fs.readFile(found.file)!, actionText)!);
  if (!keepAction) {
    const left = withoutFunction(source, fn.statement, handler.copied);
    // A module that held nothing but the action goes with it.
    const scratch = project.createSourceFile(`${found.file}.left.ts`, left, { overwrite: true });
    const empty = scratch.getStatementsWithComments().every((st) => Node.isExpressionStatement(st) && Node.isStringLiteral(st.getExpression()));
    scratch.delete();
    changes.push(empty ? { kind: 'delete', path: found.file } : editBetween(found.file, context.fs.readFile(found.file)!, left)!);
  }
  changes.push(moduleWith(routePath, existing ? sources[1] : undefined, styleOf(existing ? sources[1]! : source), handler.imports, [...handler.declarations, handler.text]));
  const url = `${context.app.basePath}/${relativeToApp(context, routePath).replace(/^(src\/)?app\//, '').replace(/\/route\.[jt]sx?$/, '').replace(/\([^)]*\)\//g, '')}`;
  if (mode === 'rewrite-callers') {
    const answers = fn.body.getStatements().flatMap(ownReturns).some((r) => r.getExpression() !== undefined);
    const refreshes = behaviour.revalidations(facts, found.fn).length > 0;
    // An action that never returns an `{ error }` tells its failures by throwing: its callers' error boundaries show them.
    const throws = !found.fn.returns.some((r) => r.kind === 'error-object');
    for (const file of callerFiles) {
      const caller = sources.find((s) => s.getFilePath() === file)!;
      changes.push(fetchingCaller(context, caller, callers.filter((c) => c.file === file).map((c) => c.usage), parametersOf(fn.node), { url, method, answers, refreshes, throws }));
    }
  }
  const variant = keepAction ? ', keeping the action' : mode === 'rewrite-callers' ? `, its ${callers.length === 1 ? 'caller fetching' : `${callers.length} callers fetching`} it` : '';
  return { ok: true, title: `Convert to route handler: ${method} ${url}${variant}`, changes };
}

/**
 * The action's module without it, without the declarations copied into the route that nothing else
 * there reads any more (exported ones stay), and without the imports only they used.
 */
function withoutFunction(source: SourceFile, statement: Statement, copied: Statement[]): string {
  const text = source.getFullText();
  const rangeOf = (s: Statement): { start: number; end: number } => {
    let end = s.getEnd();
    while (text[end] === '\n' || text[end] === '\r') end++;
    return { start: leadingStart(s), end };
  };
  const identifiers = source.getDescendantsOfKind(SyntaxKind.Identifier).filter((i) => !i.getFirstAncestorByKind(SyntaxKind.ImportDeclaration));
  const removed = [rangeOf(statement)];
  const inside = (n: Node): boolean => removed.some((r) => n.getStart() >= r.start && n.getEnd() <= r.end);
  const readOutside = (name: string, own: { start: number; end: number }): boolean =>
    identifiers.some((i) => i.getText() === name && !inside(i) && !(i.getStart() >= own.start && i.getEnd() <= own.end));
  // One pass per level: a copied declaration may be read only by another that goes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const declaration of copied) {
      const range = rangeOf(declaration);
      if (inside(declaration) || isExported(declaration) || declaredNames(declaration).some((name) => readOutside(name, range))) continue;
      removed.push(range);
      changed = true;
    }
  }
  const onlyThere = new Set(identifiers.filter(inside).map((i) => i.getText()).filter((name) => !identifiers.some((i) => !inside(i) && i.getText() === name)));
  const left = applyEdits(text, [...removed.map((r) => ({ ...r, newText: '' })), ...removeImports(source, onlyThere)]);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // No run of blank lines where code was, and one line end at the end.
  return left.replace(new RegExp(`(${eol}){3,}`, 'g'), eol + eol).replace(/\s*$/, eol);
}

function isExported(statement: Statement): boolean {
  return Node.isExportable(statement) && statement.isExported();
}

function declaredNames(statement: Statement): string[] {
  if (Node.isVariableStatement(statement)) return statement.getDeclarations().flatMap((d) => bindingNamesOf(d.getNameNode()));
  const named = Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement) || Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement) || Node.isEnumDeclaration(statement);
  const name = named ? statement.getName() : undefined;
  return name ? [name] : [];
}

/** `folder/route.ts`, or the existing one there when it does not answer `method` yet, or a free folder beside it. */
export function routeFile(context: RefactorContext, folder: string, method: string, name: string): { routePath: string; existing: boolean } {
  const present = ['route.ts', 'route.tsx', 'route.js'].map((n) => joinPath(folder, n)).find((p) => context.fs.fileExists(p));
  if (!present) return { routePath: joinPath(folder, name), existing: false };
  if (!context.index.routesIn(present).some((r) => r.method === method)) return { routePath: present, existing: true };
  return { routePath: freeFolder(context.fs, folder, name), existing: false };
}

/** The function starting at `start`, after edits inside it. */
function functionAt(source: SourceFile, start: number): Located & { statement: Statement } {
  const node = source.getDescendants().find((n) => n.getStart() === start && (Node.isFunctionDeclaration(n) || Node.isArrowFunction(n) || Node.isFunctionExpression(n)));
  const body = node && (Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node)) ? node.getBody() : undefined;
  if (!node || !body || !Node.isBlock(body)) refuse('The action could not be read after awaiting its request APIs.');
  return { node, body, statement: topStatement(node) };
}

function functionNamed(source: SourceFile, name: string): Located & { statement: Statement } {
  const declaration = source.getFunction(name) ?? source.getVariableDeclaration(name)?.getInitializer();
  const body = declaration && (Node.isFunctionDeclaration(declaration) || Node.isArrowFunction(declaration) || Node.isFunctionExpression(declaration)) ? declaration.getBody() : undefined;
  if (!declaration || !body || !Node.isBlock(body)) refuse(`\`${name}\` is no longer a function with a block body.`);
  return { node: declaration, body, statement: topStatement(declaration) };
}

function applyChange(context: RefactorContext, path: string, changes: FileChange[]): string {
  const change = changes.find((c) => c.path === path);
  const text = context.fs.readFile(path)!;
  return change?.kind === 'edit' ? applyEdits(text, change.edits) : text;
}

interface Handler {
  text: string;
  imports: Map<string, ImportBinding[]>;
  /** Declarations of the action's module that the handler needs, copied. */
  declarations: string[];
  /** The statements they were copied from. */
  copied: Statement[];
}

interface Located {
  node: Node;
  body: Block;
}

/** The handler's text, from the action's current text (`source`) and the facts of that text. */
function buildHandler(context: RefactorContext, source: SourceFile, fn: Located, behaviour: Behaviour, shape: { method: string; created: boolean; isWebhook: boolean; movesComments: boolean }, routePath: string): Handler {
  const { method, isWebhook } = shape;
  const style = styleOf(source);
  const text = source.getFullText();
  const facts = extractFacts(source.getFilePath(), text);
  const fact = facts.functions.find((f) => f.span.start === fn.node.getStart() && f.span.end === fn.node.getEnd());
  if (!fact) refuse('The action could not be read.');
  const statements = fn.body.getStatements();
  const params = parametersOf(fn.node);
  const edits: TextChange[] = [];
  const imports = new Map<string, ImportBinding[]>();
  const use = (name: string, module: string): void => addAll(imports, module, [{ imported: name, local: name, typeOnly: false }]);
  use('NextResponse', 'next/server');

  const authSpans = behaviour.authCalls(facts, fact).map((c) => c.span);
  const isAuthCall = (node: Node): boolean => authSpans.some((span) => span.start === node.getStart() && span.end === node.getEnd());
  // Names bound to the result of an auth call: a branch that tests one turns away the unauthenticated.
  const authVariables = new Set<string>();
  for (const statement of statements) {
    if (!Node.isVariableStatement(statement)) continue;
    for (const declaration of statement.getDeclarations()) {
      const call = awaitedCall(declaration.getInitializer());
      if (call && isAuthCall(call)) authVariables.add(declaration.getName());
    }
  }
  for (const [i, statement] of statements.entries()) {
    const guard = throwingGuard(statement, statements[i + 1], isAuthCall, style);
    if (guard !== null) edits.push({ start: statement.getStart(), end: statement.getEnd(), newText: guard.split('\n').join(`${style.eol}${indentOfLine(text, statement.getStart())}`) });
  }
  for (const ret of statements.flatMap(ownReturns)) {
    const expression = ret.getExpression();
    if (!expression) {
      edits.push({ start: ret.getStart(), end: ret.getEnd(), newText: `return new Response(null, { status: 204 })${style.semicolon}` });
      continue;
    }
    const replacement = answer(expression, authVariables, shape.created ? 201 : 200);
    if (replacement !== null) edits.push({ start: expression.getStart(), end: expression.getEnd(), newText: replacement });
  }
  for (const statement of statements) {
    if (Node.isExpressionStatement(statement) && calleeName(statement.getExpression()) === 'refresh') {
      edits.push(statementRemoval(statement));
      continue;
    }
    for (const call of statement.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getText() !== 'updateTag') continue;
      edits.push({ start: call.getStart(), end: call.getEnd(), newText: `revalidateTag(${call.getArguments().map((a) => a.getText()).join(', ')}, ${style.quote}max${style.quote})` });
      use('revalidateTag', 'next/cache');
    }
  }
  // A thrown input error answers 400 with its message, as the action's form would have shown it.
  for (const thrown of fact.throws) {
    const node = source.getDescendantAtStartWithWidth(thrown.span.start, thrown.span.end - thrown.span.start);
    if (!thrown.expected || thrown.tryIndex !== -1 || !node || !Node.isThrowStatement(node)) continue;
    const created = node.getExpression();
    const message = Node.isNewExpression(created) ? created.getArguments()[0]?.getText() : undefined;
    if (message) edits.push({ start: node.getStart(), end: node.getEnd(), newText: `return NextResponse.json({ error: ${message} }, { status: 400 })${style.semicolon}` });
  }

  const bodyStart = statements[0] ? leadingStart(statements[0]) : fn.body.getStart() + 1;
  const bodyEnd = statements.at(-1)?.getEnd() ?? bodyStart;
  const moved = applyEdits(text.slice(bodyStart, bodyEnd), edits.map((e) => ({ ...e, start: Math.max(e.start, bodyStart) - bodyStart, end: Math.min(e.end, bodyEnd) - bodyStart })));
  const verification = isWebhook ? verificationFor(context, fact, behaviour.signatureChecks(fact).length > 0, source, style, imports, (specifier) => translate(context, source.getFilePath(), routePath, specifier)) : null;
  const input = method === 'GET' ? readQuery(params, style) : readInput(params, isWebhook, style, verification);
  const last = statements.at(-1);
  const ends = last !== undefined && alwaysExits(last);
  const lines = [
    ...input.lines.map((line) => style.indent + line),
    ...(statements.length > 0 ? [reindent(moved, indentOfLine(text, statements[0]!.getStart()), style, templateRanges(statements, bodyStart))] : []),
    ...(ends ? [] : [`${style.indent}return new Response(null, { status: 204 })${style.semicolon}`]),
  ];
  const upload = fact.params.some((p) => p.type === 'form-data') && fact.fileUses.length > 0;
  const doc = upload ? `/** The file comes as the request body: the Server Actions \`bodySizeLimit\` (${context.app.bodySizeLimit}) no longer applies, the host's request limit does. */${style.eol}` : '';
  // The comments above the action move with it when it goes.
  const statement = topStatement(fn.node);
  const comments = shape.movesComments ? text.slice(leadingStart(statement), statement.getStart()).trim() : '';
  const handlerText = `${comments ? comments + style.eol : ''}${doc}export async function ${method}(request: Request) {${style.eol}${lines.join(style.eol)}${style.eol}}`;

  // What the handler reads from the action's module: its imports, its exported functions, and its
  // other declarations, which are copied.
  const declarations: Statement[] = [];
  const pending: Node[] = [...statements, ...input.typed];
  for (let nodes = pending.splice(0); nodes.length > 0; nodes = pending.splice(0)) {
    for (const { identifier, declaration, kind } of referencesOf(nodes, source, fn.node, (d) => nodes.some((n) => n !== fn.node && isWithinNode(n, d)))) {
      const name = identifier.getText();
      if (kind === 'import') {
        if ((name === 'updateTag' || name === 'refresh') && declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue() === 'next/cache') continue;
        addBinding(imports, declaration, name, (specifier) => translate(context, source.getFilePath(), routePath, specifier));
      } else if (kind === 'module') {
        const statement = topStatement(declaration);
        if (Node.isFunctionDeclaration(statement) && statement.isExported()) addAll(imports, importSpecifier(context.app, routePath, source.getFilePath()), [{ imported: name, local: name, typeOnly: false }]);
        else if (!declarations.includes(statement)) {
          declarations.push(statement);
          pending.push(statement);
        }
      }
    }
  }
  const inOrder = declarations.sort((a, b) => a.getStart() - b.getStart());
  const declarationTexts = [...inOrder.map((d) => d.getText().replace(/^export\s+/, '')), ...(verification ? [verification.helper] : [])];
  return { text: handlerText, imports, declarations: declarationTexts, copied: inOrder };
}

/** Every path through the statement returns or throws: nothing after it runs. */
function alwaysExits(statement: Node): boolean {
  if (Node.isReturnStatement(statement) || Node.isThrowStatement(statement)) return true;
  if (Node.isBlock(statement)) {
    const last = statement.getStatements().at(-1);
    return last !== undefined && alwaysExits(last);
  }
  if (Node.isIfStatement(statement)) {
    const otherwise = statement.getElseStatement();
    return otherwise !== undefined && alwaysExits(statement.getThenStatement()) && alwaysExits(otherwise);
  }
  if (Node.isTryStatement(statement)) {
    const handler = statement.getCatchClause();
    const final = statement.getFinallyBlock();
    return (final !== undefined && alwaysExits(final)) || (alwaysExits(statement.getTryBlock()) && (handler === undefined || alwaysExits(handler.getBlock())));
  }
  return false;
}

function awaitedCall(node: Node | undefined): Node | undefined {
  const inner = node && Node.isAwaitExpression(node) ? node.getExpression() : node;
  return inner && Node.isCallExpression(inner) ? inner : undefined;
}

/**
 * A guard that throws when there is no session (`await requireUser()`), answered with 401 instead;
 * `null` for any other statement, and for a guard whose result the next statement tests itself.
 */
function throwingGuard(statement: Statement, next: Statement | undefined, isAuthCall: (node: Node) => boolean, style: CodeStyle): string | null {
  const s = style.semicolon;
  if (Node.isExpressionStatement(statement)) {
    const call = awaitedCall(statement.getExpression());
    if (!call || !isAuthCall(call)) return null;
    return `try {\n${style.indent}${statement.getText()}\n} catch {\n${style.indent}return ${unauthorized(style)}${s}\n}`;
  }
  if (!Node.isVariableStatement(statement) || statement.getDeclarations().length !== 1) return null;
  const declaration = statement.getDeclarations()[0]!;
  const initializer = declaration.getInitializer();
  const call = awaitedCall(initializer);
  if (!initializer || !call || !isAuthCall(call) || !Node.isIdentifier(declaration.getNameNode())) return null;
  const name = declaration.getName();
  if (next && Node.isIfStatement(next) && next.getExpression().getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === name)) return null;
  const awaited = Node.isAwaitExpression(initializer) ? initializer.getExpression().getText() : initializer.getText();
  return `${statement.getDeclarationKind()} ${name} = await ${awaited}.catch(() => null)${s}\nif (!${name}) return ${unauthorized(style)}${s}`;
}

function unauthorized(style: CodeStyle): string {
  return `NextResponse.json({ error: ${style.quote}Unauthorized${style.quote} }, { status: 401 })`;
}

/** What a `return value` of the action answers as a response; `null` when it is a response already. */
function answer(expression: Node, authVariables: ReadonlySet<string>, success: number): string | null {
  if (isResponse(expression)) return null;
  const text = expression.getText();
  if (Node.isObjectLiteralExpression(expression) && expression.getProperties().some((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p)) && ['error', 'errors'].includes(p.getName()))) {
    const branch = expression.getFirstAncestorByKind(SyntaxKind.IfStatement)?.getExpression();
    const turnsAway = branch?.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => authVariables.has(i.getText())) || (branch !== undefined && Node.isIdentifier(branch) && authVariables.has(branch.getText())) || AUTH_MESSAGE.test(text);
    // An error caught from what the action called is the server's failure, not the request's.
    const caught = expression.getFirstAncestorByKind(SyntaxKind.CatchClause) !== undefined;
    return `NextResponse.json(${text}, { status: ${turnsAway ? 401 : caught ? 500 : 400} })`;
  }
  // `return db.project.create(…)` in an async action returns what the promise holds.
  const value = Node.isCallExpression(expression) || Node.isNewExpression(expression) ? `await ${text}` : text;
  return `NextResponse.json(${value}, { status: ${success} })`;
}

function isResponse(expression: Node): boolean {
  const inner = Node.isAwaitExpression(expression) ? expression.getExpression() : expression;
  if (Node.isNewExpression(inner)) return RESPONSE_ROOTS.has(inner.getExpression().getText());
  if (Node.isCallExpression(inner)) {
    const callee = inner.getExpression();
    const root = Node.isPropertyAccessExpression(callee) ? callee.getExpression().getText() : callee.getText();
    return RESPONSE_ROOTS.has(root) || ['redirect', 'permanentRedirect', 'notFound'].includes(callee.getText());
  }
  return false;
}

/**
 * The statements that read the action's arguments from the request: its form data, the raw text a
 * webhook signature is computed over (checked by `verification` before anything else), or a JSON
 * body with the parameters as its fields, which a webhook parses from that raw text.
 */
function readInput(params: ParameterDeclaration[], isWebhook: boolean, style: CodeStyle, verification: Verification | null): { lines: string[]; typed: Node[] } {
  const s = style.semicolon;
  const isState = (i: number): boolean => i === 0 && params.length === 2 && /FormData/.test(params[1]!.getTypeNode()?.getText() ?? '');
  const lines: string[] = [];
  const json: ParameterDeclaration[] = [];
  for (const [i, param] of params.entries()) {
    const name = param.getNameNode();
    if (!Node.isIdentifier(name)) refuse(`A destructured parameter (\`${name.getText()}\`) cannot be read from the request as it is: name it first.`);
    const type = param.getTypeNode()?.getText();
    if (isState(i)) {
      if (param.findReferencesAsNodes().length > 0) refuse(`The handler has no previous form state to give \`${name.getText()}\`: stop reading it first.`);
      continue;
    }
    if (type && /FormData/.test(type)) lines.push(`const ${name.getText()} = await request.formData()${s}`);
    else if (isWebhook && (type === 'string' || type === undefined) && params.length === 1) {
      lines.push(`const ${name.getText()} = await request.text()${s}`);
      if (verification) lines.push(verification.check(name.getText()));
    } else json.push(param);
  }
  if (json.length > 0) {
    const names = json.map((p) => p.getName());
    const shape = json.map((p) => `${p.getName()}${p.hasQuestionToken() ? '?' : ''}: ${p.getTypeNode()?.getText() ?? 'unknown'}`).join('; ');
    const raw = names.includes('body') ? 'rawBody' : 'body';
    if (isWebhook) lines.push(`const ${raw} = await request.text()${s}`, ...(verification ? [verification.check(raw)] : []));
    // A sender posts the event itself: a webhook's one parameter is the whole body.
    if (isWebhook && json.length === 1) lines.push(`const ${names[0]} = JSON.parse(${raw}) as ${json[0]!.getTypeNode()?.getText() ?? 'unknown'}${s}`);
    else lines.push(`const { ${names.join(', ')} } = (${isWebhook ? `JSON.parse(${raw})` : 'await request.json()'}) as { ${shape} }${s}`);
  }
  return { lines, typed: json.flatMap((p) => p.getTypeNode() ?? []) };
}

/** How a GET handler reads each type of argument from its query string, as its callers wrote it there (`String(value)`). */
const QUERY_READS: Record<string, (name: string, q: string) => string> = {
  string: (name, q) => `searchParams.get(${q}${name}${q}) ?? ${q}${q}`,
  number: (name, q) => `Number(searchParams.get(${q}${name}${q}))`,
  boolean: (name, q) => `searchParams.get(${q}${name}${q}) === ${q}true${q}`,
};

/** The statements that read a read's arguments from the query string of its GET request. */
function readQuery(params: ParameterDeclaration[], style: CodeStyle): { lines: string[]; typed: Node[] } {
  const s = style.semicolon;
  if (params.length === 0) return { lines: [], typed: [] };
  const lines = [`const { searchParams } = new URL(request.url)${s}`];
  for (const param of params) {
    const name = param.getNameNode();
    const type = param.getTypeNode()?.getText() ?? '';
    const read = QUERY_READS[type];
    if (!Node.isIdentifier(name)) refuse(`A destructured parameter (\`${name.getText()}\`) cannot be read from a query string as it is: name it first.`);
    if (!read || param.hasQuestionToken() || param.hasInitializer()) refuse(`\`${param.getText()}\` cannot be read from a query string: a GET route takes required strings, numbers and booleans only.`);
    if (name.getText() === 'searchParams' || name.getText() === 'request') refuse(`The parameter \`${name.getText()}\` would clash with the handler's own: rename it first.`);
    lines.push(`const ${name.getText()} = ${read(name.getText(), style.quote)}${s}`);
  }
  return { lines, typed: [] };
}

/** The HTTP method a function's leading verb says: `deleteProject` → DELETE, `renameTask` → PATCH, else POST. */
export function methodFor(name: string): 'DELETE' | 'PATCH' | 'POST' {
  return DELETE_VERB.test(name) ? 'DELETE' : UPDATE_VERB.test(name) ? 'PATCH' : 'POST';
}

export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
