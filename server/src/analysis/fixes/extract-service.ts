import { Node, SyntaxKind, TypeFormatFlags, type Identifier, type Project, type SourceFile, type Statement, type Symbol as TsSymbol, type Type } from 'ts-morph';
import { Behaviour } from '../behaviour';
import { vocabularyFor } from '../vocabulary';
import { editBetween, applyEdits, type FileChange, type TextChange } from './file-change';
import { addImports, moduleWith, removeImports, styleOf, type ImportBinding } from './imports';
import { morphProject } from './morph-project';
import { addAll, addBinding, bindingNamesOf, calleeName, declares, importsLocal, indentOfLine, insideFunction, isPropertyName, leadingStart, ownReturns, referencesOf, reindent, templateRanges, translate } from './morph-syntax';
import { domainOf, freeName, importSpecifier, servicePath } from './placement';
import { refuse, type RefactorContext, type RefactorOutcome, type RefactorRequest } from './refactor';
import { findTarget, locate, type TargetFunction } from './target-function';

/** Calls that only drop cached data: running one more than before changes no result. */
const REVALIDATION = new Set(['revalidatePath', 'revalidateTag', 'updateTag', 'refresh']);
/** A last property too vague to name a parameter alone: `session.user.id` → `userId`. */
const VAGUE = new Set(['id', 'data', 'value', 'key']);
const HTTP_VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete', GET: 'get', HEAD: 'get', ANY: 'handle' };

/**
 * Extract to a service: the data-layer calls of an action or route handler, and the rules between
 * them, move to a plain function of `lib/<domain>/service.ts` with typed parameters and no Next.js
 * imports; the action or route keeps its auth, parsing and revalidation and calls it.
 *
 * ```ts
 * // Before: app/projects/[projectId]/tasks/actions.ts
 * export async function addTask(formData: FormData) {
 *   await requireUser()
 *   const projectId = formData.get('projectId') as string
 *   const project = await db.project.findUnique({ where: { id: projectId } })
 *   if (!project) return
 *   await db.task.create({ data: { projectId, done: false } })
 *   revalidatePath(`/projects/${projectId}`)
 * }
 * // After: the action
 * export async function addTask(formData: FormData) {
 *   await requireUser()
 *   const projectId = formData.get('projectId') as string
 *   await addTaskInService(projectId)
 *   revalidatePath(`/projects/${projectId}`)
 * }
 * // and lib/tasks/service.ts
 * export async function addTask(projectId: string) {
 *   const project = await db.project.findUnique({ where: { id: projectId } })
 *   if (!project) return
 *   await db.task.create({ data: { projectId, done: false } })
 * }
 * ```
 * An early `return` in the moved code no longer skips a revalidation after it: revalidating once more
 * is harmless. Any other early exit, a Next.js call among the steps, or a helper of the file's own
 * that the steps use, and the refactor refuses with the reason.
 */
export function extractService(request: RefactorRequest, context: RefactorContext): RefactorOutcome {
  const found = findTarget(context, request.file, request.offset);
  const domain = domainOf(found.kind === 'action' ? found.name : '', found.file, context.app);
  const service = servicePath(context.app, domain, context.settings.serviceFile);
  const { project, sources } = morphProject(context.fs, context.app, [found.file, ...(context.fs.fileExists(service) ? [service] : [])]);
  const adapter = sources[0]!;
  const target: TargetFunction = { ...found, ...locate(adapter, found.fn) };
  const extraction = planExtraction(project, adapter, target, context);
  const serviceName = serviceFunctionName(target, domain);
  const changes = writeExtraction(context, adapter, target, extraction, service, serviceName, sources[1]);
  return { ok: true, title: `Extract to ${serviceName} in ${relativeToApp(context, service)}`, changes };
}

/** What moves into the service, what it takes, and what the adapter keeps. */
export interface Extraction {
  core: Statement[];
  params: { name: string; type: string; argument: string }[];
  /** Locals declared in the moved code that the adapter still reads after it. */
  outputs: string[];
  /** The moved code ends the function: the adapter returns what the service returns. */
  tail: boolean;
  /** The moved code has `return`s of its own. */
  returns: boolean;
  /** Imports of the adapter the moved code uses, by module specifier as the service writes it. */
  imports: Map<string, ImportBinding[]>;
  /** Types the parameters name from other modules. */
  typeImports: Map<string, ImportBinding[]>;
  /** Replacements inside the moved code (adapter offsets): uses of a value the service takes under another name. */
  rewrites: TextChange[];
  async: boolean;
}

