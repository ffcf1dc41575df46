import ts from 'typescript';
import { SyntaxKind, forEachChild } from './typescript';
import type { SuppressionFact } from './file-facts';

export const SUPPRESSION_PREFIX = 'next-action-advisor-disable';

/**
 * `// next-action-advisor-disable-next-line <rule-id>[, …]`, `-disable-line`, and
 * `/* next-action-advisor-disable <rule-id> *\/` for the whole file. No ids means every rule.
 */
export function collectSuppressions(sourceFile: ts.SourceFile): SuppressionFact[] {
  const text = sourceFile.text;
  const seen = new Set<number>();
  const found: SuppressionFact[] = [];
  const readCommentsAt = (position: number): void => {
    for (const range of ts.getLeadingCommentRanges(text, position) ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      const fact = parseComment(sourceFile, range);
      if (fact) found.push(fact);
    }
  };
  const visit = (node: ts.Node): void => {
    readCommentsAt(node.pos);
    forEachChild(node, visit);
  };
  visit(sourceFile);
  readCommentsAt(sourceFile.endOfFileToken.pos);
  return found;
}

function parseComment(sourceFile: ts.SourceFile, range: ts.CommentRange): SuppressionFact | null {
  const raw = sourceFile.text.slice(range.pos, range.end);
  const body = (range.kind === SyntaxKind.SingleLineCommentTrivia ? raw.slice(2) : raw.slice(2, -2)).trim();
  if (!body.startsWith(SUPPRESSION_PREFIX)) return null;
  const [directive = '', ...rest] = body.split(/\s+/);
  // Text after `--` is the reason, as in ESLint's comments.
  const rules = (rest.join(' ').split('--')[0] ?? '').split(/[,\s]+/).filter((id) => id.length > 0);
  const line = sourceFile.getLineAndCharacterOfPosition(range.pos).line;
  const span = { start: range.pos, end: range.end };
  switch (directive) {
    case `${SUPPRESSION_PREFIX}-next-line`:
      return { line: line + 1, rules, span };
    case `${SUPPRESSION_PREFIX}-line`:
      return { line, rules, span };
    case SUPPRESSION_PREFIX:
      return { line: -1, rules, span };
    default:
      return null;
  }
}
