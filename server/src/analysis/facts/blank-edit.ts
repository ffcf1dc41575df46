import ts from 'typescript';
import type { Span } from '../types';
import type { TextChange } from './parse';
import { SyntaxKind, forEachChild } from './typescript';

const SPACE = 0x20;
const TAB = 0x09;

/**
 * The run of spaces and tabs between two tokens that an edit only made longer or shorter (indenting,
 * aligning), in the text before it; null for any other edit. Such an edit changes no token, no line
 * and no comment: whatever was before the run stays where it was, and whatever was after it moves by
 * the edit's length. A run inside a string, a template, a comment or JSX text is no such run, nor is
 * one the edit empties (the tokens on each side would meet).
 */
export function blankRunOf(tree: ts.SourceFile, change: TextChange, text: string): Span | null {
  const old = tree.text;
  if (!isBlank(old, change.start, change.oldEnd) || !isBlank(text, change.start, change.newEnd)) return null;
  let start = change.start;
  while (start > 0 && isBlankAt(old, start - 1)) start--;
  let end = change.oldEnd;
  while (end < old.length && isBlankAt(old, end)) end++;
  const lengthAfter = end - start - (change.oldEnd - change.start) + (change.newEnd - change.start);
  if (start === end || lengthAfter === 0) return null;
  const token = nodeLedBy(tree, start, end);
  return token && inWhitespaceTrivia(old, token.pos, token.getStart(tree), start, end) ? { start, end } : null;
}

function keepsText(kind: ts.SyntaxKind): boolean {
  return (
    kind === SyntaxKind.Parameter ||
    kind === SyntaxKind.ConditionalExpression ||
    kind === SyntaxKind.AsExpression ||
    kind === SyntaxKind.TypeAssertionExpression ||
    (kind >= SyntaxKind.FirstTypeNode && kind <= SyntaxKind.LastTypeNode)
  );
}

function isBlankAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === SPACE || code === TAB;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (!isBlankAt(text, at)) return false;
  return true;
}

/**
 * The node whose leading trivia holds `[start, end)`; none when the run is inside a token or JSX text,
 * or inside a node whose text the facts keep (a parameter's binding pattern, a type, a condition).
 */
function nodeLedBy(tree: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): boolean => {
    if (node.pos > start || node.end < end) return false;
    const tokenStart = node.getStart(tree);
    if (tokenStart >= end) {
      if (node.kind !== SyntaxKind.JsxText) found = node;
      return true;
    }
    if (keepsText(node.kind)) return true;
    return tokenStart <= start && (forEachChild(node, visit) ?? false);
  };
  forEachChild(tree, visit);
  return found;
}

/** Whether `[start, end)` lies in one whitespace token of the trivia `[from, to)`, outside every comment. */
function inWhitespaceTrivia(text: string, from: number, to: number, start: number, end: number): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text, undefined, from, to - from);
  for (let token = scanner.scan(); token !== SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const tokenStart = scanner.getTokenStart();
    if (tokenStart > start) return false;
    if (scanner.getTokenEnd() >= end) return token === SyntaxKind.WhitespaceTrivia;
  }
  return false;
}
