/** Lines of context around each change, as `diff -u` and git show them. */
const CONTEXT = 3;

/**
 * A unified diff of one file (`a/` and `b/` paths, as git prints them; `null` for a file created or
 * deleted); empty when the texts are equal.
 */
export function unifiedDiff(path: string, before: string | null, after: string | null): string {
  if (before === after) return '';
  const a = before === null ? [] : splitLines(before);
  const b = after === null ? [] : splitLines(after);
  const ops = diffLines(a, b);
  const header = `--- ${before === null ? '/dev/null' : `a/${path}`}\n+++ ${after === null ? '/dev/null' : `b/${path}`}\n`;
  return header + hunks(ops).join('');
}

type Op = { kind: ' ' | '-' | '+'; line: string; aLine: number; bLine: number };

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The longest common subsequence of lines, walked into keep, remove and add operations. */
function diffLines(a: string[], b: string[]): Op[] {
  const m = a.length;
  const n = b.length;
  const lcs: Uint32Array[] = Array.from({ length: m + 1 }, () => new Uint32Array(n + 1));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) ops.push({ kind: ' ', line: a[i]!, aLine: i++, bLine: j++ });
    // Removals before additions, as diff prints a changed line.
    else if (i < m && (j === n || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', line: a[i]!, aLine: i++, bLine: j });
    else ops.push({ kind: '+', line: b[j]!, aLine: i, bLine: j++ });
  }
  return ops;
}

function hunks(ops: Op[]): string[] {
  const changed = ops.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  const out: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - CONTEXT);
    let end = Math.min(ops.length, changed[k]! + CONTEXT + 1);
    while (k + 1 < changed.length && changed[k + 1]! - CONTEXT <= end) end = Math.min(ops.length, changed[++k]! + CONTEXT + 1);
    k++;
    const slice = ops.slice(start, end);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    const aStart = aCount === 0 ? slice[0]!.aLine : slice[0]!.aLine + 1;
    const bStart = bCount === 0 ? slice[0]!.bLine : slice[0]!.bLine + 1;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@\n${slice.map((o) => `${o.kind}${o.line}\n`).join('')}`);
  }
  return out;
}
