// `npm run eval`: the checker on local checkouts of the labelled public apps of eval/repos.json,
// scored against eval/labels/: findings, precision and recall per rule, unlabelled findings, time.
// Writes eval/results.json, and the unlabelled findings to .artifacts/eval/unlabelled.jsonl for review.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractFacts } from '../server/src/analysis/facts/extract-facts';
import type { FileFacts } from '../server/src/analysis/facts/file-facts';
import { RULES } from '../server/src/analysis/rules';

interface Repo {
  repo: string;
  commit: string;
  stack: string;
}

interface Label {
  file: string;
  rule: string;
  symbol: string;
  line?: number;
  verdict: 'true' | 'false' | 'debatable';
  /** `false` for a known miss: a real case the checker did not report when it was labelled. */
  found?: boolean;
  /** The finding is now reported elsewhere (another file or symbol), where another label judges it: why. */
  superseded?: string;
  reason: string;
}

interface Found {
  file: string;
  rule: string;
  symbol: string;
  line: number;
  severity: string;
  message: string;
}

interface Tally {
  findings: number;
  truePositives: number;
  falsePositives: number;
  debatable: number;
  unlabelled: number;
  labelledTrue: number;
  missed: number;
}

const ROOT = path.resolve(__dirname, '..');
const EVAL = path.join(ROOT, 'eval');
const checkouts = path.resolve(process.env.NEXT_ACTION_ADVISOR_EVAL_DIR ?? path.join(ROOT, '.artifacts', 'eval', 'checkouts'));
const repos: Repo[] = JSON.parse(fs.readFileSync(path.join(EVAL, 'repos.json'), 'utf8')).repos;
const severityOf = new Map(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));

const cli = path.join(ROOT, 'dist', 'cli.js');
if (!fs.existsSync(cli)) fail('dist/cli.js is missing: run `npm run build` first.');

const tallies = new Map<string, Tally>();
const tally = (rule: string): Tally => {
  let t = tallies.get(rule);
  if (!t) tallies.set(rule, (t = { findings: 0, truePositives: 0, falsePositives: 0, debatable: 0, unlabelled: 0, labelledTrue: 0, missed: 0 }));
  return t;
};
const perRepo: Record<string, unknown>[] = [];
const unlabelled: (Found & { repo: string })[] = [];
const missed: (Label & { repo: string })[] = [];
const absent: Repo[] = [];

for (const repo of repos) {
  const dir = path.join(checkouts, repo.repo.replace('/', '+'));
  if (!fs.existsSync(dir)) {
    absent.push(repo);
    continue;
  }
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && run.status !== 1) fail(`the checker failed on ${repo.repo} (exit ${run.status}):\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: number; findings: { file: string; ruleId: string; severity: string; message: string; startLine: number; startColumn: number }[] };
  const facts = new Map<string, FileFacts>();
  const factsOf = (file: string): FileFacts => {
    let f = facts.get(file);
    if (!f) facts.set(file, (f = extractFacts(file, fs.readFileSync(path.join(dir, file), 'utf8'))));
    return f;
  };
  const found: Found[] = report.findings.map((f) => ({
    file: f.file,
    rule: f.ruleId,
    symbol: symbolAt(factsOf(f.file), f.startLine, f.startColumn),
    line: f.startLine,
    severity: f.severity,
    message: f.message,
  }));
  const labels = readLabels(repo.repo).filter((l) => l.superseded === undefined);
  const used = new Set<Label>();
  let repoTrue = 0;
  let repoFalse = 0;
  for (const finding of found) {
    const t = tally(finding.rule);
    t.findings++;
    const label = matchLabel(labels, finding, used);
    if (!label) {
      t.unlabelled++;
      unlabelled.push({ repo: repo.repo, ...finding });
    } else if (label.verdict === 'true') {
      t.truePositives++;
      repoTrue++;
    } else if (label.verdict === 'false') {
      t.falsePositives++;
      repoFalse++;
    } else t.debatable++;
  }
  for (const label of labels) {
    if (label.verdict !== 'true') continue;
    const t = tally(label.rule);
    t.labelledTrue++;
    if (!used.has(label)) {
      t.missed++;
      missed.push({ repo: repo.repo, ...label });
    }
  }
  perRepo.push({ repo: repo.repo, commit: repo.commit, files: report.files, findings: found.length, truePositives: repoTrue, falsePositives: repoFalse, seconds: round(seconds, 1) });
}

if (absent.length > 0) {
  console.log(`Skipped ${absent.length} of ${repos.length} repositories, not found under ${checkouts} (set NEXT_ACTION_ADVISOR_EVAL_DIR). To get one:`);
  for (const r of absent) {
    const dir = path.join(checkouts, r.repo.replace('/', '+'));
    console.log(`  git clone --filter=blob:none https://github.com/${r.repo} ${dir} && git -C ${dir} checkout ${r.commit}`);
  }
  console.log('');
}
if (perRepo.length === 0) process.exit(0);

const rows = [...tallies].sort(([a], [b]) => order(a) - order(b));
// Labels of rules this version does not have yet: kept for when it does, left out of the scores.
const future = rows.filter(([rule]) => !severityOf.has(rule));
const sum = (pick: (t: Tally) => number, filter: (rule: string) => boolean = () => true): number => rows.filter(([r]) => filter(r)).reduce((n, [, t]) => n + pick(t), 0);
const loud = (rule: string): boolean => ['warning', 'error'].includes(severityOf.get(rule) ?? '');
const overall = aggregate((rule) => severityOf.has(rule));
const atWarning = aggregate(loud);

