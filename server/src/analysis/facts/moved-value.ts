import { isSpan } from '../positions';

/**
 * A copy of plain fact data with the offsets of every span mapped by `offsetOf`, and every `tryIndex`
 * moved by `tryShift`; null when an offset has no place after the edit. Objects without spans inside are
 * kept as they are.
 */
export function movedValue<T>(value: T, offsetOf: (offset: number) => number | null, tryShift = 0): T | null {
  let placed = true;
  const move = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length === 0 || typeof v[0] !== 'object' ? v : v.map(move);
    if (v === null || typeof v !== 'object') return v;
    const record = v as Record<string, unknown>;
    if (isSpan(record)) {
      const start = offsetOf(record.start);
      const end = offsetOf(record.end);
      if (start === null || end === null) placed = false;
      return start === record.start && end === record.end ? record : { start, end };
    }
    const copy: Record<string, unknown> = {};
    for (const key in record) {
      const field = record[key];
      copy[key] = key === 'tryIndex' && typeof field === 'number' && field >= 0 ? field + tryShift : move(field);
    }
    return copy;
  };
  const moved = move(value) as T;
  return placed ? moved : null;
}
