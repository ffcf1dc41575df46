import type { LineColumn, Span } from './types';

/** The 0-based line holding an offset, by binary search over line starts. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function positionOf(lineStarts: readonly number[], offset: number): LineColumn {
  const line = lineOf(lineStarts, offset);
  return { line, character: offset - lineStarts[line]! };
}

/** Whether a plain-data record is a span: exactly `start` and `end`, both numbers. */
export function isSpan(record: Record<string, unknown>): record is Record<string, unknown> & Span {
  return typeof record.start === 'number' && typeof record.end === 'number' && Object.keys(record).length === 2;
}
