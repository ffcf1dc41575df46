import type { Span } from '../types';
import type { FileFacts, FunctionFact, TryFact } from './file-facts';
import type { RegisteredFunction } from './function-registry';
import type { ModuleSyntax } from './module-syntax';
import { movedValue } from './moved-value';
import type { TextChange } from './parse';

/** The facts of a file before an edit, and the range the edit changed. */
export interface EarlierFacts {
  facts: FileFacts;
  change: TextChange;
}

/**
 * A function's facts follow from its own text, but for its place in the file: the spans, and the
 * indexes into the file's `try` statements. So a function outside the edited range keeps its earlier
 * facts, moved by the edit: a keystroke describes the edited function again, not every function.
 * Described anew all the same: every function when the module's directive or imports changed (client
 * modules keep only the calls of imported functions), and a function that fetches (its URL may be a
 * constant outside it). The registered functions nested in one (inline actions, left to themselves)
 * follow from its text too.
 */
export class FunctionReuse {
  private readonly earlier = new Map<string, FunctionFact>();
  /** The spans of the `try` statements before and after the edit, in the order of the text. */
  private readonly earlierTries: Span[];
  private readonly tries: Span[];
  private readonly change: TextChange;

  private constructor(earlier: EarlierFacts, tries: readonly TryFact[]) {
    for (const fact of earlier.facts.functions) this.earlier.set(keyOf(fact.span), fact);
    this.earlierTries = earlier.facts.tries.map((t) => t.span);
    this.tries = tries.map((t) => t.span);
    this.change = earlier.change;
  }

  /** A reuse of the earlier facts, or null when the module's context changed. */
  static of(earlier: EarlierFacts | undefined, syntax: ModuleSyntax, tries: readonly TryFact[]): FunctionReuse | null {
    if (!earlier || earlier.facts.skipped || earlier.facts.directive !== syntax.directive || importedNames(earlier.facts.imports) !== importedNames(syntax.imports)) return null;
    return new FunctionReuse(earlier, tries);
  }

  /** The earlier facts of a function the edit left alone, moved to where it is now; otherwise undefined. */
  reused(entry: RegisteredFunction, span: Span, nameSpan: Span): FunctionFact | undefined {
    const { start, oldEnd, newEnd } = this.change;
    const shift = span.end <= start ? 0 : span.start >= newEnd ? newEnd - oldEnd : null;
    if (shift === null) return undefined;
    const fact = this.earlier.get(keyOf({ start: span.start - shift, end: span.end - shift }));
    if (!fact || fact.fetches.length > 0) return undefined;
    const tryShift = firstFrom(this.tries, span.start) - firstFrom(this.earlierTries, span.start - shift);
    const same = shift === 0 && tryShift === 0 && fact.id === entry.id && fact.name === entry.name && fact.container === entry.container && sameSpan(fact.nameSpan, nameSpan);
    if (same) return fact;
    return { ...movedValue(fact, (offset) => offset + shift, tryShift)!, id: entry.id, name: entry.name, nameSpan, span, inlineUseServer: entry.inlineUseServer, container: entry.container };
  }
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function keyOf(span: Span): string {
  return `${span.start}:${span.end}`;
}

function importedNames(imports: ModuleSyntax['imports']): string {
  return imports.map((i) => i.bindings.map((b) => b.local).join(',')).join(';');
}

/** The index of the first of `spans` (sorted by start) that starts at or after `offset`. */
function firstFrom(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
