import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import { extractService } from '../extract-service';
import { applyEdits, editBetween, type FileChange, type TextChange } from '../file-change';
import { reimported, styleOf } from '../imports';
import { morphProject } from '../morph-project';
import { declares, importsLocal, ownReturns, referencesOf, statementRemoval } from '../morph-syntax';
import { freeName, importSpecifier } from '../placement';
import { refuse, Refusal, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { fetchedRoute, whyNotCallable } from './fetch-own-route-from-server-offers';

/** Options of a server-side `fetch` that a direct call loses nothing by dropping. */
const HARMLESS_INIT: Record<string, string> = { cache: 'no-store', method: 'GET' };

/** The service function a thin handler answers with: `return Response.json(await listProjects())`. */
interface ServiceCall {
  /** Its name as its module exports it. */
  name: string;
  specifier: string;
  args: string[];
}

/**
 * `fetch-own-route-from-server/call-directly`: the fetch of the app's own handler, and the reading of
 * its JSON, become a call of the service function the handler answers with; a handler that holds the
 * logic itself has it extracted to a service first (as "Extract to service" does), which it then calls too:
 *
 * ```ts
 * // Before: app/projects/page.tsx                          // After
 * const res = await fetch(`${site}/api/projects`)            import { listProjects } from '@/lib/projects/service'
 * const projects: Project[] = await res.json()               const projects: Project[] = await listProjects()
 * ```
 * Also `(await fetch(url)).json()` and `fetch(url).then((r) => r.json())`. The caller then gets the
 * service's values as they are, not their JSON copy (a `Date` stays a `Date`). The fix refuses when the
 * answer is more than data: a caller that reads its status or headers, a handler that answers with a
 * status, headers or a stream, one that reads its request or URL, or a fetch that caches its answer.
 */
export function fixFetchOwnRouteFromServer(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const found = fetchedRoute(context.index, finding);
  if (!found) refuse('The fetch, or the handler it reaches, is no longer there: ask for the fix again.');
  const { fetch, route } = found;
  const disabled = whyNotCallable(route);
  if (disabled) refuse(disabled);
  const { project, sources } = morphProject(context.fs, context.app, [...new Set([finding.file, route.fnFile])]);
  const caller = sources[0]!;
  const call = caller.getDescendantAtStartWithWidth(fetch.span.start, fetch.span.end - fetch.span.start);
  if (!call || !Node.isCallExpression(call)) refuse('The fetch is no longer there: ask for the fix again.');
  checkInit(call);
  const answer = answerReads(call);

  // The handler's service, or one extracted from it.
  const handlerFile = sources.find((s) => s.getFilePath() === route.fnFile)!;
  let service = thinAdapter(handlerFile, route.method);
  let extracted: FileChange[] = [];
  if (typeof service === 'string') {
    const before = service;
    const unable = (reason: string): string => `${before} Extracting it to a service is not possible either: ${reason}`;
    const extraction = withRefusal(() => extractService({ kind: 'extract-service', file: route.fnFile, offset: route.fn!.span.start }, context), unable);
    if (!extraction.ok) refuse(unable(extraction.reason));
    extracted = extraction.changes;
    const routeChange = extracted.find((c) => c.path === route.fnFile);
    const text = routeChange?.kind === 'edit' ? applyEdits(handlerFile.getFullText(), routeChange.edits) : handlerFile.getFullText();
    service = thinAdapter(project.createSourceFile(route.fnFile, text, { overwrite: true }), route.method);
    if (typeof service === 'string') refuse(`${before} After extracting its logic to a service, still: ${service.charAt(0).toLowerCase()}${service.slice(1)}`);
  }
  const servicePath = serviceModule(context, route.fnFile, service.specifier, extracted);

  // The caller: the service's call stands for the JSON it read.
  const text = caller.getFullText();
  const taken = (n: string): boolean => declares(caller, n) && !importsLocal(caller, n);
  const local = freeName(service.name, taken);
  const edits: TextChange[] = [...answer.removals, { start: answer.json.getStart(), end: answer.json.getEnd(), newText: `${local}(${service.args.join(', ')})` }];
  const specifier = importSpecifier(context.app, finding.file, servicePath);
  const edited = reimported(caller, applyEdits(text, edits), styleOf(caller), [{ specifier, bindings: [{ imported: service.name, local, typeOnly: false }] }]);
  const changes = [...extracted, editBetween(finding.file, text, edited)].filter((c): c is FileChange => c !== null);
  return { ok: true, title: `Call ${service.name}() instead of fetching ${route.url.pattern}${extracted.length > 0 ? ', extracting it to a service' : ''}`, changes };
}

/** Refuses when the fetch asks for more than the data: caching, a body, headers. */
function checkInit(call: CallExpression): void {
  const init = call.getArguments()[1];
  if (!init) return;
  if (!Node.isObjectLiteralExpression(init)) refuse('The fetch takes its options from a variable: make them plain first.');
  for (const property of init.getProperties()) {
    const name = Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? property.getName() : property.getText();
    const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
    const literal = value && Node.isStringLiteral(value) ? value.getLiteralText() : undefined;
    if (HARMLESS_INIT[name] === undefined || HARMLESS_INIT[name] !== literal) refuse(`The fetch sets \`${property.getText()}\`, which a direct call cannot keep (caching, headers, a body): keep the fetch, or drop that option first.`);
  }
}

/**
 * Where the caller reads the fetched JSON (the `….json()` call the service's call replaces), and what
 * goes with the fetch: `const res = await fetch(…)`, read only as `res.json()`.
 */
function answerReads(call: CallExpression): { json: Node; removals: TextChange[] } {
  const parent = call.getParent();
  // fetch(url).then((r) => r.json())
  if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'then') {
    const then = parent.getParent();
    const callback = Node.isCallExpression(then) && then.getArguments().length === 1 ? then.getArguments()[0] : undefined;
    if (callback && Node.isArrowFunction(callback) && callback.getParameters().length === 1 && callback.getBody().getText() === `${callback.getParameters()[0]!.getName()}.json()`) return { json: then!, removals: [] };
    refuse('The caller does more with the answer than read its JSON: keep the fetch.');
  }
  if (!Node.isAwaitExpression(parent)) refuse('The caller does not await the fetch where it makes it: keep the fetch, or await it first.');
  const outer = parent.getParent();
  // (await fetch(url)).json()
  const access = Node.isParenthesizedExpression(outer) ? outer.getParent() : undefined;
  const json = access && Node.isPropertyAccessExpression(access) && access.getName() === 'json' ? access.getParent() : undefined;
  if (json && Node.isCallExpression(json) && json.getArguments().length === 0) return { json, removals: [] };
  // const res = await fetch(url) … await res.json()
  const declaration = outer && Node.isVariableDeclaration(outer) ? outer : undefined;
  const statement = declaration?.getFirstAncestorByKind(SyntaxKind.VariableStatement);
  const name = declaration?.getNameNode();
  if (!declaration || !statement || !name || !Node.isIdentifier(name) || statement.getDeclarations().length !== 1) refuse('The caller does more with the answer than read its JSON: keep the fetch.');
  const uses = name.findReferencesAsNodes().filter((r) => r !== name && r.getSourceFile() === call.getSourceFile());
  const reads = uses.map((use) => {
    const property = use.getParent();
    const read = Node.isPropertyAccessExpression(property) && property.getExpression() === use ? property.getParent() : undefined;
    if (!property || !read || !Node.isPropertyAccessExpression(property) || property.getName() !== 'json' || !Node.isCallExpression(read)) {
      refuse(`The caller reads \`${(property ?? use).getText()}\` of the answer (its status, its headers): a direct call has none. Keep the fetch, or stop reading it first.`);
    }
    return read;
  });
  if (reads.length !== 1) refuse(`The caller reads the JSON of \`${name.getText()}\` ${reads.length === 0 ? 'nowhere' : 'more than once'}: keep the fetch, or read it once first.`);
  // The comments above the fetch stay, above the read that now makes the call.
  const removal = statementRemoval(statement);
  const text = statement.getSourceFile().getFullText();
  return { json: reads[0]!, removals: [{ ...removal, start: Math.max(removal.start, text.lastIndexOf('\n', statement.getStart() - 1) + 1) }] };
}

