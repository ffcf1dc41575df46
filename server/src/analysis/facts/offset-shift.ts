import { isSpan } from '../positions';
import type { Span } from '../types';
import type { FileFacts } from './file-facts';
import { movedValue } from './moved-value';
import type { TextChange } from './parse';

/**
 * Where an edit moved a file's offsets, when its facts after the edit are those from before with only
 * offsets moved (a space typed, a comment edited): then whatever follows from the facts moves the same
 * way, and the rules need not run again. Offsets before the change stay and those past it move by its
 * length; an offset at the change's edges or inside it goes where the facts say it went, and one the
 * facts do not say stays unknown. Offsets are those of spans (`{ start, end }`) and of line starts; every
 * other value must be equal, so a line number is the same only while the lines are.
 */
export class OffsetShift {
  /** The offset after the edit of one before it, or null when the facts do not tell. */
  readonly moved: (offset: number) => number | null;

  private constructor(moved: (offset: number) => number | null) {
    this.moved = moved;
  }

  /** The shift from `before` to `after` over `change`, or null when the facts differ otherwise. */
  static between(before: FileFacts, after: FileFacts, change: TextChange): OffsetShift | null {
    const matcher = new Matcher(change);
    if (before.path !== after.path || !matcher.offsets(before.lineStarts, after.lineStarts)) return null;
    for (const key in before) {
      if (key === 'hash' || key === 'lineStarts') continue;
      if (!matcher.same(before[key as keyof FileFacts], after[key as keyof FileFacts])) return null;
    }
    if (!matcher.isMonotonic()) return null;
    const { start, oldEnd, newEnd } = change;
    const edges = matcher.edges;
    return new OffsetShift((offset) => (offset < start ? offset : offset > oldEnd ? offset + newEnd - oldEnd : (edges.get(offset) ?? null)));
  }

  /**
   * An edit that only resized the run of blanks `run` between two tokens (see `blankRunOf`): offsets up
   * to the run stay, those from its end move by `delta`, and none can be inside it.
   */
  static overBlanks(run: Span, delta: number): OffsetShift {
    return new OffsetShift((offset) => (offset <= run.start ? offset : offset >= run.end ? offset + delta : null));
  }

  /** The facts after the edit, moved from those before it (of text `hash`); null when an offset has no place. */
  movedFacts(before: FileFacts, hash: string): FileFacts | null {
    const lineStarts: number[] = [];
    for (const lineStart of before.lineStarts) {
      const moved = this.moved(lineStart);
      if (moved === null) return null;
      lineStarts.push(moved);
    }
    const moved = movedValue(before, this.moved);
    return moved && { ...moved, hash, lineStarts };
  }
}

/** A walk over two fact values side by side (plain data: objects, arrays, primitives). */
class Matcher {
  /** Offsets at the change's edges or inside it, and where they went. */
  readonly edges = new Map<number, number>();

  constructor(private readonly change: TextChange) {}

  same(a: unknown, b: unknown): boolean {
    if (a === b && (typeof a !== 'object' || a === null)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!this.same(a[i], b[i])) return false;
      return true;
    }
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    if (typeof x.start === 'number' && isSpan(x)) return isSpan(y) && this.offset(x.start, y.start) && this.offset(x.end as number, y.end as number);
    let keys = 0;
    for (const key in x) {
      if (!this.same(x[key], y[key])) return false;
      keys++;
    }
    // y has no other keys: counted without allocating an array of them.
    for (const _key in y) keys--;
    return keys === 0;
  }

  offsets(a: readonly number[], b: readonly number[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!this.offset(a[i]!, b[i]!)) return false;
    return true;
  }

  /** Whether old offset `a` may have become `b`: by the change's rule, or consistently at its edges. */
  private offset(a: number, b: number): boolean {
    const { start, oldEnd, newEnd } = this.change;
    if (a < start) return b === a;
    if (a > oldEnd) return b === a + newEnd - oldEnd;
    if (b < start || b > newEnd) return false;
    const known = this.edges.get(a);
    if (known === undefined) this.edges.set(a, b);
    return known === undefined || known === b;
  }

  /** Offsets inside the change keep their order, or positions would compare differently. */
  isMonotonic(): boolean {
    const pairs = [...this.edges].sort((p, q) => p[0] - q[0]);
    return pairs.every((pair, i) => i === 0 || pair[1] > pairs[i - 1]![1]);
  }
}
