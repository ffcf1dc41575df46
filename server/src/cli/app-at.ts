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
  if (line < 1 || line > facts.lineStarts.length) return { ok: false, reason: `${file} has no line ${line}.` };
  const text = fs.readFile(path) ?? '';
  const start = facts.lineStarts[line - 1]!;
  const offset = start + (/^\s*/.exec(text.slice(start))?.[0].length ?? 0);
  return { ok: true, analyzer, settings, path, offset };
}

/** The folder read and analysed with its settings, as the checker does. */
export async function analyzed(fs: FileSystem, root: string): Promise<{ analyzer: Analyzer; settings: AdvisorSettings; problems: string[] }> {
  const { settings, problems } = loadSettings(fs, [root], {});
  const analyzer = new Analyzer(fs);
  analyzer.configure(settings);
  await loadWorkspace(analyzer, fs, [root], { workers: defaultWorkerCount() });
  return { analyzer, settings, problems };
}
