import * as path from 'node:path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { positionOf } from '../../server/src/analysis/positions';
import { mergeSettings, DEFAULT_SETTINGS, type AdvisorSettings } from '../../server/src/analysis/settings';
import type { Finding, Span } from '../../server/src/analysis/types';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/** A finding as a test reads it: relative path, 1-based `line:col-line:col`. */
export interface ShownFinding {
  file: string;
  range: string;
  ruleId: string;
  message: string;
  related: string[];
}

/** Loads a folder as the server does and returns every finding of every file. */
export function analyzeFolder(root: string, settings: Partial<AdvisorSettings> = {}): { analyzer: Analyzer; findings: ShownFinding[] } {
  const analyzer = new Analyzer(new NodeFileSystem());
  analyzer.configure(mergeSettings(DEFAULT_SETTINGS, settings));
  analyzer.loadWorkspace([root]);
  const realRoot = new NodeFileSystem().realPath(root);
  const show = (file: string, span: Span): string => {
    const starts = analyzer.index.lineStarts(file) ?? [0];
    const a = positionOf(starts, span.start);
    const b = positionOf(starts, span.end);
    return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
  };
  const rel = (file: string): string => path.relative(realRoot, file);
  const findings = analyzer.index
    .reportedPaths()
    .sort()
    .flatMap((p) => analyzer.findings(p))
    .map((f: Finding) => ({
      file: rel(f.file),
      range: show(f.file, f.span),
      ruleId: f.ruleId,
      message: f.message,
      related: f.related.map((r) => `${rel(r.file)} ${show(r.file, r.span)} ${r.message}`),
    }));
  return { analyzer, findings };
}
