import { isSpan } from '../positions';

/**
 * A copy of plain fact data with the offsets of every span mapped by `offsetOf`, and every `tryIndex`
 * moved by `tryShift`; null when an offset has no place after the edit.
 */
export function movedValue<T>(value: T, offsetOf: (offset: number) => number | null, tryShift = 0): T | null {
  let placed = true;
  // What nothing moved inside is kept, not copied: a keystroke leaves less behind.
  const move = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length === 0 || typeof v[0] !== 'object') return v;
      let copy: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const item = move(v[i]);
        if (item !== v[i]) (copy ??= v.slice(0, i)).push(item);
        else copy?.push(item);
      }
      return copy ?? v;
    }
    if (v === null || typeof v !== 'object') return v;
    const record = v as Record<string, unknown>;
    if (isSpan(record)) {
      const start = offsetOf(record.start);
      const end = offsetOf(record.end);
      if (start === null || end === null) placed = false;
      return start === record.start && end === record.end ? record : { start, end };
    }
    let copy: Record<string, unknown> | null = null;
    for (const key in record) {
      const field = record[key];
      const moved = key === 'tryIndex' && typeof field === 'number' && field >= 0 ? field + tryShift : move(field);
      if (moved !== field) copy ??= { ...record };
      if (copy) copy[key] = moved;
    }
    return copy ?? record;
  };
  const moved = move(value) as T;
  return placed ? moved : null;
}
