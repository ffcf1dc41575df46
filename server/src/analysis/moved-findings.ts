import type { OffsetShift } from './facts/offset-shift';
import type { Finding, Span } from './types';

/**
 * A file's findings moved by an edit that only moved the offsets of its facts, or null when a span in
 * the file lands where the facts do not tell (the rules then run again).
 */
export function movedFindings(findings: readonly Finding[], path: string, shift: OffsetShift): Finding[] | null {
  const moved: Finding[] = [];
  for (const finding of findings) {
    const span = movedSpan(finding.span, shift);
    if (!span) return null;
    const related = [];
    for (const r of finding.related) {
      const at = r.file === path ? movedSpan(r.span, shift) : r.span;
      if (!at) return null;
      related.push(at === r.span ? r : { ...r, span: at });
    }
    moved.push({ ...finding, span, related });
  }
  return moved;
}

function movedSpan(span: Span, shift: OffsetShift): Span | null {
  const start = shift.moved(span.start);
  const end = shift.moved(span.end);
  if (start === null || end === null) return null;
  return start === span.start && end === span.end ? span : { start, end };
}