export function planExtraction(project: Project, adapter: SourceFile, target: TargetFunction, context: RefactorContext): Extraction {
  const facts = context.index.facts(target.file);
  if (!facts) refuse('The file has not been analysed yet.');
  const operations = new Behaviour(context.index, vocabularyFor(context.settings)).dataOperations(facts, target.fn);
  if (operations.length === 0) refuse(`${sentence(shownName(target))} makes no data-layer call of its own: there is nothing to move into a service.`);
  const statements = target.body.getStatements();
  const holds = (s: Statement): boolean => operations.some((o) => o.span.start >= s.getStart() && o.span.start < s.getEnd());
  const first = statements.findIndex(holds);
  const last = statements.length - 1 - [...statements].reverse().findIndex(holds);
  let core = statements.slice(first, last + 1);
  let after = statements.slice(last + 1);
  const returns = core.some((s) => ownReturns(s).length > 0);
  // Steps that return early take the rest along when it needs nothing of Next.js (`return { name }`).
  const nextImports = (nodes: Statement[]): boolean => referencesOf(nodes, adapter, target.node, () => false).some((r) => r.kind === 'import' && isNextModule(importedFrom(r.declaration)));
  if (returns && after.length > 0 && !nextImports(after)) {
    core = [...core, ...after];
    after = [];
  }
  const checker = project.getTypeChecker();
  const inCore = (node: Node): boolean => node.getStart() >= core[0]!.getStart() && node.getEnd() <= core.at(-1)!.getEnd();
  const tail = after.length === 0;
  if (returns && !tail) {
    const onlyRevalidation = after.every((s) => Node.isExpressionStatement(s) && REVALIDATION.has(calleeName(s.getExpression()) ?? ''));
    const bare = core.flatMap(ownReturns).every((r) => r.getExpression() === undefined);
    if (!bare || !onlyRevalidation) refuse(`The steps of ${shownName(target)} return early, and the code after them would then run: move the early returns out of them first.`);
  }

  const locals = new Map<Node, { name: string; uses: Identifier[] }>();
  const imports = new Map<string, ImportBinding[]>();
  for (const { identifier, declaration, kind } of referencesOf(core, adapter, target.node, inCore)) {
    if (kind === 'import') addBinding(imports, declaration, identifier.getText());
    else if (kind === 'local') {
      const known = locals.get(declaration) ?? { name: identifier.getText(), uses: [] };
      known.uses.push(identifier);
      locals.set(declaration, known);
    } else refuse(`The steps use \`${identifier.getText()}\`, declared in this file outside ${shownName(target)}: move it to a module of its own first, so that the service can import it.`);
  }
  for (const [specifier] of imports) {
    if (isNextModule(specifier)) refuse(`The steps call into \`${specifier}\`, which belongs in the adapter, not in a service: move that call before or after them first.`);
  }
  const outputs = core
    .flatMap((s) => (Node.isVariableStatement(s) ? s.getDeclarations().flatMap((d) => bindingNamesOf(d.getNameNode())) : []))
    .filter((name) => after.some((s) => s.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === name && !isPropertyName(i))));
  if (outputs.length > 0 && returns) refuse(`The steps of ${shownName(target)} both return early and define values used after them: split them first.`);

  const typeImports = new Map<string, ImportBinding[]>();
  const taken = new Set<string>();
  const rewrites: TextChange[] = [];
  const params = [...locals.values()].map(({ name, uses }) => {
    // `session.user.id` everywhere: the service takes the user id, not the session.
    const path = commonPath(uses);
    const wanted = path ? nameOfPath(path[0]!.getText()) : name;
    const paramName = freeName(wanted, (n) => taken.has(n));
    taken.add(paramName);
    for (const use of path ?? uses) {
      if (use.getText() === paramName) continue;
      // `{ name: parsed.data.name }` becomes `{ name }`.
      const property = use.getParent();
      const shorthand = property && Node.isPropertyAssignment(property) && property.getInitializer() === use && property.getName() === paramName;
      rewrites.push(shorthand ? { start: property.getStart(), end: property.getEnd(), newText: paramName } : { start: use.getStart(), end: use.getEnd(), newText: paramName });
    }
    const typed = path ? path[0]! : uses[0]!;
    return { name: paramName, type: typeText(checker.getTypeAtLocation(typed), typeImports), argument: typed.getText() };
  });
  const moved = core.flatMap((s) => [s, ...s.getDescendants()]);
  return {
    core,
    params,
    outputs,
    tail,
    returns,
    imports,
    typeImports,
    rewrites,
    async: moved.some((n) => Node.isAwaitExpression(n) && !insideFunction(n, core)) || moved.some((n) => Node.isForOfStatement(n) && n.isAwaited()),
  };
}

