import type { ReportContext } from '../summary';
import { displayPath, regionOf } from './locations';

/** A stable, documented shape for scripts: paths relative to the working folder, 1-based positions. */
export function formatJson({ cwd, result, summary, docsUrl }: ReportContext): string {
  const findings = result.findings.map((f) => ({
    file: displayPath(cwd, f.file),
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...regionOf(result.lineStarts(f.file), f.span),
    docs: docsUrl(f.ruleId),
    related: f.related.map((r) => ({ file: displayPath(cwd, r.file), message: r.message, ...regionOf(result.lineStarts(r.file), r.span) })),
  }));
  const { total, ...bySeverity } = summary;
  return `${JSON.stringify({ files: result.files, summary: { total, ...bySeverity }, findings }, null, 2)}\n`;
}