/**
 * The service call a handler is a thin adapter over: it answers `Response.json` (or `NextResponse.json`)
 * of one call of an imported function, awaited in place or in the statement before. The reason when
 * it is not, which extracting a service can mend; a refusal when extracting would not help.
 */
function thinAdapter(route: SourceFile, method: string): ServiceCall | string {
  const handler = route.getFunction(method) ?? route.getVariableDeclaration(method)?.getInitializer();
  const body = handler && (Node.isFunctionDeclaration(handler) || Node.isArrowFunction(handler) || Node.isFunctionExpression(handler)) ? handler.getBody() : undefined;
  if (!handler || !body || !Node.isBlock(body)) refuse(`The ${method} handler has no block body to read.`);
  const statements = body.getStatements();
  const last = statements.at(-1);
  if (statements.flatMap(ownReturns).length !== 1 || !last || !Node.isReturnStatement(last)) refuse(`The ${method} handler does not end with one answer of its data: the caller would miss what its other answers say.`);
  const answer = last.getExpression();
  const json = answer && Node.isCallExpression(answer) && ['Response.json', 'NextResponse.json'].includes(answer.getExpression().getText()) ? answer : undefined;
  if (!json) refuse(`The ${method} handler answers with something other than JSON data (a stream, a file, text): a direct call would not give the caller what it reads.`);
  const [data, options] = json.getArguments();
  if (options && options.getText().replace(/\s/g, '') !== '{status:200}') refuse(`The ${method} handler answers with options of its own (\`${options.getText()}\`), which the caller would no longer get: keep the fetch.`);
  let value = data && Node.isAwaitExpression(data) ? data.getExpression() : data;
  let before = statements.slice(0, -1);
  const bound = before.at(-1);
  if (value && Node.isIdentifier(value) && bound && Node.isVariableStatement(bound) && bound.getDeclarations().length === 1 && bound.getDeclarations()[0]!.getName() === value.getText()) {
    const initializer = bound.getDeclarations()[0]!.getInitializer();
    value = initializer && Node.isAwaitExpression(initializer) ? initializer.getExpression() : initializer;
    before = before.slice(0, -1);
  }
  if (before.length > 0 || !value || !Node.isCallExpression(value) || !Node.isIdentifier(value.getExpression())) return `The ${method} handler does more than answer with one function's result.`;
  const declaration = value.getExpression().getSymbol()?.getDeclarations()[0];
  const specifier = declaration && Node.isImportSpecifier(declaration) ? declaration.getImportDeclaration().getModuleSpecifierValue() : undefined;
  if (!declaration || !Node.isImportSpecifier(declaration) || !specifier || specifier === 'next' || specifier.startsWith('next/')) return `The ${method} handler answers with a function of its own module, not of a service.`;
  const read = referencesOf(value.getArguments(), route, handler, () => false)[0];
  if (read) refuse(`The ${method} handler passes \`${read.identifier.getText()}\` (from its request, its URL or its module) to ${declaration.getName()}(): call ${declaration.getName()}() with that value by hand.`);
  return { name: declaration.getName(), specifier, args: value.getArguments().map((a) => a.getText()) };
}

/** The file of the service module the handler imports: one the extraction writes, or one of the project. */
function serviceModule(context: RefactorContext, routeFile: string, specifier: string, extracted: FileChange[]): string {
  const written = extracted.find((c) => c.path !== routeFile && importSpecifier(context.app, routeFile, c.path) === specifier);
  if (written) return written.path;
  const resolved = context.index.resolve(routeFile, specifier);
  if (resolved.kind !== 'file') refuse(`\`${specifier}\` does not resolve to a module of the project, so the caller could not import it.`);
  return resolved.path;
}

/** Runs a step that may refuse, with its reason rephrased. */
function withRefusal<T>(step: () => T, reason: (inner: string) => string): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof Refusal) refuse(reason(error.message));
    throw error;
  }
}
