import { z } from 'zod';
import { refactorOffers } from '../analysis/fixes/offers';
import { ruleFixOffers } from '../analysis/fixes/rule-fix-offers';
import { isWithin } from '../analysis/project/paths';
import type { Finding } from '../analysis/types';
import { findingJson } from '../cli/reporters/json';
import { skippedProblems } from '../cli/check';
import { summarize } from '../cli/summary';
import { shownPath, sourceFile, workspacePath, type ToolContext } from './tool-context';

/** Enough for any change an agent makes; a whole monorepo's findings would not fit a message, nor its context. */
const DEFAULT_LIMIT = 200;

export const checkInput = {
  paths: z.array(z.string()).min(1).describe('Files or folders to check, relative to the workspace ("." for all of it). The whole app is still read, for callers and routes in other files.'),
  limit: z.number().int().min(1).max(5000).optional().describe(`At most this many findings, the most severe first (default ${DEFAULT_LIMIT}); the summary counts them all.`),
};

const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

const region = { startLine: z.number(), startColumn: z.number(), endLine: z.number(), endColumn: z.number() };

export const checkOutput = {
  files: z.number().describe('Source files checked'),
  summary: z.object({ total: z.number(), error: z.number(), warning: z.number(), info: z.number(), hint: z.number() }),
  findings: z.array(
    z.object({
      file: z.string(),
      ruleId: z.string(),
      severity: z.enum(['error', 'warning', 'info', 'hint']),
      message: z.string(),
      ...region,
      docs: z.string().describe("The rule's page"),
      related: z.array(z.object({ file: z.string(), message: z.string(), ...region })),
      fixes: z.array(z.object({ id: z.string().describe('What refactor takes as its kind'), title: z.string() })).describe('The fixes and refactors that remedy it'),
    }),
  ),
  omitted: z.number().describe('Findings left out by the limit, the least severe'),
  problems: z.array(z.string()).describe('Configuration that could not be read, and files inside the paths that were not analysed'),
};

/** The findings inside `paths`, as `check --format json` reports them, each with the fixes it is offered. */
export function checkTool(context: ToolContext, { paths, limit = DEFAULT_LIMIT }: { paths: string[]; limit?: number | undefined }): z.infer<z.ZodObject<typeof checkOutput>> {
  const { session } = context;
  const index = session.analyzer.index;
  const targets = paths.map((p) => target(context, p));
  const inTargets = index.reportedPaths().filter((p) => targets.some((t) => isWithin(t, p))).sort();
  const findings = inTargets.flatMap((p) => session.findings(p));
  const problems = skippedProblems(index, inTargets, session.settings.maxFileSize, (p) => shownPath(context, p));
  const { total, ...bySeverity } = summarize(findings);
  // The most severe are kept, in the checker's order.
  const kept = new Set([...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]).slice(0, limit));
  return {
    files: inTargets.filter((p) => index.facts(p)).length,
    summary: { total, ...bySeverity },
    findings: findings.filter((f) => kept.has(f)).map((f) => ({ ...findingJson(context.root, (p) => index.lineStarts(p) ?? [0], context.docsUrl, f), fixes: fixesOf(context, f) })),
    omitted: findings.length - kept.size,
    problems: [...context.notices, ...problems],
  };
}

/** A folder, or a file given alone: a source file of the index, or an app's package.json (where next-advisory reports). */
function target(context: ToolContext, given: string): string {
  const full = workspacePath(context, given);
  if (!context.session.fs.fileExists(full) || context.session.analyzer.index.appOfManifest(full)) return full;
  return sourceFile(context, given);
}

/** The fixes of a finding and the refactors that remedy it, by the id that `refactor` takes. */
function fixesOf({ session }: ToolContext, finding: Finding): { id: string; title: string }[] {
  const context = { index: session.analyzer.index, settings: session.settings };
  const fixes = ruleFixOffers(finding, context).filter((o) => !o.disabled);
  const refactors = refactorOffers(context.index, context.settings, finding.file, finding.span.start).filter((o) => o.remedies.includes(finding.ruleId));
  return [...fixes.map((o) => ({ id: o.fix, title: o.title })), ...refactors.map((o) => ({ id: o.kind, title: o.title }))];
}
