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
