import { Node, SyntaxKind, type Project, type SourceFile, type Type, type TypeChecker } from 'ts-morph';
import { Behaviour } from '../behaviour';
import type { FunctionFact } from '../facts/file-facts';
import { vocabularyFor } from '../vocabulary';
import { readCheckOptions } from '../project/tsconfig-reader';
import { actionAndCallers, bodyStatements, importEdits, linesAfter, linesBefore, namesDeclaredIn, newTypeError } from './body-edits';
import type { TextChange } from './file-change';
import { styleOf, type ImportBinding } from './imports';
import { morphProject } from './morph-project';
import { addAll, addBinding, bindingNamesOf, nodeAt, referencesOf, translate } from './morph-syntax';
import { importSpecifier } from './placement';
import { refuse, type RefactorContext, type RefactorOutcome } from './refactor';
import type { RuleFixRequest } from './rule-fix';
import { errorAnswer, guardPlan, type AppGuard, type GuardStatement, type GuardUse, type LibraryGuard } from './session-guard';
import { locate } from './target-function';

/** The check as the function will hold it: statements, the signed-out condition, the user's id. */
interface GuardCode {
  statements: GuardStatement[];
  signedOut: string | null;
  userId: string | null;
  imports: Map<string, ImportBinding[]>;
}

/** A check a guard's caller writes after it: names and property reads, negated, joined by `||` or `&&`. */
const SIMPLE_CHECK = /^!?\s*[\w$]+(\??\.[\w$]+)*(\s*(\|\||&&)\s*!?\s*[\w$]+(\??\.[\w$]+)*)*$/;

/**
 * The session check the auth fixes insert first in the function (see `guardPlan` for the guard):
 * the app's own guard as one of its calls writes it (what the caller keeps, the check that follows
 * it), or the documented check of its auth library. A caller who is not signed in gets the answer
 * of the endpoint: a 401 from a route, and from an action what the app's actions answer an error
 * with (`return { error }` where the action returns objects its callers expect, else `throw`). An
 * action that takes the user's id from its caller also refuses any id but the signed-in user's.
 */
export function insertSessionCheck(request: RuleFixRequest, context: RefactorContext, endpoint: 'action' | 'route'): RefactorOutcome {
  const { index, settings, app } = context;
  const plan = guardPlan(index, settings, request.finding, endpoint);
  if ('reason' in plan) refuse(plan.reason);
  const { guard, file } = plan;
  const use = guard.kind === 'app' ? sampleUse(guard, file, endpoint) : null;
  // An action's callers are loaded too: a new error object it returns must type-check where they read its result.
  const checked = endpoint === 'action' ? actionAndCallers(context, { file, key: plan.key }) : [file];
  const { project, sources } = morphProject(context.fs, app, [...new Set([...checked, ...(use ? [use.file] : [])])], readCheckOptions(context.fs, app.root));
  const source = sources[0]!;
  const style = styleOf(source);
  const { node, body } = locate(source, plan.fn);
  const code = use
    ? copiedGuard(context, project, sources.find((s) => s.getFilePath() === use.file)!, use, guard as AppGuard, file, endpoint, plan.identity !== null)
    : libraryCode(context, guard as LibraryGuard, file);

  // What the function makes already (a Supabase client, before the write) is not made twice: the check follows it.
  const statements = bodyStatements(body);
  const write = new Behaviour(index, vocabularyFor(settings)).dataWrites(index.facts(file)!, plan.fn)[0];
  const normalized = (text: string): string => text.replace(/;\s*$/, '').replace(/\s+/g, ' ');
  let made = 0;
  while (made < code.statements.length && statements[made] && normalized(statements[made]!.getText()) === normalized(code.statements[made]!.code) && (!write || statements[made]!.getEnd() <= write.span.start)) made++;
  const rest = code.statements.slice(made);
  const taken = namesDeclaredIn(node);
  const clash = rest.flatMap((s) => s.declares).find((name) => taken.has(name));
  if (clash) refuse(`${plan.name} declares \`${clash}\` already, and the check declares it too: rename it first.`);
  const identity = plan.identity === null ? null : identityExpression(source, plan.fn, plan.identity);
  if (identity !== null && code.userId === null) refuse(`Could not tell the signed-in user's id from the session check, to compare "${plan.identity}" with it: add the check by hand.`);

  const q = style.quote;
  const s = style.semicolon;
  const lines = (answer: (message: string) => string): string[] => [
    ...rest.map((statement) => `${statement.code}${s}`),
    ...(code.signedOut ? [`if (${code.signedOut}) ${answer('Unauthorized')}`] : []),
    ...(identity !== null ? [`if (${identity} !== ${code.userId}) ${answer('Forbidden')}`] : []),
  ];
  const anchor = statements[made - 1];
  const imports = importEdits(source, style, code.imports, (a, b) => sameModule(context, file, a, b));
  const editsWith = (answer: (message: string) => string): TextChange[] => [anchor ? linesAfter(anchor, lines(answer), style) : linesBefore(statements[0]!, lines(answer), style), ...imports];
  if (endpoint === 'route') {
    const response = importsValue(source, 'next/server', 'NextResponse') ? 'NextResponse' : 'Response';
    return done(plan.title, file, editsWith((message) => `return ${response}.json({ error: ${q}${message}${q} }, { status: 401 })${s}`));
  }
  // An error object only where the callers read what the action returns, and where what they read then type-checks.
  const answer = errorAnswer(index, settings, app, file) ?? (plan.fn.returns.some((r) => r.kind === 'error-object') ? 'return' : 'throw');
  const throwing = editsWith((message) => `throw new Error(${q}${message}${q})${s}`);
  if (answer === 'return' && plan.fn.returns.some((r) => r.kind === 'error-object' || r.kind === 'value')) {
    const returning = editsWith((message) => `return { error: ${q}${message}${q} }${s}`);
    if (!newTypeError(context, sources.filter((f) => checked.includes(f.getFilePath())), source, returning)) return done(plan.title, file, returning);
  }
  return done(plan.title, file, throwing);
}

