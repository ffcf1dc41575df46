import type { Finding, Severity } from '../analysis/types';
import type { CheckResult } from './check';

export type Summary = Record<Severity, number> & { total: number };

export function summarize(findings: Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0, hint: 0, total: findings.length };
  for (const f of findings) summary[f.severity]++;
  return summary;
}

/** 1 when there are errors, or more warnings than allowed. */
export function exitCodeFor(summary: Summary, maxWarnings: number): number {
  return summary.error > 0 || summary.warning > maxWarnings ? 1 : 0;
}

export interface ReportContext {
  cwd: string;
  result: CheckResult;
  summary: Summary;
  docsUrl: (ruleId: string) => string;
  color: boolean;
}
