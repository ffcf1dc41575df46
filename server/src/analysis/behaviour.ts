import { receives } from './data-flow';
import type { CallChain, CallFact, FileFacts, FunctionFact } from './facts/file-facts';
import type { Definition, ProjectIndex } from './project/project-index';
import type { Span } from './types';
import type { Vocabulary } from './vocabulary';

/** SQL that changes data, by its first word. */
const MUTATING_SQL = /^\s*(insert|update|delete|upsert|merge|replace|create|drop|alter|truncate)\b/i;
/** Wrapper names that plainly mean an authenticated caller. */
const OBVIOUS_AUTH_WRAPPER = /auth|session|user|protect|guard|apikey|token/i;
const OBVIOUS_VALIDATING_WRAPPER = /valid|schema/i;
const MAX_DEPTH = 4;

export interface Effect {
  span: Span;
  /** How the source names it: `prisma.project.create`, `fetch POST`, `createProject (writes)`. */
  label: string;
}

/** Names of helpers that read the session or the user: `getCurrentSession`, `verifyDataroomSession`, `requireUser`. */
const SESSION_HELPER = /^(get|validate|verify|require|check|ensure|assert|read|load)\w*(session|auth|currentuser|signedinuser|loggedinuser|viewer)\w*$/i;
/** Calls that wrap a callback in an authenticated context: `withSession(req, async (session) => …)`. */
const AUTH_WRAPPER_CALL = /^(with|authenticated|authed|protected|require|ensure)\w*/i;
const AUTH_WRAPPER_SUBJECT = /auth|session|user|team|protect|guard|key|token|admin|org/i;
/** Hand-written validators: `validateEmail`, `verifyPasswordStrength`, `isValidSlug`. */
const VALIDATOR_NAME = /^(validate|verify|assert|check|sanitize|isValid)[A-Z]\w*$/;
/** Cookies that hold a session or a credential. */
const SESSION_COOKIE = /session|auth|token/i;
/** Method names that change something, whatever they are called on. */
const COMMAND_VERB = /^(set|put|send|create|add|delete|del|remove|insert|update|upsert|publish|enqueue|trigger|post|write|upload|generate|stream|push|emit|invoke|execute|run|sign|charge|subscribe|unsubscribe|track|capture|save|destroy|patch|mutate|revalidate|refresh|reset|clear|incr|decr|increment|decrement|expire|hset|hdel|sadd|zadd|lpush|rpush|append|cancel|refund|confirm|complete|start|stop|schedule)/i;

/** Methods of a data client that set up rather than query. */
/** Methods that run a callback inside a transaction, with its client as the parameter. */
const TRANSACTION = /^\$?transaction$/;
const DATA_SETUP = /^(\$?connect|\$?disconnect|model|models|Schema|getClient|connection|transaction|\$transaction|batch)$/;
/** Method names of a read (`retrieve`, `getUserList`) and words that mark a credential handed out instead. */
const READ_VERB = /^(get|list|retrieve|find|search|fetch|read|query|count|lookup|load)([A-Z]\w*)?$/;
const CREDENTIAL_WORD = /sign|upload|token|url|session|secret|key/i;
/** Client factories and pure helpers, by the names they go by. */
const CLIENT_FACTORY = /^(create\w*Client|\w*Client|getClient)$/;
const PURE_HELPER = /^(format|parse|to|is|has|cn|clsx|slugify|normalize|sort|pick|omit|sum|group|calculate|compute|merge|absoluteUrl)([A-Z]\w*)?$/;

/** Bindings that may hold a client or a model (not functions, classes or types). */
const DATA_VALUE_KINDS = new Set(['call', 'other', 'destructured', 'alias']);

/** How one call bears on what a function does. */
type CallKind = 'write' | 'read' | 'neutral' | 'unknown';

export interface DataOperation extends Effect {
  write: boolean;
  /** The table or model it touches, when the call names it. */
  model: string | null;
  /** The pages/api method branch holding it. */
  httpMethod: string | null;
}

/** What a project function does, followed through the helpers it calls. */
interface Summary {
  /** Changes something: a data write, a non-GET fetch. */
  writes: boolean;
  /** Changes this app's stored data (ORM, SQL, storage). */
  dataWrites: boolean;
  reads: boolean;
  /** Calls something that is neither known to read nor harmless: a command or an unclassified call. */
  unknown: boolean;
  /** Checks a session or user, an API key or bearer token, or a signature. */
  auth: boolean;
  validates: boolean;
}

