import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type FileChange } from '../analysis/fixes/file-change';

/**
 * Writes a refactor's changes to disk, all or nothing: every file is checked first (a file to create
 * must not exist, a file to edit must), so that a refusal leaves the workspace as it was.
 */
export function writeChanges(changes: FileChange[]): { created: string[]; changed: string[]; deleted: string[] } {
  for (const change of changes) {
    if (change.kind === 'create' && fs.existsSync(change.path)) throw new Error(`${change.path} exists already; a refactor never overwrites a file.`);
    if (change.kind !== 'create' && !fs.existsSync(change.path)) throw new Error(`${change.path} is gone.`);
  }
  const texts = changes.map((change) => (change.kind === 'create' ? change.text : change.kind === 'edit' ? applyEdits(fs.readFileSync(change.path, 'utf8'), change.edits) : ''));
  for (const [i, change] of changes.entries()) {
    if (change.kind === 'delete') {
      fs.rmSync(change.path);
      continue;
    }
    fs.mkdirSync(path.dirname(change.path), { recursive: true });
    fs.writeFileSync(change.path, texts[i]!, { flag: change.kind === 'create' ? 'wx' : 'w' });
  }
  const of = (kind: FileChange['kind']): string[] => changes.filter((c) => c.kind === kind).map((c) => c.path);
  return { created: of('create'), changed: of('edit'), deleted: of('delete') };
}

/** Writes the final texts of a run of fixes: a file that did not exist (`before` is `null`) must still not exist. */
export function writeTexts(files: Map<string, { before: string | null; after: string }>): void {
  for (const [file, { before }] of files) if (before === null && fs.existsSync(file)) throw new Error(`${file} exists already; a fix never overwrites a file.`);
  for (const [file, { before, after }] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, after, { flag: before === null ? 'wx' : 'w' });
  }
}
