// `npm run eval:refactors`: every refactor offered on every action and route handler of the eval
// repositories (local checkouts, as for `npm run eval`), built and applied in memory over the checkout,
// never written to it. Per refactor: offered, applied, refused (reasons counted), and the results that
// fail a check: a created or changed file that does not parse, a call of the original function that the
// new code no longer makes (besides the documented rewrites), a file created over an existing one, a new
// error-level finding in the files it touched. Writes eval/refactors.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { Analyzer } from '../server/src/analysis/analyzer';
import { extractFacts } from '../server/src/analysis/facts/extract-facts';
import type { FunctionFact } from '../server/src/analysis/facts/file-facts';
import { buildRefactor } from '../server/src/analysis/fixes';
import { applyEdits, type FileChange } from '../server/src/analysis/fixes/file-change';
import { refactorOffers } from '../server/src/analysis/fixes/offers';
import type { RefactorKind } from '../server/src/analysis/fixes/refactor';
import { DEFAULT_SETTINGS } from '../server/src/analysis/settings';
import { labelOf } from '../server/src/analysis/behaviour';
import { OverlayFileSystem } from '../server/src/workspace/documents';
import { NodeFileSystem } from '../server/src/workspace/node-file-system';

const ROOT = path.resolve(__dirname, '..');
const checkouts = path.resolve(process.env.NEXT_ACTION_ADVISOR_EVAL_DIR ?? path.join(ROOT, '.artifacts', 'eval', 'checkouts'));
const repos: { repo: string; commit: string }[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'eval', 'repos.json'), 'utf8')).repos;

/** Calls a refactor drops or rewrites on purpose, as its doc comment says. */
const DOCUMENTED: Record<RefactorKind, RegExp> = {
  'extract-service': /^$/,
  'to-route': /^(updateTag|refresh)$/,
  'to-route-keep-action': /^(updateTag|refresh)$/,
  'to-route-rewrite-callers': /^(updateTag|refresh)$/,
  'to-action': /^(\w+\.json|\w+\.formData|NextResponse\.json|Response\.json)$/,
  'to-action-remove-route': /^(\w+\.json|\w+\.formData|NextResponse\.json|Response\.json)$/,
};

interface Tally {
  offered: number;
  applied: number;
  refused: Map<string, number>;
  failures: Map<string, string[]>;
}
const tallies = new Map<RefactorKind, Tally>();
const tally = (kind: RefactorKind): Tally => {
  let t = tallies.get(kind);
  if (!t) tallies.set(kind, (t = { offered: 0, applied: 0, refused: new Map(), failures: new Map() }));
  return t;
};
const fail = (t: Tally, check: string, where: string): void => {
  t.failures.set(check, [...(t.failures.get(check) ?? []), where]);
};

function parses(file: string, text: string): boolean {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  return (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0;
}

/** The calls a function makes, by how the source names them, as a set. */
function callsOf(fn: FunctionFact): Set<string> {
  return new Set(fn.calls.filter((c) => !c.tagged && c.root !== null).map(labelOf));
}

/** A reason with its names and numbers taken out, to count alike refusals together. */
function reasonKind(reason: string): string {
  return reason.replace(/`[^`]*`/g, '`…`').replace(/\([^)]*\)/g, '(…)').replace(/\d+/g, 'N');
}

const started = Date.now();
for (const { repo } of repos) {
  const dir = path.join(checkouts, repo.replace('/', '+'));
  if (!fs.existsSync(dir)) {
    console.log(`skipped ${repo}: no checkout under ${checkouts}`);
    continue;
  }
  const disk = new NodeFileSystem();
  const overlay = new OverlayFileSystem(disk);
  const analyzer = new Analyzer(overlay);
  analyzer.loadWorkspace([disk.realPath(dir)]);
  const index = analyzer.index;
  let count = 0;
  for (const file of index.paths()) {
    const fns = [...index.actionsIn(file).filter((a) => a.kind === 'module').map((a) => a.fn), ...index.routesIn(file).filter((r) => r.fnFile === file).map((r) => r.fn)];
    for (const fn of fns) {
      if (!fn) continue;
      for (const offer of refactorOffers(index, DEFAULT_SETTINGS, file, fn.span.start)) {
        const t = tally(offer.kind);
        t.offered++;
        count++;
        const where = `${repo} ${path.relative(dir, file)}:${index.facts(file)!.lineStarts.findLastIndex((s) => s <= fn.span.start) + 1}`;
        let outcome;
        try {
          outcome = buildRefactor({ kind: offer.kind, file, offset: offer.offset }, { fs: overlay, app: index.appOf(file)!, index, settings: DEFAULT_SETTINGS });
        } catch (error) {
          fail(t, 'threw', `${where}: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        if (!outcome.ok) {
          const kind = reasonKind(outcome.reason);
          t.refused.set(kind, (t.refused.get(kind) ?? 0) + 1);
          continue;
        }
        t.applied++;
        check(t, where, offer.kind, outcome.changes, fn, analyzer, overlay);
      }
    }
  }
  console.log(`${repo}: ${count} refactors offered (${Math.round((Date.now() - started) / 1000)} s so far)`);
}

