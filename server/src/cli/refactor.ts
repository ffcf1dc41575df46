import type { RefactorKind } from '../analysis/fixes/refactor';
import type { FileSystem } from '../analysis/types';
import { loadFixes } from '../workspace/fixes-loader';
import { writeChanges } from '../workspace/write-changes';
import { isWithin, normalizePath } from '../analysis/project/paths';
import { analyzed, appAt } from './app-at';
import type { ScaffoldOptions } from './args';

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

/** `scaffold <name> --variant …`: the new files, written into the app holding `folder`. */
export async function scaffold(fs: FileSystem, options: ScaffoldOptions): Promise<RefactorResult> {
  const root = normalizePath(fs.realPath(options.app));
  const { analyzer, settings } = await analyzed(fs, root);
  const inside = analyzer.index.apps.filter((a) => isWithin(root, a.root));
  const app = analyzer.index.apps.find((a) => isWithin(a.root, root)) ?? (inside.length === 1 ? inside[0] : undefined);
  if (!app) return { ok: false, reason: inside.length > 1 ? `${options.app} holds ${inside.length} Next.js apps: name one with --app.` : `${options.app} is not in a Next.js app.` };
  const outcome = loadFixes().scaffold({ fs, app, index: analyzer.index, settings }, options.name, options.variant);
  if (!outcome.ok) return outcome;
  return { ok: true, title: outcome.title, ...writeChanges(outcome.changes) };
}
