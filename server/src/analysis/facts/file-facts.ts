import type { Span } from '../types';

/**
 * Everything the rules and the project index need to know about one file, taken from a single
 * syntactic parse. Plain data: no syntax tree survives extraction, so facts are cheap to cache.
 */
export interface FileFacts {
  path: string;
  hash: string;
  /** Offsets where each line starts, to turn spans into line/column without the text. */
  lineStarts: number[];
  directive: ModuleDirective | null;
  /** Imports a hook (`useState`, `useSWR`, `useRouter`…): with no directive, the module still runs in the browser. */
  usesHooks: boolean;
  /** The line after the directive prologue (`'use server'`…), where file-wide comments may go. */
  prologueEndLine: number;
  /** The first syntax error, when the text does not parse cleanly (facts are still extracted). */
  syntaxError: Span | null;
  /** Why the file was not parsed at all; its facts are then empty. */
  skipped: 'too-large' | 'binary' | null;
  imports: ImportFact[];
  reExports: ReExportFact[];
  /** Modules loaded by `import('…')` or `require('…')` with a literal specifier, by specifier. */
  dynamicImports: string[];
  exports: ExportFact[];
  /** Top-level bindings by name, for `export { a as b }`, aliases and wrapper arguments. */
  declarations: Record<string, ValueFact>;
  functions: FunctionFact[];
  usages: UsageFact[];
  tries: TryFact[];
  suppressions: SuppressionFact[];
  /** In a `proxy.*` or `middleware.*` file: what it runs on and always does (see `readProxyFacts`). */
  proxy: ProxyFacts | null;
}

export interface ProxyFacts {
  /** The paths its `config.matcher` names; null when it has none (it runs on every path), `'unknown'` when computed or conditional. */
  matcher: string[] | 'unknown' | null;
  /** The calls its functions make on every path past their early returns. */
  unconditionalCalls: Span[];
}

export type ModuleDirective = 'use server' | 'use client';

export interface ImportFact {
  specifier: string;
  span: Span;
  typeOnly: boolean;
  /** `imported` is an export name, `default`, or `*` for a namespace import. */
  bindings: { local: string; imported: string }[];
}

export interface ReExportFact {
  specifier: string;
  span: Span;
  /** `null` for `export * from`. */
  names: { exported: string; imported: string }[] | null;
}

export interface ExportFact {
  /** The exported name: `default` for a default export. */
  name: string;
  /** Where findings about the export are reported: its name, or the `export default` keywords. */
  span: Span;
  value: ValueFact;
  typeOnly: boolean;
}

/** What a binding is bound to, as far as syntax tells. */
export type ValueFact =
  | { kind: 'function'; fn: number }
  /** Another binding of this file: `export { a as b }`, `export const PUT = PATCH`, `export default a`. */
  | { kind: 'alias'; local: string }
  /** A call such as `withAuth(handler)` or `client.schema(s).action(fn)`. */
  | { kind: 'call'; chain: CallChain }
  /** `export const { GET, POST } = handlers`. */
  | { kind: 'destructured'; from: string; property: string }
  | { kind: 'class' }
  | { kind: 'type' }
  /** Anything else; a literal's value is kept, as route segment config (`export const revalidate = 60`) needs it. */
  | { kind: 'other'; literal?: string | number | boolean };

export interface CallChain {
  /** The identifier the chain starts from (`authActionClient` in `authActionClient.schema(s).action(fn)`). */
  root: string | null;
  /** Member names along the chain, in order (`schema`, `action`). */
  members: string[];
  /** Functions written inline as arguments anywhere in the chain; the last is the handler. */
  fns: number[];
  /** Identifiers passed as arguments (`withAuth(handler)`), to follow to their declarations. */
  identifierArgs: string[];
}

export interface ParamFact {
  name: string;
  /** The names it binds: itself, or those of a destructuring pattern. */
  names: string[];
  span: Span;
  type: ParamType;
}

/** A parameter's annotation, classified for the rules. */
export type ParamType = 'none' | 'any' | 'unknown' | 'object' | 'record' | 'form-data' | 'file' | 'other';

export interface FunctionFact {
  id: number;
  name: string;
  /** Where findings about the function are reported. */
  nameSpan: Span;
  span: Span;
  async: boolean;
  inlineUseServer: boolean;
  /** The name of the top-level function that lexically contains an inline action. */
  container: string | null;
  params: ParamFact[];
  calls: CallFact[];
  throws: ThrowFact[];
  returns: ReturnFact[];
  constructs: { name: string; span: Span }[];
  formDataReads: FormDataReadFact[];
  /** `instanceof File`/`Blob`, `as File` and similar. */
  fileUses: Span[];
  headerReads: { name: string; span: Span }[];
  headerWrites: { name: string; span: Span }[];
  bodyReads: { method: string; span: Span }[];
  fetches: FetchFact[];
  /** Dispatch on a name or type string taken from the input (`switch (input.type)`, `handlers[name](…)`). */
  dispatch: Span | null;
  /** Statements in the body, nested blocks included: how much logic sits in the function. */
  statementCount: number;
  /** Of those, the statements in each pages/api method branch (`GET`: 12), when there are branches. */
  branchStatements: Record<string, number> | null;
  /** An `if` tests a value's runtime type (`typeof x !== 'string'`): hand-written validation. */
  typeChecks: boolean;
  /** Variable declarations: the names bound and the names their value is computed from. */
  assignments: AssignmentFact[];
}

