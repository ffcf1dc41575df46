import type { CallChain, CallFact, FileFacts, FunctionFact } from './facts/file-facts';
import type { ProjectIndex } from './project/project-index';
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

/** What a project function does, followed through the helpers it calls. */
interface Summary {
  writes: boolean;
  reads: boolean;
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

  constructor(
    readonly index: ProjectIndex,
    readonly vocabulary: Vocabulary,
  ) {}

  importModule(file: FileFacts, root: string | null): string | null {
    return root ? this.index.importOf(file, root)?.specifier ?? null : null;
  }

  isDataRoot(file: FileFacts, call: CallFact): boolean {
    if (!call.root) return false;
    if (this.vocabulary.dataClients.has(call.root)) return true;
    const module = this.importModule(file, call.root);
    return module !== null && this.vocabulary.dataModules.has(module);
  }

  /** A direct data-layer write: an ORM mutation, mutating SQL. */
  isDirectWrite(file: FileFacts, call: CallFact): boolean {
    if (!this.isDataRoot(file, call)) return false;
    if (call.tagged) return MUTATING_SQL.test(call.firstString ?? '');
    if (call.members.some((m) => this.vocabulary.writeMethods.has(m))) return true;
    const last = call.members[call.members.length - 1];
    return last !== undefined && this.vocabulary.sqlMethods.has(last) && MUTATING_SQL.test(call.firstString ?? '');
  }

  isDirectRead(file: FileFacts, call: CallFact): boolean {
    if (!this.isDataRoot(file, call) || this.isDirectWrite(file, call)) return false;
    if (call.tagged) return true;
    const last = call.members[call.members.length - 1];
    return call.members.some((m) => this.vocabulary.readMethods.has(m)) || (last !== undefined && this.vocabulary.sqlMethods.has(last));
  }

  directDataCalls(file: FileFacts, fn: FunctionFact): Effect[] {
    return fn.calls.filter((c) => this.isDirectWrite(file, c) || this.isDirectRead(file, c)).map((c) => ({ span: c.span, label: labelOf(c) }));
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

  /** Calls that check the session or the user: known names, or project helpers that make one. */
  authCalls(file: FileFacts, fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => this.isAuthCall(c) || this.helperSummary(file, c)?.auth === true);
  }

  isAuthCall(call: CallFact): boolean {
    const last = call.members[call.members.length - 1];
    return (call.root !== null && this.vocabulary.authFunctions.has(call.root)) || (last !== undefined && this.vocabulary.authFunctions.has(last));
  }

  validationCalls(file: FileFacts, fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => {
      const last = c.members[c.members.length - 1] ?? c.root;
      return (last !== null && this.vocabulary.validationFunctions.has(last)) || this.helperSummary(file, c)?.validates === true;
    });
  }

  revalidations(file: FileFacts, fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => c.root !== null && c.members.length === 0 && this.vocabulary.revalidation.has(c.root) && this.fromNext(file, c.root));
  }

  /** `redirect()`, `notFound()`… imported from `next/navigation`. */
  navigationCalls(file: FileFacts, fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => {
      if (!c.root) return false;
      const imported = this.index.importOf(file, c.root);
      return imported?.specifier === 'next/navigation' && this.vocabulary.navigation.has(imported.imported) && c.members.length === 0;
    });
  }

  signatureChecks(fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => {
      const last = c.members[c.members.length - 1] ?? c.root;
      return last !== null && this.vocabulary.signatureVerification.has(last);
    });
  }

  webhookHeaderReads(fn: FunctionFact): { name: string; span: Span }[] {
    return fn.headerReads.filter((h) => this.vocabulary.webhookHeaders.has(h.name) || h.name.startsWith('svix-'));
  }

  cookieWrites(fn: FunctionFact): CallFact[] {
    return fn.calls.filter((c) => {
      const last = c.members[c.members.length - 1];
      return (last === 'set' || last === 'delete') && (c.root === 'cookies' || c.members.includes('cookies'));
    });
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
    if (!call.root || call.tagged) return null;
    let definition = this.index.resolveLocal(file.path, call.root);
    const imported = this.index.importOf(file, call.root);
    // `import * as projects from '…/service'` then `projects.create(…)`.
    if (imported?.imported === '*' && call.members.length === 1) {
      const target = this.index.resolve(file.path, imported.specifier);
      definition = target.kind === 'file' ? this.index.resolveExport(target.path, call.members[0]!) : null;
    } else if (call.members.length > 0) return null;
    const fn = this.index.functionOf(definition);
    return fn && definition ? this.summaryOf(definition.file, fn, depth) : null;
  }

  private summaryOf(path: string, fn: FunctionFact | undefined, depth: number): Summary {
    const none: Summary = { writes: false, reads: false, auth: false, validates: false };
    const facts = this.index.facts(path);
    if (!fn || !facts || depth > MAX_DEPTH) return none;
    const key = `${path}#${fn.id}`;
    const known = this.summaries.get(key);
    if (known) return known;
    this.summaries.set(key, none); // breaks cycles between helpers
    const summary: Summary = { ...none };
    for (const call of fn.calls) {
      const nested = this.helperSummary(facts, call, depth + 1) ?? none;
      summary.writes ||= this.isDirectWrite(facts, call) || nested.writes;
      summary.reads ||= this.isDirectRead(facts, call) || nested.reads;
      summary.auth ||= this.isAuthCall(call) || nested.auth;
      const last = call.members[call.members.length - 1] ?? call.root;
      summary.validates ||= (last !== null && this.vocabulary.validationFunctions.has(last)) || nested.validates;
    }
    summary.writes ||= fn.fetches.some((f) => f.method !== 'GET' && f.method !== 'HEAD');
    summary.auth ||= fn.headerReads.some((h) => this.vocabulary.credentialHeaders.has(h.name)) || this.signatureChecks(fn).length > 0;
    this.summaries.set(key, summary);
    return summary;
  }
}

export function labelOf(call: CallFact): string {
  return [call.root ?? '…', ...call.members].join('.');
}