function check(t: Tally, where: string, kind: RefactorKind, changes: FileChange[], fn: FunctionFact, analyzer: Analyzer, overlay: OverlayFileSystem): void {
  const texts = new Map<string, string>();
  for (const change of changes) {
    if (change.kind === 'delete') continue;
    if (change.kind === 'create') {
      if (overlay.fileExists(change.path)) fail(t, 'overwrites a file', `${where}: ${change.path}`);
      texts.set(change.path, change.text);
    } else texts.set(change.path, applyEdits(overlay.readFile(change.path) ?? '', change.edits));
  }
  for (const [file, text] of texts) if (!parses(file, text)) fail(t, 'does not parse', `${where}: ${file}`);
  const after = new Set([...texts].flatMap(([file, text]) => extractFacts(file, text).functions.flatMap((f) => [...callsOf(f)])));
  for (const call of callsOf(fn)) if (!after.has(call) && !DOCUMENTED[kind].test(call)) fail(t, 'drops a call', `${where}: ${call}`);
  // The touched files, analysed as they would be, then put back.
  const errorsIn = (): number => [...texts.keys()].flatMap((f) => (analyzer.index.facts(f) ? analyzer.findings(f) : [])).filter((f) => f.severity === 'error').length;
  const before = errorsIn();
  const originals = new Map([...texts.keys()].map((f) => [f, overlay.fileExists(f) ? overlay.readFile(f) : undefined]));
  for (const [file, text] of texts) {
    overlay.setOpen(file, text);
    analyzer.updateFile(file, text);
  }
  const afterErrors = errorsIn();
  if (afterErrors > before) fail(t, 'adds an error-level finding', `${where}: ${before} → ${afterErrors}`);
  for (const [file, text] of originals) {
    overlay.close(file);
    if (text === undefined) analyzer.removeFile(file);
    else analyzer.updateFile(file, text);
  }
}

const rows = [...tallies].sort(([a], [b]) => a.localeCompare(b));
console.log('\n| refactor | offered | applied | refused | failing a check |');
console.log('|---|---|---|---|---|');
for (const [kind, t] of rows) {
  const refused = [...t.refused.values()].reduce((a, b) => a + b, 0);
  const failing = new Set([...t.failures.values()].flat().map((w) => w.split(': ')[0])).size;
  console.log(`| \`${kind}\` | ${t.offered} | ${t.applied} | ${refused} | ${failing} |`);
}
for (const [kind, t] of rows) {
  if (t.refused.size > 0) {
    console.log(`\n${kind}, refused:`);
    for (const [reason, n] of [...t.refused].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${reason}`);
  }
  for (const [check, list] of t.failures) {
    console.log(`\n${kind}, ${check} (${list.length}):`);
    for (const w of list.slice(0, 10)) console.log(`  ${w}`);
  }
}
fs.writeFileSync(
  path.join(ROOT, 'eval', 'refactors.json'),
  `${JSON.stringify(
    Object.fromEntries(rows.map(([kind, t]) => [kind, { offered: t.offered, applied: t.applied, refused: Object.fromEntries(t.refused), failures: Object.fromEntries(t.failures) }])),
    null,
    2,
  )}\n`,
);
console.log(`\n${Math.round((Date.now() - started) / 1000)} s`);