console.log('| rule | default | findings | true | false | debatable | unlabelled | precision | recall |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [rule, t] of rows.filter(([r]) => severityOf.has(r))) {
  console.log(`| \`${rule}\` | ${severityOf.get(rule) ?? '?'} | ${t.findings} | ${t.truePositives} | ${t.falsePositives} | ${t.debatable} | ${t.unlabelled} | ${ratio(t.truePositives, t.truePositives + t.falsePositives)} | ${ratio(t.labelledTrue - t.missed, t.labelledTrue)} |`);
}
console.log(`| **warning and error** | | ${atWarning.findings} | ${atWarning.truePositives} | ${atWarning.falsePositives} | ${atWarning.debatable} | ${atWarning.unlabelled} | ${ratio(atWarning.truePositives, atWarning.truePositives + atWarning.falsePositives)} | ${ratio(atWarning.found, atWarning.labelledTrue)} |`);
console.log(`| **all rules** | | ${overall.findings} | ${overall.truePositives} | ${overall.falsePositives} | ${overall.debatable} | ${overall.unlabelled} | ${ratio(overall.truePositives, overall.truePositives + overall.falsePositives)} | ${ratio(overall.found, overall.labelledTrue)} |`);
console.log('');
if (future.length > 0) console.log(`Labels kept for rules not in this version (not scored): ${future.map(([r, t]) => `${r} (${t.labelledTrue})`).join(', ')}\n`);
for (const r of perRepo) console.log(`${String(r.repo).padEnd(48)} ${String(r.files).padStart(5)} files  ${String(r.findings).padStart(4)} findings  ${r.seconds} s`);
const scoredMisses = missed.filter((m) => severityOf.has(m.rule));
if (scoredMisses.length > 0) {
  console.log(`\n${scoredMisses.length} labelled true cases not found:`);
  for (const m of missed) if (severityOf.has(m.rule)) console.log(`  ${m.repo} ${m.file} ${m.rule} ${m.symbol}`);
}
const outDir = path.join(ROOT, '.artifacts', 'eval');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'unlabelled.jsonl'), unlabelled.map((u) => JSON.stringify(u)).join('\n') + (unlabelled.length ? '\n' : ''));
if (unlabelled.length > 0) console.log(`\n${unlabelled.length} unlabelled findings (look at each): .artifacts/eval/unlabelled.jsonl`);

const results = {
  repositories: perRepo,
  rules: Object.fromEntries(rows.filter(([rule]) => severityOf.has(rule)).map(([rule, t]) => [rule, { ...t, precision: fraction(t.truePositives, t.truePositives + t.falsePositives), recall: fraction(t.labelledTrue - t.missed, t.labelledTrue) }])),
  warningAndError: { ...atWarning, precision: fraction(atWarning.truePositives, atWarning.truePositives + atWarning.falsePositives), recall: fraction(atWarning.found, atWarning.labelledTrue) },
  overall: { ...overall, precision: fraction(overall.truePositives, overall.truePositives + overall.falsePositives), recall: fraction(overall.found, overall.labelledTrue) },
};
fs.writeFileSync(path.join(EVAL, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

function aggregate(filter: (rule: string) => boolean) {
  const labelledTrue = sum((t) => t.labelledTrue, filter);
  return {
    findings: sum((t) => t.findings, filter),
    truePositives: sum((t) => t.truePositives, filter),
    falsePositives: sum((t) => t.falsePositives, filter),
    debatable: sum((t) => t.debatable, filter),
    unlabelled: sum((t) => t.unlabelled, filter),
    labelledTrue,
    found: labelledTrue - sum((t) => t.missed, filter),
  };
}

function readLabels(repo: string): Label[] {
  const file = path.join(EVAL, 'labels', `${repo.replace('/', '+')}.jsonl`);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as Label;
      } catch {
        return fail(`${path.relative(ROOT, file)}:${i + 1}: not valid JSON`);
      }
    });
}

/** The same file, rule and symbol; among several, the one on the finding's line first. */
function matchLabel(labels: Label[], finding: Found, used: Set<Label>): Label | undefined {
  const candidates = labels.filter((l) => !used.has(l) && l.file === finding.file && l.rule === finding.rule && l.symbol === finding.symbol);
  const label = candidates.find((l) => l.line === finding.line) ?? candidates[0];
  if (label) used.add(label);
  return label;
}

/** The exported name a finding sits on, or the innermost named function around it. */
function symbolAt(facts: FileFacts, line: number, column: number): string {
  const offset = (facts.lineStarts[line - 1] ?? 0) + column - 1;
  const exported = facts.exports.find((e) => e.span.start <= offset && offset < e.span.end);
  if (exported) return exported.name;
  const around = facts.functions.filter((f) => f.span.start <= offset && offset < f.span.end).sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
  return around[0]?.name ?? '(module)';
}

function order(rule: string): number {
  const i = RULES.findIndex((r) => r.meta.id === rule);
  return i < 0 ? RULES.length : i;
}

function fraction(n: number, d: number): number | null {
  return d === 0 ? null : round(n / d, 3);
}

function ratio(n: number, d: number): string {
  return d === 0 ? '–' : (n / d).toFixed(2);
}

function round(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}

function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(2);
}