export interface CallFact {
  /** The identifier the callee starts from: `prisma` in `prisma.project.create(…)`. */
  root: string | null;
  /** Member names after the root, calls in between dropped: `['project', 'create']`. */
  members: string[];
  span: Span;
  /** Index into `FileFacts.tries` of the innermost `try` block holding the call, or -1. */
  tryIndex: number;
  /** The first argument when it is a string literal or a plain template. */
  firstString: string | null;
  /** Arguments that are bare identifiers, to recognise `unstable_rethrow(e)`. */
  argNames: string[];
  /** How many arguments it is given (`revalidateTag(tag)` has one). */
  argCount: number;
  /** Every name the arguments read, outside callbacks: `input` in `db.update({ where: { id: input.id } })`. */
  argReferences: string[];
  tagged: boolean;
  /** A function is given as an argument, or as a property of an object argument (`withSession(req, async () => …)`). */
  callback: boolean;
  /** The branch of a pages/api handler holding the call: `if (req.method === 'GET')`, `case 'GET':`. */
  httpMethod: string | null;
  /** The root is a parameter of a callback given to this call: `tx` in `prisma.$transaction(async (tx) => …)`. */
  rootFrom: { root: string | null; members: string[] } | null;
}

export interface AssignmentFact {
  names: string[];
  from: string[];
}

export interface ThrowFact {
  span: Span;
  tryIndex: number;
  /** The throw reports an expected failure of the input (validation, not found) rather than a bug. */
  expected: boolean;
}

export interface ReturnFact {
  span: Span;
  kind: 'response' | 'error-object' | 'value' | 'empty';
  /** For a response: the status given, `null` when none (200), `-1` when not a literal. */
  status: number | null;
  /** For a response: the body is an object with an `error`/`errors`/`message` key. */
  errorBody: boolean;
  /**
   * For a response with an error body: the status its message, or the branch returning it, calls
   * for (401 for a missing session, 404 for a lookup that found nothing, 400 for bad input…; 500
   * when nothing tells).
   */
  errorStatus: number | null;
}

export interface FormDataReadFact {
  key: string | null;
  span: Span;
  /** `as string`, `String(…)`, `as File`… */
  cast: string | null;
}

export interface FetchFact {
  span: Span;
  url: UrlFact | null;
  method: string;
}

/** A URL as far as the source tells; dynamic parts are `*`. */
export interface UrlFact {
  path: string;
  /** `own`: relative, localhost or a site-URL variable; `external`: another host. */
  origin: 'own' | 'external';
}

export type UsageContext =
  | 'form-action'
  | 'action-state'
  | 'effect'
  | 'query-fn'
  | 'transition'
  | 'event-handler'
  | 'render'
  | 'call'
  | 'reference';

/** A reference to an imported or top-level binding, with how it is used. */
export interface UsageFact {
  name: string;
  span: Span;
  context: UsageContext;
  /** The top-level function the reference sits in (a component, a handler), if any. */
  container: string | null;
  containerIsComponent: boolean;
  /** A `<form>` using it as `action` holds an `<input type="file">`. */
  formHasFileInput: boolean;
  /** Given to `useActionState<State, Payload>(…)` with the state type written out. */
  typedState: boolean;
  /** The `Promise.all(…)` (or `allSettled`, `race`, `any`) that awaits this call together with others. */
  parallel: ParallelFact | null;
}

/** Calls whose promises one `Promise.all(…)` awaits together. */
export interface ParallelFact {
  /** Where `Promise.all` is written: the same for every call it awaits, so it also tells the groups apart. */
  span: Span;
  /** `all`, `allSettled`, `race` or `any`. */
  method: string;
  /** Called once per item of a list: `ids.map((id) => deleteTask(id))`, or a loop pushing the promises. */
  repeated: boolean;
}

export interface TryFact {
  span: Span;
  hasCatch: boolean;
  /** The catch lets navigation errors through (`unstable_rethrow`, an `isRedirectError` check, a bare rethrow). */
  rethrowsNavigation: boolean;
  /** The last statement of the `try` block, and whether the catch always leaves the function (ends in a return or a throw). */
  lastStatement: Span | null;
  catchExits: boolean;
}

export interface SuppressionFact {
  /** 0-based line the comment covers, or -1 for the whole file. */
  line: number;
  /** Rule ids, or an empty list for every rule. */
  rules: string[];
  span: Span;
}
