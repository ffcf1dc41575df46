import { Analyzer } from '../analysis/analyzer';
import { isAppRoot } from '../analysis/project/app-locator';
import { dirName, isWithin, normalizePath } from '../analysis/project/paths';
import type { ProjectIndex } from '../analysis/project/project-index';
import type { AdvisorSettings } from '../analysis/settings';
import type { Finding, FileSystem } from '../analysis/types';
import { defaultWorkerCount } from '../workspace/fact-workers';
import { loadSettings } from '../workspace/project-settings';
import { loadWorkspace } from '../workspace/workspace-loader';

export interface CheckResult {
  findings: Finding[];
  files: number;
  /** The folders analysed (a file given alone stands for its app). */
  roots: string[];
  problems: string[];
  lineStarts(path: string): readonly number[];
}

/** The workspaces holding `paths`, analysed with their settings; `inTargets`: the files inside `paths`. */
export async function loadTargets(fs: FileSystem, paths: string[], ruleOverrides: Record<string, string>): Promise<{ analyzer: Analyzer; settings: AdvisorSettings; roots: string[]; inTargets: string[]; problems: string[] }> {
  const targets = paths.map((p) => normalizePath(fs.realPath(p)));
  const roots = [...new Set(targets.map((t) => (fs.directoryExists(t) ? t : appRootOf(fs, t))))];
  const { settings, problems } = loadSettings(fs, roots, { rules: ruleOverrides });
  const analyzer = new Analyzer(fs);
  analyzer.configure(settings);
  const loaded = await loadWorkspace(analyzer, fs, roots, { workers: defaultWorkerCount() });
  const inTargets = analyzer.index.reportedPaths().filter((p) => targets.some((t) => isWithin(t, p))).sort();
  return { analyzer, settings, roots, inTargets, problems: [...problems, ...loaded.problems] };
}

/**
 * Analyses the workspaces holding `paths` and returns the findings inside them. A file given alone
 * is analysed within its app, so that its callers and routes are known.
 */
export async function check(fs: FileSystem, paths: string[], ruleOverrides: Record<string, string>): Promise<CheckResult> {
  const { analyzer, settings, roots, inTargets, problems } = await loadTargets(fs, paths, ruleOverrides);
  const findings = inTargets.flatMap((p) => analyzer.findings(p));
  return {
    findings,
    files: inTargets.filter((p) => analyzer.index.facts(p)).length,
    roots,
    problems: [...problems, ...skippedProblems(analyzer.index, inTargets, settings.maxFileSize, (p) => p)],
    lineStarts: (path) => analyzer.index.lineStarts(path) ?? [0],
  };
}

/** The files among `paths` that were not analysed, and why, each path as `shown` gives it. */
export function skippedProblems(index: ProjectIndex, paths: string[], maxFileSize: number, shown: (path: string) => string): string[] {
  return paths.flatMap((path) => {
    const skipped = index.facts(path)?.skipped;
    return skipped === 'too-large' ? [`${shown(path)}: larger than ${maxFileSize} bytes, not analysed`] : skipped === 'binary' ? [`${shown(path)}: binary data, not analysed`] : [];
  });
}

export function appRootOf(fs: FileSystem, file: string): string {
  for (let dir = dirName(file); ; dir = dirName(dir)) {
    if (isAppRoot(fs, dir)) return dir;
    if (dirName(dir) === dir) return dirName(file);
  }
}