/**
 * Settings-aware reading of a function's facts: which calls write, read, authenticate, validate,
 * revalidate or navigate. Calls into the project's own helpers count for what those helpers do.
 * One instance serves one analysis run, so its memo never outlives an edit.
 */
export class Behaviour {
  private readonly summaries = new Map<string, Summary>();
  private readonly dataRoots = new Map<FileFacts, Map<string, boolean>>();
  private readonly helperSummaries = new Map<CallFact, Summary | null>();

  constructor(
    readonly index: ProjectIndex,
    readonly vocabulary: Vocabulary,
  ) {}

  importModule(file: FileFacts, root: string | null): string | null {
    return root ? this.index.importOf(file, root)?.specifier ?? null : null;
  }

  /**
   * A data-layer client or model: a known name, an import from a data module, or a value exported by a
   * module that creates one (`export const db = new PrismaClient()`, a Mongoose model), under any name.
   */
  isDataRoot(file: FileFacts, call: CallFact): boolean {
    // The client of an interactive transaction: `tx` in `prisma.$transaction(async (tx) => …)`.
    if (call.rootFrom) return call.rootFrom.members.length > 0 && TRANSACTION.test(call.rootFrom.members.at(-1)!) && this.isDataName(file, call.rootFrom.root);
    return this.isDataName(file, call.root);
  }

  private isDataName(file: FileFacts, root: string | null): boolean {
    if (!root) return false;
    if (this.vocabulary.dataClients.has(root)) return true;
    let ofFile = this.dataRoots.get(file);
    if (!ofFile) this.dataRoots.set(file, (ofFile = new Map()));
    let known = ofFile.get(root);
    if (known === undefined) ofFile.set(root, (known = this.isDataValue(file, root)));
    return known;
  }

  private isDataValue(file: FileFacts, root: string): boolean {
    const module = this.importModule(file, root);
    if (module !== null && this.vocabulary.dataModules.has(module)) return true;
    const definition = this.index.resolveLocal(file.path, root);
    if (!definition || !DATA_VALUE_KINDS.has(definition.value.kind)) return false;
    const home = this.index.facts(definition.file);
    return home !== undefined && home.imports.some((i) => !i.typeOnly && this.vocabulary.dataModules.has(i.specifier));
  }

  /** A direct data-layer write: an ORM mutation, mutating SQL, a storage put. */
  isDirectWrite(file: FileFacts, call: CallFact): boolean {
    if (!this.isDataRoot(file, call)) return false;
    if (call.tagged) return MUTATING_SQL.test(call.firstString ?? '');
    if ((call.members.length === 0 ? [call.root!] : call.members).some((m) => this.vocabulary.writeMethods.has(m))) return true;
    const last = call.members[call.members.length - 1];
    return last !== undefined && this.vocabulary.sqlMethods.has(last) && MUTATING_SQL.test(call.firstString ?? '');
  }

  isDirectRead(file: FileFacts, call: CallFact): boolean {
    if (!this.isDataRoot(file, call) || this.isDirectWrite(file, call)) return false;
    if (call.tagged) return true;
    const last = call.members[call.members.length - 1];
    return (call.members.length === 0 ? [call.root!] : call.members).some((m) => this.vocabulary.readMethods.has(m)) || (last !== undefined && this.vocabulary.sqlMethods.has(last));
  }

  /**
   * Data-layer operations, one per query: a chain such as `db.select().from(t).where(…)` yields a call
   * fact per link, all starting where the query starts. `model` is the table or model it touches.
   */
  dataOperations(file: FileFacts, fn: FunctionFact): DataOperation[] {
    const byStart = new Map<number, DataOperation>();
    for (const call of fn.calls) {
      const write = this.isDirectWrite(file, call);
      if (!write && !this.isDirectRead(file, call)) continue;
      const model = modelOf(call);
      const known = byStart.get(call.span.start);
      if (!known) byStart.set(call.span.start, { span: call.span, label: labelOf(call), write, model, httpMethod: call.httpMethod });
      else {
        known.write ||= write;
        known.model ??= model;
        if (call.span.end > known.span.end) Object.assign(known, { span: call.span, label: labelOf(call) });
      }
    }
    return [...byStart.values()].sort((a, b) => a.span.start - b.span.start);
  }

