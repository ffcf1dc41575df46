import ts from 'typescript';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JSX,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** The extensions of the files that are analysed, for messages. */
export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(SCRIPT_KINDS);

export function isSourceFile(path: string): boolean {
  return SCRIPT_KINDS[extensionOf(path)] !== undefined && !path.endsWith('.d.ts');
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot).toLowerCase();
}

/**
 * One syntactic parse; `.js` files may hold JSX in Next.js apps. The parser sets no parent pointers:
 * the facts' own walk over the tree does (`walkTree`), which spares a pass.
 */
export function parseSource(path: string, text: string): ts.SourceFile {
  const kind = SCRIPT_KINDS[extensionOf(path)] ?? ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
}

/** The first syntax error TypeScript's parser recorded, if any. */
export function firstSyntaxError(sourceFile: ts.SourceFile): { start: number; end: number } | null {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  return first ? { start: first.start, end: first.start + first.length } : null;
}

/** What an edit changed: the old text's `[start, oldEnd)` became the new text's `[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The changed range of two texts, found by comparing them from both ends. */
export function changedRange(old: string, text: string): TextChange {
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** The tree of an edited text, reusing the unchanged parts of the previous tree (TypeScript's incremental parser, as editors use it). */
export function reparse(previous: ts.SourceFile, text: string, change: TextChange): ts.SourceFile {
  return ts.updateSourceFile(previous, text, { span: { start: change.start, length: change.oldEnd - change.start }, newLength: change.newEnd - change.start });
}
