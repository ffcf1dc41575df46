/** One replacement in a file's text, by offsets into the text it was computed from. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/**
 * What a fix or refactor does to the workspace: plain data, written by the server or the checker. A
 * file is deleted only when all its code moved elsewhere in the same change.
 */
export type FileChange = { kind: 'edit'; path: string; edits: TextChange[] } | { kind: 'create'; path: string; text: string } | { kind: 'delete'; path: string };

/**
 * The one replacement that turns `before` into `after`: the common head and tail are kept, so that an
 * editor's undo, and a reviewer's diff, see only what changed.
 */
export function editBetween(path: string, before: string, after: string): FileChange | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { kind: 'edit', path, edits: [{ start, end: before.length - tail, newText: after.slice(start, after.length - tail) }] };
}

/** A text with its edits applied (they do not overlap). */
export function applyEdits(text: string, edits: readonly TextChange[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
