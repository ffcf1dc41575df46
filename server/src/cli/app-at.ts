import { Analyzer } from '../analysis/analyzer';
import { normalizePath } from '../analysis/project/paths';
import type { AdvisorSettings } from '../analysis/settings';
import type { FileSystem } from '../analysis/types';
import { defaultWorkerCount } from '../workspace/fact-workers';
import { loadSettings } from '../workspace/project-settings';
import { loadWorkspace } from '../workspace/workspace-loader';
import { appRootOf } from './check';

export type AppAt = { ok: true; analyzer: Analyzer; settings: AdvisorSettings; path: string; offset: number } | { ok: false; reason: string };

/** The app holding `file`, analysed, and the offset of the first code on `line`: where `refactor` and `decide` point. */
export async function appAt(fs: FileSystem, file: string, line: number): Promise<AppAt> {
  const path = normalizePath(fs.realPath(file));
  const { analyzer, settings, problems } = await analyzed(fs, appRootOf(fs, path));
  const facts = analyzer.index.facts(path);
  const app = analyzer.index.appOf(path);
  if (!facts || !app) return { ok: false, reason: `${file} is not a source file of a Next.js app.${problems.length > 0 ? ` ${problems.join('; ')}` : ''}` };
  const offset = codeOffsetAt(fs.readFile(path) ?? '', facts.lineStarts, line);
  if (offset === null) return { ok: false, reason: `${file} has no line ${line}.` };
  return { ok: true, analyzer, settings, path, offset };
}

/** The offset of the first code on a 1-based line, past its indentation; null for a line the text lacks. */
export function codeOffsetAt(text: string, lineStarts: readonly number[], line: number): number | null {
  if (!Number.isInteger(line) || line < 1 || line > lineStarts.length) return null;
  const start = lineStarts[line - 1]!;
  return start + (/^\s*/.exec(text.slice(start))?.[0].length ?? 0);
}

/** The folder read and analysed with its settings, as the checker does. */
export async function analyzed(fs: FileSystem, root: string): Promise<{ analyzer: Analyzer; settings: AdvisorSettings; problems: string[] }> {
  const { settings, problems } = loadSettings(fs, [root], {});
  const analyzer = new Analyzer(fs);
  analyzer.configure(settings);
  await loadWorkspace(analyzer, fs, [root], { workers: defaultWorkerCount() });
  return { analyzer, settings, problems };
}
