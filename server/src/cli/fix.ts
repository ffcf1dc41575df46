import { applyEdits } from '../analysis/fixes/file-change';
import { fixAllInFile, type AppliedFix } from '../analysis/fixes/fix-all';
import type { FileSystem } from '../analysis/types';
import { OverlayFileSystem } from '../workspace/documents';
import { loadFixes } from '../workspace/fixes-loader';
import { loadTargets } from './check';

/** Enough for fixes that make room for others (an import added once, then used); each run re-analyses. */
const MAX_RUNS = 8;

export interface FixRun {
  applied: AppliedFix[];
  /** Every file the fixes changed or created: its text before (`null` when created) and after. */
  files: Map<string, { before: string | null; after: string }>;
}

/**
 * `check --fix`: the fixes of the findings inside `paths`, run after run until none is left, in an
 * overlay of the disk (nothing is written here: the caller writes the texts, or prints their diff).
 * Multi-file fixes only with `multiFile`, one per run.
 */
export async function fixFindings(disk: FileSystem, paths: string[], rules: Record<string, string>, multiFile: boolean): Promise<FixRun> {
  const fs = new OverlayFileSystem(disk);
  const files = new Map<string, { before: string | null; after: string }>();
  const applied: AppliedFix[] = [];
  const fixes = loadFixes();
  for (let run = 0; run < MAX_RUNS; run++) {
    const { analyzer, settings, inTargets } = await loadTargets(fs, paths, rules);
    // The workers read the disk: the texts fixed so far are laid over it (a package.json is read through \`fs\` already).
    for (const [path, { after }] of files) if (!analyzer.index.appOfManifest(path)) analyzer.updateFile(path, after);
    let changed = false;
    for (const path of inTargets) {
      const app = analyzer.index.appOf(path);
      const findings = analyzer.findings(path);
      if (!app || findings.length === 0) continue;
      const context = { fs, app, index: analyzer.index, settings };
      const result = fixAllInFile(findings, context, (request) => fixes.buildRuleFix(request, context), multiFile);
      if (result.changes.some((c) => c.kind === 'delete')) continue;
      for (const change of result.changes) {
        const before = fs.readFile(change.path) ?? null;
        const after = change.kind === 'create' ? change.text : change.kind === 'edit' ? applyEdits(before ?? '', change.edits) : '';
        files.set(change.path, { before: files.get(change.path)?.before ?? (change.kind === 'create' ? null : before), after });
        fs.setOpen(change.path, after);
      }
      applied.push(...result.applied);
      changed ||= result.applied.length > 0;
      // Another file changed: what the next files find depends on it.
      if (result.changes.some((c) => c.path !== path)) break;
    }
    if (!changed) break;
  }
  return { applied, files };
}
