import type { Severity } from '../../analysis/types';
import type { ReportContext } from '../summary';
import { displayPath, regionOf } from './locations';

const COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

/** ESLint's layout: a file heading, then `line:col  severity  message  rule-id`, then a summary. */
export function formatPretty({ cwd, result, summary, color }: ReportContext): string {
  const paint = (code: string, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const byFile = new Map<string, typeof result.findings>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', paint('4', displayPath(cwd, file)));
    const rows = findings.map((f) => {
      const r = regionOf(result.lineStarts(file), f.span);
      return { where: `${r.startLine}:${r.startColumn}`, severity: f.severity, message: f.message, rule: f.ruleId };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    for (const row of rows) {
      lines.push(`  ${paint('2', row.where.padEnd(whereWidth))}  ${paint(COLORS[row.severity], row.severity.padEnd(7))}  ${row.message}  ${paint('2', row.rule)}`);
    }
  }
  if (summary.total === 0) return `No problems found in ${result.files} file${result.files === 1 ? '' : 's'}.\n`;
  const counts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => summary[s] > 0).map((s) => `${summary[s]} ${s}${summary[s] === 1 ? '' : 's'}`);
  const mark = summary.error > 0 ? paint('31', '✖') : paint('33', '⚠');
  lines.push('', `${mark} ${summary.total} problem${summary.total === 1 ? '' : 's'} (${counts.join(', ')}) in ${result.files} file${result.files === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