function done(title: string, path: string, edits: TextChange[]): RefactorOutcome {
  return { ok: true, title, changes: [{ kind: 'edit', path, edits }] };
}

/** The call to copy: one that keeps and checks its result when the guard needs a check, in this file and this kind of endpoint first. */
function sampleUse(guard: AppGuard, file: string, endpoint: 'action' | 'route'): GuardUse {
  const rank = (u: GuardUse): number => (u.kept || guard.throws ? 0 : 4) + (u.file === file ? 0 : 2) + (u.endpoint === endpoint ? 0 : 1);
  return [...guard.uses].sort((a, b) => rank(a) - rank(b))[0]!;
}

/**
 * The app's guard as a call of it writes it: the call with its arguments (their imports re-expressed
 * for `file`), the binding that keeps its result and the check that follows, when there is one.
 * A guard that throws needs no check in an action; in a route its throw becomes a 401.
 */
function copiedGuard(context: RefactorContext, project: Project, sample: SourceFile, use: GuardUse, guard: AppGuard, file: string, endpoint: 'action' | 'route', wantsId: boolean): GuardCode {
  const call = nodeAt(sample, use.span);
  if (!call || !Node.isCallExpression(call)) refuse(`The call of ${guard.name}() that the check copies is no longer there: ask for the fix again.`);
  const imports = new Map<string, ImportBinding[]>();
  for (const reference of referencesOf([call], sample, call, () => false)) {
    if (reference.kind !== 'import') refuse(`${guard.name}() is called with \`${reference.identifier.getText()}\`, which the check could not bring along: add it by hand.`);
    addBinding(imports, reference.declaration, reference.identifier.getText(), (specifier) => translate(context, use.file, file, specifier));
  }
  const checker = project.getTypeChecker();
  const value = call.getParentIfKind(SyntaxKind.AwaitExpression) ?? call;
  const declaration = value.getParentIfKind(SyntaxKind.VariableDeclaration);
  const statement = declaration?.getVariableStatement();
  const pattern = statement?.getDeclarations().length === 1 ? declaration!.getNameNode() : undefined;
  const name = pattern && Node.isIdentifier(pattern) ? pattern.getText() : /user|member/i.test(guard.name) ? 'user' : 'session';
  const bindings = pattern ? bindingNamesOf(pattern).map((n) => ({ name: n, type: checker.getTypeAtLocation(pattern.getDescendants().find((d) => Node.isIdentifier(d) && d.getText() === n) ?? pattern) })) : [{ name, type: checker.getTypeAtLocation(value) }];
  const userId = wantsId ? idOf(checker, bindings, value) : null;

  if (guard.throws && endpoint === 'route') {
    if (checker.getTypeAtLocation(call).getSymbol()?.getName() !== 'Promise') refuse(`${guard.name}() throws when nobody is signed in and is not async: a route handler cannot answer 401 with it. Add the check by hand.`);
    return { statements: [{ code: `const ${name} = await ${call.getText()}.catch(() => null)`, declares: [name] }], signedOut: `!${name}`, userId: null, imports };
  }
  const kept = pattern ? pattern.getText() : name;
  const keeping = { code: `const ${kept} = ${value.getText()}`, declares: bindings.map((b) => b.name) };
  if (guard.throws) return { statements: [wantsId ? keeping : { code: value.getText(), declares: [] }], signedOut: null, userId, imports };
  const next = statement?.getNextSibling();
  const check = next && Node.isIfStatement(next) ? next.getExpression().getText() : null;
  const roots = check ? [...check.matchAll(/(?:^|\|\||&&)\s*!?\s*([\w$]+)/g)].map((m) => m[1]!) : [];
  const copied = check !== null && SIMPLE_CHECK.test(check) && roots.every((r) => keeping.declares.includes(r)) ? check : null;
  // With no check to copy, a result that may be missing tells it; an object that is always there does not.
  const signedOut = copied ?? ((!pattern || Node.isIdentifier(pattern)) && bindings[0]!.type.isNullable() ? `!${name}` : null);
  if (!signedOut) refuse(`Could not tell what ${guard.name}() returns when nobody is signed in: add the check by hand.`);
  return { statements: [keeping], signedOut, userId, imports };
}

