import { Analyzer } from '../analysis/analyzer';
import type { RefactorKind } from '../analysis/fixes/refactor';
import { normalizePath } from '../analysis/project/paths';
import type { FileSystem } from '../analysis/types';
import { defaultWorkerCount } from '../workspace/fact-workers';
import { loadFixes } from '../workspace/fixes-loader';
import { loadSettings } from '../workspace/project-settings';
import { loadWorkspace } from '../workspace/workspace-loader';
import { writeChanges } from '../workspace/write-changes';
import { appRootOf } from './check';

export type RefactorResult = { ok: true; title: string; created: string[]; changed: string[]; deleted: string[] } | { ok: false; reason: string };

/** `refactor <kind> <file>:<line>`: the refactor of the function at (or around) that line, applied on disk. */
export async function refactor(fs: FileSystem, kind: RefactorKind, file: string, line: number): Promise<RefactorResult> {
  const path = normalizePath(fs.realPath(file));
  const root = appRootOf(fs, path);
  const { settings, problems } = loadSettings(fs, [root], {});
  const analyzer = new Analyzer(fs);
  analyzer.configure(settings);
  await loadWorkspace(analyzer, fs, [root], { workers: defaultWorkerCount() });
  const facts = analyzer.index.facts(path);
  const app = analyzer.index.appOf(path);
  if (!facts || !app) return { ok: false, reason: `${file} is not a source file of a Next.js app.${problems.length > 0 ? ` ${problems.join('; ')}` : ''}` };
  if (line < 1 || line > facts.lineStarts.length) return { ok: false, reason: `${file} has no line ${line}.` };
  const text = fs.readFile(path) ?? '';
  const start = facts.lineStarts[line - 1]!;
  const offset = start + (/^\s*/.exec(text.slice(start))?.[0].length ?? 0);
  const outcome = loadFixes().buildRefactor({ kind, file: path, offset }, { fs, app, index: analyzer.index, settings });
  if (!outcome.ok) return outcome;
  return { ok: true, title: outcome.title, ...writeChanges(outcome.changes) };
}
