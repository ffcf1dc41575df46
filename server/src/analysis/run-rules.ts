import { Behaviour } from './behaviour';
import type { FileFacts } from './facts/file-facts';
import type { AppInfo } from './project/app-locator';
import type { ProjectIndex } from './project/project-index';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import type { AdvisorSettings } from './settings';
import type { Finding, Severity } from './types';
import { lineOf } from './positions';
import type { Vocabulary } from './vocabulary';

/**
 * Every enabled rule over one file, with its severity from the settings and its suppressions applied.
 * `isCancelled` is asked between rules: a cancelled request stops its work there.
 */
export function runRules(path: string, index: ProjectIndex, settings: AdvisorSettings, vocabulary: Vocabulary, isCancelled: () => boolean = () => false): Finding[] {
  const file = index.facts(path);
  const app = file ? null : index.appOfManifest(path);
  if (app) return runAppRules(path, app, index, settings);
  if (!file || file.skipped) return [];
  const behaviour = new Behaviour(index, vocabulary);
  const findings: Finding[] = [];
  const base = { file, app: index.appOf(path), index, behaviour, actions: index.actionsIn(path), routes: index.routesIn(path) };
  for (const rule of RULES) {
    if (isCancelled()) return [];
    const severity = severityOf(rule, settings);
    if (!severity || !rule.check) continue;
    rule.check({
      ...base,
      report: (span, message, related = []) => findings.push({ ruleId: rule.meta.id, severity, file: path, span, message, related }),
    });
  }
  return findings.filter((f) => !isSuppressed(file, f)).sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

/** The app rules over its package.json (which has no comments to suppress them with). */
function runAppRules(path: string, app: AppInfo, index: ProjectIndex, settings: AdvisorSettings): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityOf(rule, settings);
    if (!severity || !rule.checkApp) continue;
    const configured = settings.rules[rule.meta.id] !== undefined;
    rule.checkApp({
      app,
      index,
      report: (span, message, related = [], own) => findings.push({ ruleId: rule.meta.id, severity: configured ? severity : (own ?? severity), file: path, span, message, related }),
    });
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

function severityOf(rule: Rule, settings: AdvisorSettings): Severity | null {
  const configured = settings.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  return configured === 'off' ? null : configured;
}

function isSuppressed(file: FileFacts, finding: Finding): boolean {
  const line = lineOf(file.lineStarts, finding.span.start);
  return file.suppressions.some((s) => (s.line === -1 || s.line === line) && (s.rules.length === 0 || s.rules.includes(finding.ruleId)));
}