  /**
   * The data operations of a function and of the helpers of its own file that it calls, in the branch
   * of the call: a process split into functions of the route file is still written in the route.
   */
  dataOperationsWithLocalHelpers(file: FileFacts, fn: FunctionFact, seen: Set<FunctionFact> = new Set([fn])): DataOperation[] {
    const operations = this.dataOperations(file, fn);
    for (const call of fn.calls) {
      if (call.root === null || call.members.length > 0) continue;
      const definition = this.index.resolveLocal(file.path, call.root);
      const helper = definition?.file === file.path ? this.index.functionOf(definition) : undefined;
      if (!helper || seen.has(helper)) continue;
      seen.add(helper);
      for (const operation of this.dataOperationsWithLocalHelpers(file, helper, seen)) operations.push({ ...operation, httpMethod: call.httpMethod ?? operation.httpMethod });
    }
    return operations;
  }

  /**
   * Changes this app's stored data: direct writes and project helpers that make them (no fetches, no
   * sends); with `fedBy`, only the writes given one of those names or a value computed from them.
   */
  dataWrites(file: FileFacts, fn: FunctionFact, fedBy?: ReadonlySet<string>): Effect[] {
    return fn.calls
      .filter((call) => (!fedBy || receives(call, fedBy)) && (this.isDirectWrite(file, call) || this.helperSummary(file, call)?.dataWrites === true))
      .map((call) => ({ span: call.span, label: labelOf(call) }));
  }

  /** Everything the function does is known to read or to be harmless, and it reads something. */
  onlyReads(file: FileFacts, fn: FunctionFact): boolean {
    let reads = false;
    for (const call of fn.calls) {
      const kind = this.callKind(file, call);
      if (kind === 'write' || kind === 'unknown') return false;
      reads ||= kind === 'read';
    }
    if (fn.fetches.some((f) => f.method !== 'GET' && f.method !== 'HEAD')) return false;
    return reads || fn.fetches.length > 0;
  }

  /** Reading a call for `onlyReads`: unknown is not a read. */
  private callKind(file: FileFacts, call: CallFact): CallKind {
    if (this.isDirectWrite(file, call)) return 'write';
    if (this.isDirectRead(file, call)) return 'read';
    if (this.isDataRoot(file, call)) {
      // Query builders (`eq`, `and`) and connection set-up (`mongoose.connect`) neither read nor write.
      const last = call.members[call.members.length - 1];
      return last === undefined || DATA_SETUP.test(last) ? 'neutral' : 'unknown';
    }
    if (this.isAuthCall(call) || this.isValidationCall(call)) return 'neutral';
    if (call.root === 'fetch' && call.members.length === 0) return 'read';
    if (this.cookieWrite(call) || this.revalidation(file, call)) return 'write';
    const summary = this.helperSummary(file, call);
    if (summary) return summary.writes ? 'write' : summary.unknown ? 'unknown' : summary.reads ? 'read' : 'neutral';
    if (call.root !== null && this.harmlessRoot(file, call.root)) return 'neutral';
    const last = call.members[call.members.length - 1];
    // An SDK's `retrieve`, `list`, `getUserList`: named as a read, and nothing that hands out a credential.
    if (last !== undefined && READ_VERB.test(last) && !CREDENTIAL_WORD.test(last)) return 'read';
    // Client factories (`createClient()`, `clerkClient()`) and formatting helpers change nothing.
    if (last === undefined && call.root !== null && (CLIENT_FACTORY.test(call.root) || PURE_HELPER.test(call.root))) return 'neutral';
    // A method of a local value (`formData.get`, `rows.map`) or of an expression (`new Intl.NumberFormat().format`)
    // is harmless unless it is named as a command.
    if (last !== undefined && (call.root === null || this.isLocal(file, call.root))) return COMMAND_VERB.test(last) ? 'unknown' : 'neutral';
    return 'unknown';
  }

  /** Neither imported nor declared at the top of the file: a parameter or a local variable. */
  private isLocal(file: FileFacts, root: string): boolean {
    return root !== 'this' && !(root in file.declarations) && this.index.importOf(file, root) === null;
  }

