import type { Finding } from '../../analysis/types';
import type { ReportContext } from '../summary';
import { displayPath, regionOf, type Region } from './locations';

/** A finding in the JSON report: paths relative to the working folder, 1-based positions. */
export interface FindingJson extends Region {
  file: string;
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  docs: string;
  related: ({ file: string; message: string } & Region)[];
}

export function findingJson(cwd: string, lineStarts: (path: string) => readonly number[], docsUrl: (ruleId: string) => string, f: Finding): FindingJson {
  return {
    file: displayPath(cwd, f.file),
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...regionOf(lineStarts(f.file), f.span),
    docs: docsUrl(f.ruleId),
    related: f.related.map((r) => ({ file: displayPath(cwd, r.file), message: r.message, ...regionOf(lineStarts(r.file), r.span) })),
  };
}

/** A stable, documented shape for scripts. */
export function formatJson({ cwd, result, summary, docsUrl }: ReportContext): string {
  const findings = result.findings.map((f) => findingJson(cwd, result.lineStarts, docsUrl, f));
  const { total, ...bySeverity } = summary;
  return `${JSON.stringify({ files: result.files, summary: { total, ...bySeverity }, findings }, null, 2)}\n`;
}
