import type { RefactorKind } from '../analysis/fixes/refactor';
import type { FileSystem } from '../analysis/types';
import { loadFixes } from '../workspace/fixes-loader';
import { writeChanges } from '../workspace/write-changes';
import { appAt } from './app-at';

export type RefactorResult = { ok: true; title: string; created: string[]; changed: string[]; deleted: string[] } | { ok: false; reason: string };

/** `refactor <kind> <file>:<line>`: the refactor of the function at (or around) that line, applied on disk. */
export async function refactor(fs: FileSystem, kind: RefactorKind, file: string, line: number): Promise<RefactorResult> {
  const loaded = await appAt(fs, file, line);
  if (!loaded.ok) return loaded;
  const { analyzer, settings, path, offset } = loaded;
  const outcome = loadFixes().buildRefactor({ kind, file: path, offset }, { fs, app: analyzer.index.appOf(path)!, index: analyzer.index, settings });
  if (!outcome.ok) return outcome;
  return { ok: true, title: outcome.title, ...writeChanges(outcome.changes) };
}