function writeExtraction(context: RefactorContext, adapter: SourceFile, target: TargetFunction, plan: Extraction, servicePathname: string, wanted: string, existing: SourceFile | undefined): FileChange[] {
  const text = adapter.getFullText();
  const adapterStyle = styleOf(adapter);
  const style = existing ? styleOf(existing) : adapterStyle;
  const start = leadingStart(plan.core[0]!);
  const end = plan.core.at(-1)!.getEnd();

  // The service function.
  const name = freeName(wanted, (n) => existing !== undefined && declares(existing, n));
  const moved = applyEdits(text.slice(start, end), plan.rewrites.map((r) => ({ ...r, start: r.start - start, end: r.end - start })));
  const result = plan.outputs.length === 1 ? `return ${plan.outputs[0]}` : plan.outputs.length > 1 ? `return { ${plan.outputs.join(', ')} }` : null;
  const body = reindent(moved, indentOfLine(text, plan.core[0]!.getStart()), style, templateRanges(plan.core, start)) + (result ? `${style.eol}${style.indent}${result}${style.semicolon}` : '');
  const signature = plan.params.map((p) => `${p.name}: ${p.type}`).join(', ');
  const fn = `export ${plan.async ? 'async ' : ''}function ${name}(${signature}) {${style.eol}${body}${style.eol}}`;
  const serviceImports = new Map<string, ImportBinding[]>();
  for (const [specifier, bindings] of plan.imports) addAll(serviceImports, translate(context, target.file, servicePathname, specifier), bindings);
  for (const [path, bindings] of plan.typeImports) addAll(serviceImports, importSpecifier(context.app, servicePathname, path), bindings);
  for (const bindings of serviceImports.values()) {
    for (const b of bindings) if (existing && declares(existing, b.local) && !importsLocal(existing, b.local)) refuse(`${relativeToApp(context, servicePathname)} already declares \`${b.local}\`, which the moved code imports: rename one of them first.`);
  }

  const serviceChange = moduleWith(servicePathname, existing, style, serviceImports, [fn]);

  // The adapter: the call in place of the steps, the imports only they used dropped, the service's added.
  const inAdapter = (n: string): boolean => n === target.name || adapter.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === n);
  const local = inAdapter(name) ? freeName(`${name}InService`, inAdapter) : name;
  const call = `${plan.async ? 'await ' : ''}${local}(${plan.params.map((p) => p.argument).join(', ')})`;
  const declarationKind = plan.outputs.length > 0 ? declarationKindOf(plan.core, plan.outputs[0]!) : 'const';
  const statement =
    plan.outputs.length === 1 ? `${declarationKind} ${plan.outputs[0]} = ${call}` : plan.outputs.length > 1 ? `${declarationKind} { ${plan.outputs.join(', ')} } = ${call}` : plan.tail && plan.returns ? `return ${local}(${plan.params.map((p) => p.argument).join(', ')})` : call;
  const stillUsed = (n: string): boolean =>
    adapter.getDescendantsOfKind(SyntaxKind.Identifier).some((i) => i.getText() === n && (i.getStart() < start || i.getStart() >= end) && !i.getFirstAncestorByKind(SyntaxKind.ImportDeclaration));
  const unused = new Set([...plan.imports.values()].flat().map((b) => b.local).filter((n) => !stillUsed(n)));
  const firstPass = applyEdits(text, [{ start, end, newText: statement + adapterStyle.semicolon }, ...removeImports(adapter, unused)]);
  const reparsed = adapter.getProject().createSourceFile(`${target.file}.next.ts`, firstPass, { overwrite: true });
  const binding: ImportBinding = { imported: name, local, typeOnly: false };
  const final = applyEdits(firstPass, addImports(reparsed, adapterStyle, importSpecifier(context.app, target.file, servicePathname), [binding]));
  reparsed.delete();
  return [editBetween(target.file, text, final), serviceChange].filter((c): c is FileChange => c !== null);
}