/**
 * The signed-in user's id among what the guard gives: a `userId`, an `id`, or a `user` with one
 * (read with `?.` where the user may be missing).
 */
function idOf(checker: TypeChecker, bindings: { name: string; type: Type }[], at: Node): string | null {
  const property = (type: Type, key: string): Type | undefined => {
    const symbol = type.getNonNullableType().getProperty(key);
    return symbol ? checker.getTypeOfSymbolAtLocation(symbol, at) : undefined;
  };
  for (const { name, type } of bindings) {
    if (/^(user)?id$/i.test(name) && type.getNonNullableType().isString()) return name;
    if (property(type, 'id')?.getNonNullableType().isString()) return `${name}.id`;
    const user = property(type, 'user');
    if (user && property(user, 'id')?.getNonNullableType().isString()) return `${name}.user${user.isNullable() ? '?.' : '.'}id`;
  }
  return null;
}

/** An auth library's documented check, its app modules imported as `file` writes them. */
function libraryCode(context: RefactorContext, guard: LibraryGuard, file: string): GuardCode {
  const imports = new Map<string, ImportBinding[]>();
  for (const { module, inApp, names } of guard.imports) {
    addAll(imports, inApp ? importSpecifier(context.app, file, module) : module, names.map((n) => ({ imported: n, local: n, typeOnly: false })));
  }
  return { statements: guard.statements, signedOut: guard.signedOut, userId: guard.userId, imports };
}

/**
 * How the check, first in the function, names the caller's claim of who they are: the parameter, or
 * the form-data read (`formData.get('userId')`) on a parameter.
 */
function identityExpression(source: SourceFile, fn: FunctionFact, identity: string): string {
  const params = new Set(fn.params.flatMap((p) => p.names));
  if (params.has(identity)) return identity;
  const read = fn.formDataReads.find((r) => r.key === identity);
  const node = read && nodeAt(source, read.span);
  const receiver = node && Node.isCallExpression(node) ? node.getExpression() : undefined;
  if (!node || !receiver || !Node.isPropertyAccessExpression(receiver) || !params.has(receiver.getExpression().getText())) refuse(`"${identity}" is read from a form data the check cannot reach first in the function: compare it with the signed-in user's id by hand.`);
  return node.getText();
}

/** The file imports `name` as a value from `specifier`. */
function importsValue(source: SourceFile, specifier: string, name: string): boolean {
  return source.getImportDeclarations().some((d) => d.getModuleSpecifierValue() === specifier && !d.isTypeOnly() && d.getNamedImports().some((n) => n.getName() === name && !n.isTypeOnly()));
}

/** Two specifiers of `file` name one module. */
function sameModule(context: RefactorContext, file: string, a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [context.index.resolve(file, a), context.index.resolve(file, b)];
  return x.kind === 'file' && y.kind === 'file' && x.path === y.path;
}