  /** A global such as `JSON`, anything from `next/*`, or a library of pure helpers (dates, ids, class names, schemas). */
  private harmlessRoot(file: FileFacts, root: string): boolean {
    const module = this.importModule(file, root);
    if (module === null) return this.vocabulary.neutralGlobals.has(root);
    if (module.startsWith('next/') || module === 'react') return true;
    return this.vocabulary.pureModules.has(module.split('/').slice(0, module.startsWith('@') ? 2 : 1).join('/'));
  }

  /** Writes in source order: direct ones, non-GET fetches, and calls to project helpers that write. */
  writes(file: FileFacts, fn: FunctionFact): Effect[] {
    const effects: Effect[] = [];
    for (const call of fn.calls) {
      if (this.isDirectWrite(file, call)) effects.push({ span: call.span, label: labelOf(call) });
      else if (this.helperSummary(file, call)?.writes) effects.push({ span: call.span, label: labelOf(call) });
    }
    for (const fetch of fn.fetches) if (fetch.method !== 'GET' && fetch.method !== 'HEAD') effects.push({ span: fetch.span, label: `fetch ${fetch.method}` });
    return effects.sort((a, b) => a.span.start - b.span.start);
  }

  reads(file: FileFacts, fn: FunctionFact): Effect[] {
    const effects: Effect[] = [];
    for (const call of fn.calls) {
      if (this.isDirectRead(file, call)) effects.push({ span: call.span, label: labelOf(call) });
      else if (this.helperSummary(file, call)?.reads) effects.push({ span: call.span, label: labelOf(call) });
    }
    return effects;
  }