function serviceFunctionName(target: TargetFunction, domain: string): string {
  if (target.kind === 'action') return target.name;
  const noun = singular(domain).replace(/^./, (c) => c.toUpperCase()).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  const verb = HTTP_VERBS[target.name] ?? 'handle';
  const listing = verb === 'get' && !/\[[^\]]+\]$/.test(target.route?.url.pattern ?? '');
  return listing ? `list${noun.endsWith('s') ? noun : `${noun}s`}` : `${verb}${noun}`;
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

function shownName(target: TargetFunction): string {
  return target.kind === 'action' ? `\`${target.name}\`` : `the ${target.name === 'ANY' ? 'pages/api' : target.name} handler`;
}

function isNextModule(specifier: string): boolean {
  return specifier === 'next' || specifier.startsWith('next/');
}

function importedFrom(declaration: Node): string {
  return declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue() ?? '';
}

function sentence(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

export function relativeToApp(context: RefactorContext, path: string): string {
  return path.startsWith(`${context.app.root}/`) ? path.slice(context.app.root.length + 1) : path;
}

/**
 * When every use reads the same property path (`session.user.id`), the path's nodes; a use that calls
 * a method of the value, or assigns to it, needs the value itself.
 */
function commonPath(uses: Identifier[]): Node[] | undefined {
  const tops: Node[] = [];
  for (const use of uses) {
    let top: Node = use;
    for (let parent = top.getParent(); parent && Node.isPropertyAccessExpression(parent) && parent.getExpression() === top; parent = top.getParent()) top = parent;
    const parent = top.getParent();
    if (parent && Node.isCallExpression(parent) && parent.getExpression() === top && Node.isPropertyAccessExpression(top)) top = top.getExpression();
    if (top === use) return undefined;
    if (parent && Node.isBinaryExpression(parent) && parent.getLeft() === top) return undefined;
    tops.push(top);
  }
  const text = tops[0]?.getText();
  return tops.every((t) => t.getText() === text) ? tops : undefined;
}

function nameOfPath(path: string): string {
  const segments = path.split(/\??\./);
  const last = segments.at(-1)!;
  return VAGUE.has(last) && segments.length >= 2 ? `${segments.at(-2)}${last[0]!.toUpperCase()}${last.slice(1)}` : last;
}

/**
 * How the service writes a parameter's type, and the named types of the project it needs imported;
 * a type only a package names is refused (its import path is the package's own business).
 */
export function typeText(type: Type, imports: Map<string, ImportBinding[]>): string {
  const widened = type.isLiteral() || type.isBooleanLiteral() ? type.getBaseTypeOfLiteralType() : type;
  for (const symbol of namedSymbols(widened, new Set())) {
    const file = symbol.getDeclarations()[0]?.getSourceFile();
    // Globals (`Date`, `File`, Node's `Buffer`) are declared in scripts, not modules: nothing to import.
    if (!file || file.getSymbol() === undefined) continue;
    if (file.isInNodeModules()) refuse(`The type \`${symbol.getName()}\` of a value the service takes comes from a package; annotate that value with a type of the project first.`);
    addAll(imports, file.getFilePath(), [{ imported: symbol.getName(), local: symbol.getName(), typeOnly: true }]);
  }
  return widened.getText(undefined, TypeFormatFlags.NoTruncation | TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
}

/** The named types (interfaces, aliases, classes, enums) a type is written with. */
function namedSymbols(type: Type, seen: Set<Type>): TsSymbol[] {
  if (seen.has(type)) return [];
  seen.add(type);
  const parts = [...(type.isUnion() ? type.getUnionTypes() : []), ...(type.isIntersection() ? type.getIntersectionTypes() : []), ...type.getTypeArguments(), ...type.getAliasTypeArguments(), ...(type.isArray() ? [type.getArrayElementTypeOrThrow()] : [])];
  const own = type.getAliasSymbol() ?? (type.isInterface() || type.isClass() || type.isEnum() ? type.getSymbol() : undefined);
  return [...(own ? [own] : []), ...parts.flatMap((t) => namedSymbols(t, seen))];
}

function declarationKindOf(core: Statement[], name: string): string {
  const statement = core.find((s) => Node.isVariableStatement(s) && s.getDeclarations().some((d) => bindingNamesOf(d.getNameNode()).includes(name)));
  return statement && Node.isVariableStatement(statement) ? statement.getDeclarationKind() : 'const';
}
