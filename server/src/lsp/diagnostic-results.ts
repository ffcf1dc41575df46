import type { Diagnostic } from 'vscode-languageserver';
import { runSafe, type ErrorSink } from './run-safe';

/** A file's diagnostics and the id of exactly this content: an unchanged id means nothing to resend. */
export interface DiagnosticResult {
  resultId: string;
  items: Diagnostic[];
}

/** Ids of this server process: a restarted server never answers an id of the previous one. */
const ID_PREFIX = `${process.pid.toString(36)}.${Date.now().toString(36)}.`;
let lastId = 0;

function newId(): string {
  return `${ID_PREFIX}${++lastId}`;
}

export const NO_DIAGNOSTICS: DiagnosticResult = { resultId: `${ID_PREFIX}0`, items: [] };

/**
 * The result for `items`: the previous one while nothing differs, else one with a new id. Comparing
 * costs a tenth of serializing and hashing them, and stops at the first difference.
 */
function resultOf(items: Diagnostic[], previous: DiagnosticResult): DiagnosticResult {
  return sameJson(items, previous.items) ? previous : { resultId: newId(), items };
}

/** Equality of JSON values (plain objects, arrays, primitives), several times faster than `util.isDeepStrictEqual`. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!sameJson(x[key], y[key])) return false;
    keys++;
  }
  return keys === Object.keys(y).length;
}

/**
 * Each file's latest diagnostics, recomputed only once a change may have reached the file: keeping a
 * whole workspace current costs the files an edit reaches, not every file.
 */
export class DiagnosticResults {
  private readonly known = new Map<string, DiagnosticResult>();
  private readonly stale = new Set<string>();
  /** Files whose result id changed on recomputing, until `takeChanged`. */
  private readonly changed = new Set<string>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly diagnose: (path: string, isCancelled?: () => boolean) => Diagnostic[],
    private readonly log: ErrorSink,
  ) {}

  /** Called after files became stale. */
  onStale(listener: () => void): void {
    this.listeners.push(listener);
  }

  markStale(paths: Iterable<string>): void {
    for (const path of paths) if (this.known.has(path)) this.stale.add(path);
    this.notify();
  }

  /** Settings, configuration or the index changed: any result may be out of date. */
  markAllStale(): void {
    for (const path of this.known.keys()) this.stale.add(path);
    this.notify();
  }

  /** Whether `current` has to compute. */
  needsComputing(path: string): boolean {
    return this.stale.has(path) || !this.known.has(path);
  }

  /** The kept result, computed first when a change may have reached the file. */
  current(path: string): DiagnosticResult {
    const kept = this.known.get(path);
    if (kept && !this.stale.has(path)) return kept;
    return this.store(path, runSafe(this.log, 'diagnostics', [], () => this.diagnose(path)));
  }

  /** Computed now, as an open document's pull is; a cancelled computation may be partial and is not kept. */
  fresh(path: string, isCancelled?: () => boolean): DiagnosticResult {
    const items = this.diagnose(path, isCancelled);
    return isCancelled?.() ? { resultId: newId(), items } : this.store(path, items);
  }

  takeChanged(): string[] {
    const paths = [...this.changed];
    this.changed.clear();
    return paths;
  }

  private store(path: string, items: Diagnostic[]): DiagnosticResult {
    const previous = this.known.get(path) ?? NO_DIAGNOSTICS;
    const result = resultOf(items, previous);
    if (result !== previous) this.changed.add(path);
    this.known.set(path, result);
    this.stale.delete(path);
    return result;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