  /**
   * Calls that check the session or the user: known names, session helpers named so, wrappers that run a
   * callback once authenticated, or project helpers that make such a check.
   */
  authCalls(file: FileFacts, fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => this.isAuthCall(c) || this.isAuthWrapperCall(c) || this.helperSummary(file, c)?.auth === true);
  }

  isAuthCall(call: CallFact): boolean {
    const last = call.members[call.members.length - 1] ?? call.root;
    if (last === null) return false;
    if (this.vocabulary.authFunctions.has(last) || (call.root !== null && this.vocabulary.authFunctions.has(call.root))) return true;
    if (SESSION_HELPER.test(last)) return true;
    return (call.root === 'cookies' || call.members.includes('cookies')) && last === 'get' && SESSION_COOKIE.test(call.firstString ?? '');
  }

  private isAuthWrapperCall(call: CallFact): boolean {
    const name = call.members[call.members.length - 1] ?? call.root;
    if (!call.callback || name === null) return false;
    return this.vocabulary.authWrappers.has(name) || (AUTH_WRAPPER_CALL.test(name) && AUTH_WRAPPER_SUBJECT.test(name));
  }

  private isValidationCall(call: CallFact): boolean {
    const last = call.members[call.members.length - 1] ?? call.root;
    // `JSON.parse`, `Date.parse`, `Number.parseInt` parse text; they validate nothing.
    if (last === null || (call.root !== null && call.root !== 'z' && call.members.length > 0 && this.vocabulary.neutralGlobals.has(call.root))) return false;
    return this.vocabulary.validationFunctions.has(last) || VALIDATOR_NAME.test(last);
  }

  /** Schema parses, hand-written validators and runtime type checks. */
  validates(file: FileFacts, fn: FunctionFact): boolean {
    return fn.typeChecks || fn.calls.some((c) => this.isValidationCall(c) || this.helperSummary(file, c)?.validates === true);
  }

  revalidations(file: FileFacts, fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => this.revalidation(file, c));
  }

  private revalidation(file: FileFacts, c: CallFact): boolean {
    return c.root !== null && c.members.length === 0 && this.vocabulary.revalidation.has(c.root) && this.fromNext(file, c.root);
  }

  /** `redirect()`, `notFound()`… imported from `next/navigation`. */
  navigationCalls(file: FileFacts, fn: FunctionFact): CallFact[] {
    return this.importedCalls(file, fn, 'next/navigation', this.vocabulary.navigation).map((c) => c.call);
  }

  /** Plain calls of functions imported from `specifier` under one of `names`, with the name imported. */
  importedCalls(file: FileFacts, fn: FunctionFact, specifier: string, names: ReadonlySet<string>): { call: CallFact; imported: string }[] {
    return fn.calls.flatMap((call) => {
      const imported = call.root && call.members.length === 0 ? this.index.importOf(file, call.root) : null;
      return imported?.specifier === specifier && names.has(imported.imported) ? [{ call, imported: imported.imported }] : [];
    });
  }

  /** Those calls anywhere in the file's functions, each once (a nested function's calls are its container's too). */
  importedCallsInFile(file: FileFacts, specifier: string, names: ReadonlySet<string>): { call: CallFact; imported: string }[] {
    const seen = new Set<number>();
    return file.functions.flatMap((fn) => this.importedCalls(file, fn, specifier, names)).filter(({ call }) => !seen.has(call.span.start) && seen.add(call.span.start));
  }

  /**
   * The calls of `names` from `specifier` that running `fn` makes, itself or through the project
   * helpers it calls: each with the call in `fn` that leads to it (the call itself when it is direct).
   */
  reachedCalls(file: FileFacts, fn: FunctionFact, specifier: string, names: ReadonlySet<string>): { via: CallFact; file: string; call: CallFact; imported: string }[] {
    const found = this.importedCalls(file, fn, specifier, names).map((c) => ({ via: c.call, file: file.path, ...c }));
    const walk = (helperFile: FileFacts, helper: FunctionFact, via: CallFact, depth: number, seen: Set<FunctionFact>): void => {
      for (const c of this.importedCalls(helperFile, helper, specifier, names)) found.push({ via, file: helperFile.path, ...c });
      if (depth >= MAX_DEPTH) return;
      for (const call of helper.calls) {
        const next = this.helperOf(helperFile, call);
        const nextFacts = next && !seen.has(next.fn) ? this.index.facts(next.file) : undefined;
        if (!next || !nextFacts) continue;
        seen.add(next.fn);
        walk(nextFacts, next.fn, via, depth + 1, seen);
      }
    };
    for (const call of fn.calls) {
      const helper = this.helperOf(file, call);
      const helperFacts = helper ? this.index.facts(helper.file) : undefined;
      if (helper && helperFacts && helper.fn !== fn) walk(helperFacts, helper.fn, call, 1, new Set([fn, helper.fn]));
    }
    return found;
  }

  /** Calls that verify a signature or a secret: a provider's SDK, `timingSafeEqual`, a hand-made HMAC. */
  signatureChecks(fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => {
      const last = c.members[c.members.length - 1] ?? c.root;
      return last !== null && this.vocabulary.signatureVerification.has(last);
    });
  }

  /** A machine caller is authenticated: a signature or secret check, a credential or signature header read. */
  verifiesCaller(fn: FunctionFact): boolean {
    return this.signatureChecks(fn).length > 0 || fn.headerReads.some((h) => this.vocabulary.credentialHeaders.has(h.name) || /signature|hmac/.test(h.name));
  }

  private webhookHeaderReads(fn: FunctionFact): { name: string; span: Span }[] {
    return fn.headerReads.filter((h) => this.vocabulary.webhookHeaders.has(h.name) || h.name.startsWith('svix-'));
  }

  /** What shows a function receives a webhook: a signature header (named), or a call only webhook receivers make (`header` null). */
  webhookSignal(fn: FunctionFact): { span: Span; header: string | null } | null {
    const header = this.webhookHeaderReads(fn)[0];
    if (header) return { span: header.span, header: header.name };
    const call = fn.calls.find((c) => this.vocabulary.webhookVerification.has(c.members[c.members.length - 1] ?? c.root ?? ''));
    return call ? { span: call.span, header: null } : null;
  }

  cookieWrites(fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => this.cookieWrite(c));
  }

  private cookieWrite(c: CallFact): boolean {
    const last = c.members[c.members.length - 1];
    return (last === 'set' || last === 'delete') && (c.root === 'cookies' || c.members.includes('cookies'));
  }

  /**
   * Whether the function a proxy (or middleware) module exports as `name` checks a session on every
   * path it goes on with: a call it always makes (`ProxyFacts.unconditionalCalls`) that checks one, in
   * its body or in a callback it is built with (`clerkMiddleware(async (auth) => { await auth.protect() })`);
   * an authenticating wrapper (`withAuth(…)`); or the auth library's own function (`export { auth as proxy }`).
   */
  proxyAuthenticates(file: string, name: string): boolean {
    const definition = this.index.resolveExport(file, name);
    if (!definition) {
      const reExported = this.index.facts(file)?.reExports.flatMap((r) => r.names ?? []).find((n) => n.exported === name);
      return reExported !== undefined && this.vocabulary.authFunctions.has(reExported.imported);
    }
    const { value } = definition;
    // `export const { auth } = NextAuth(config)`, exported again as the proxy: the library's own check.
    if (value.kind === 'destructured') return this.vocabulary.authFunctions.has(definition.name);
    const facts = this.index.facts(definition.file);
    if (!facts) return false;
    const always = new Set((facts.proxy?.unconditionalCalls ?? []).map((span) => span.start));
    const checks = (fn: FunctionFact | undefined): boolean =>
      fn !== undefined && fn.calls.some((c) => always.has(c.span.start) && (this.isAuthCall(c) || this.isAuthWrapperCall(c) || this.helperSummary(facts, c)?.auth === true));
    if (value.kind === 'function') return checks(this.index.functionOf(definition) ?? undefined);
    if (value.kind !== 'call') return false;
    const root = value.chain.root;
    return value.chain.fns.some((id) => checks(facts.functions[id])) || this.vocabulary.authWrappers.has(root ?? '') || (root !== null && value.chain.fns.length === 0 && this.vocabulary.authFunctions.has(root));
  }

  /** Whether a wrapper (`withAuth(fn)`, `authActionClient.action(fn)`) authenticates its caller. */
  wrapperAuthenticates(file: string, chain: CallChain | null): boolean {
    return chain !== null && this.chainAuthenticates(file, chain, chain.fns.slice(0, -1), 0);
  }

  /** `middleware`: functions given along the chain (`.use(async ({ next }) => …)`), not the handler. */
  private chainAuthenticates(file: string, chain: CallChain, middleware: number[], depth: number): boolean {
    const facts = this.index.facts(file);
    if (!facts || depth > MAX_DEPTH) return false;
    if (middleware.some((id) => this.summaryOf(file, facts.functions[id], depth + 1).auth)) return true;
    if (!chain.root) return false;
    if (this.vocabulary.authWrappers.has(chain.root) || OBVIOUS_AUTH_WRAPPER.test(chain.root)) return true;
    const definition = this.index.resolveLocal(file, chain.root);
    if (definition?.value.kind === 'call') return this.chainAuthenticates(definition.file, definition.value.chain, definition.value.chain.fns, depth + 1);
    const wrapper = this.index.functionOf(definition);
    return wrapper !== null && definition !== null && this.summaryOf(definition.file, wrapper, depth + 1).auth;
  }

  wrapperValidates(file: string, chain: CallChain | null, depth = 0): boolean {
    if (!chain || depth > MAX_DEPTH) return false;
    if (chain.members.some((m) => this.vocabulary.validationMembers.has(m))) return true;
    if (!chain.root) return false;
    if (OBVIOUS_VALIDATING_WRAPPER.test(chain.root)) return true;
    const definition = this.index.resolveLocal(file, chain.root);
    if (definition?.value.kind === 'call') return this.wrapperValidates(definition.file, definition.value.chain, depth + 1);
    const wrapper = this.index.functionOf(definition);
    return wrapper !== null && this.summaryOf(definition!.file, wrapper, depth + 1).validates;
  }

  private fromNext(file: FileFacts, root: string): boolean {
    const module = this.importModule(file, root);
    return module === null || module.startsWith('next/');
  }

  /** What a called project function does, when the call reaches one. */
  private helperSummary(file: FileFacts, call: CallFact, depth = 1): Summary | null {
    if (depth > 1) return this.computeHelperSummary(file, call, depth);
    // Several rules ask about the same calls in one run.
    let known = this.helperSummaries.get(call);
    if (known === undefined) this.helperSummaries.set(call, (known = this.computeHelperSummary(file, call, depth)));
    return known;
  }

  private computeHelperSummary(file: FileFacts, call: CallFact, depth: number): Summary | null {
    const helper = this.helperOf(file, call);
    return helper ? this.summaryOf(helper.file, helper.fn, depth) : null;
  }

  /** The project function a call reaches, with the file declaring it. */
  private helperOf(file: FileFacts, call: CallFact): { file: string; fn: FunctionFact } | null {
    if (!call.root || call.tagged) return null;
    let definition: Definition | null;
    if (call.members.length === 0) definition = this.index.resolveLocal(file.path, call.root);
    else {
      // `import * as projects from '…/service'` then `projects.create(…)`; other member calls are no helpers.
      const imported = call.members.length === 1 ? this.index.importOf(file, call.root) : null;
      if (imported?.imported !== '*') return null;
      const target = this.index.resolve(file.path, imported.specifier);
      definition = target.kind === 'file' ? this.index.resolveExport(target.path, call.members[0]!) : null;
    }
    const fn = this.index.functionOf(definition);
    return fn && definition ? { file: definition.file, fn } : null;
  }

  /**
   * The tables or models a function writes (or reads), named as the calls name them, followed through
   * the project helpers it calls: `renameProject(…)` that runs `db.project.update` writes `project`.
   */
  models(file: FileFacts, fn: FunctionFact, write: boolean, depth = 0, seen: Set<FunctionFact> = new Set([fn])): Set<string> {
    const found = new Set(this.dataOperations(file, fn).flatMap((op) => (op.write === write && op.model ? [op.model] : [])));
    if (depth >= MAX_DEPTH) return found;
    for (const call of fn.calls) {
      const helper = this.helperOf(file, call);
      const helperFacts = helper && !seen.has(helper.fn) ? this.index.facts(helper.file) : undefined;
      if (!helper || !helperFacts) continue;
      seen.add(helper.fn);
      for (const model of this.models(helperFacts, helper.fn, write, depth + 1, seen)) found.add(model);
    }
    return found;
  }

  private summaryOf(path: string, fn: FunctionFact | undefined, depth: number): Summary {
    const none: Summary = { writes: false, dataWrites: false, reads: false, unknown: false, auth: false, validates: false };
    const facts = this.index.facts(path);
    if (!fn || !facts || depth > MAX_DEPTH) return none;
    const key = `${path}#${fn.id}`;
    const known = this.summaries.get(key);
    if (known) return known;
    this.summaries.set(key, none); // breaks cycles between helpers
    const summary: Summary = { ...none };
    for (const call of fn.calls) {
      const helper = this.helperSummary(facts, call, depth + 1);
      const nested = helper ?? none;
      const directWrite = this.isDirectWrite(facts, call);
      summary.writes ||= directWrite || nested.writes || this.cookieWrite(call);
      summary.dataWrites ||= directWrite || nested.dataWrites;
      summary.reads ||= this.isDirectRead(facts, call) || nested.reads;
      summary.auth ||= this.isAuthCall(call) || this.isAuthWrapperCall(call) || nested.auth;
      summary.validates ||= this.isValidationCall(call) || nested.validates;
      summary.unknown ||= helper ? helper.unknown : this.callKind(facts, call) === 'unknown';
    }
    summary.writes ||= fn.fetches.some((f) => f.method !== 'GET' && f.method !== 'HEAD');
    summary.reads ||= fn.fetches.some((f) => f.method === 'GET');
    summary.validates ||= fn.typeChecks;
    summary.auth ||= this.verifiesCaller(fn);
    this.summaries.set(key, summary);
    return summary;
  }
}

/** The table or model a data call names: `prisma.user.create` → user, `db.insert(users)` → users, `.from('orders')`. */
function modelOf(call: CallFact): string | null {
  if (call.tagged) return (call.firstString ?? '').match(/\b(?:from|into|update|join)\s+["'`]?(\w+)/i)?.[1]?.toLowerCase() ?? null;
  if (call.members.length >= 2 && !['insert', 'update', 'delete', 'select', 'from', 'insertInto', 'updateTable', 'deleteFrom', 'selectFrom', 'query'].includes(call.members[0]!)) return call.members[0]!;
  return call.argNames[0] ?? call.firstString;
}

/** Facts never change once built: the labels of a function's callees are kept with it. */
const calleeLabelCache = new WeakMap<FunctionFact, ReadonlySet<string>>();

/** How a function's callees are named (`prisma.project.update`…), to compare two functions cheaply. */
export function calleeLabels(fn: FunctionFact): ReadonlySet<string> {
  let labels = calleeLabelCache.get(fn);
  if (!labels) calleeLabelCache.set(fn, (labels = new Set(fn.calls.map(labelOf))));
  return labels;
}

export function labelOf(call: CallFact): string {
  return [call.root ?? '…', ...call.members].join('.');
}
