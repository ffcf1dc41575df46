import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Analyzer } from '../../server/src/analysis/analyzer';
import { buildRuleFix } from '../../server/src/analysis/fixes';
import type { RefactorOutcome } from '../../server/src/analysis/fixes/refactor';
import { ruleFixOffers } from '../../server/src/analysis/fixes/rule-fix-offers';
import { positionOf } from '../../server/src/analysis/positions';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import type { Finding } from '../../server/src/analysis/types';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { writeChanges } from '../../server/src/workspace/write-changes';
import { FIXTURES } from '../support/analyze';
import { analyzeProject, fixtureProject, listFiles, tsc } from '../support/fixture-project';

/**
 * Each folder of test/fixtures/fixes is a project (`before/` over the refactors' `_base/`) and, in
 * `fix.json`, the fix applied to the finding of `rule` at `file:line`; `after/` holds every file it
 * changes or creates, exactly. `UPDATE_EXPECTED=1` rewrites `after/`, to be reviewed in the diff.
 */
const DIR = path.join(FIXTURES, 'fixes');

interface FixSpec {
  fix: string;
  rule: string;
  file: string;
  line: number;
}

/** The finding of `rule` on that 1-based line. */
function findingAt(analyzer: Analyzer, root: string, spec: FixSpec): Finding | undefined {
  const file = path.join(root, spec.file);
  const starts = analyzer.index.facts(file)?.lineStarts ?? [0];
  return analyzer.findings(file).find((f) => f.ruleId === spec.rule && positionOf(starts, f.span.start).line + 1 === spec.line);
}

function build(analyzer: Analyzer, finding: Finding, fix: string): RefactorOutcome {
  return buildRuleFix({ fix, finding }, { fs: new NodeFileSystem(), app: analyzer.index.appOf(finding.file)!, index: analyzer.index, settings: DEFAULT_SETTINGS });
}

/** Applies the fix on disk; answers the files it changed or created. */
function apply(root: string, spec: FixSpec): string[] {
  const analyzer = analyzeProject(root);
  const finding = findingAt(analyzer, root, spec);
  assert.ok(finding, `a ${spec.rule} finding on ${spec.file}:${spec.line}`);
  const offers = ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS });
  assert.ok(offers.some((o) => o.fix === spec.fix && !o.disabled), `${spec.fix} is offered: ${offers.map((o) => o.fix).join(', ')}`);
  const outcome = build(analyzer, finding, spec.fix);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  const written = writeChanges(outcome.changes);
  return [...written.created, ...written.changed].map((p) => path.relative(root, p)).sort();
}

function ruleFindings(root: string, rule?: string): string[] {
  const analyzer = analyzeProject(root);
  return analyzer.index
    .paths()
    .flatMap((p) => analyzer.findings(p))
    .filter((f) => rule === undefined || f.ruleId === rule)
    .map((f) => `${path.relative(root, f.file)}:${f.ruleId}`)
    .sort();
}

const fixtures = fs.existsSync(DIR) ? fs.readdirSync(DIR).sort() : [];

for (const fixture of fixtures) {
  const spec = JSON.parse(fs.readFileSync(path.join(DIR, fixture, 'fix.json'), 'utf8')) as FixSpec;
  const before = path.join(DIR, fixture, 'before');
  const afterDir = path.join(DIR, fixture, 'after');

  describe(`fix ${fixture} (${spec.fix})`, () => {
    it('changes exactly the files of after/, to their text, and touches nothing else', () => {
      const root = fixtureProject(before);
      const original = new Map(listFiles(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
      const touched = apply(root, spec);
      if (process.env.UPDATE_EXPECTED) {
        fs.rmSync(afterDir, { recursive: true, force: true });
        for (const f of touched) {
          fs.mkdirSync(path.dirname(path.join(afterDir, f)), { recursive: true });
          fs.copyFileSync(path.join(root, f), path.join(afterDir, f));
        }
      }
      assert.deepEqual(touched, listFiles(afterDir).sort());
      for (const f of touched) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), fs.readFileSync(path.join(afterDir, f), 'utf8'), f);
      for (const [f, text] of original) if (!touched.includes(f)) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), text, `${f} is left as it was`);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('removes the finding, adds none, and offers nothing more there', () => {
      const root = fixtureProject(before);
      const others = ruleFindings(root).filter((f) => !f.endsWith(`:${spec.rule}`));
      const count = ruleFindings(root, spec.rule).length;
      apply(root, spec);
      assert.equal(ruleFindings(root, spec.rule).length, count - 1, `one ${spec.rule} finding fewer`);
      assert.deepEqual(ruleFindings(root).filter((f) => !f.endsWith(`:${spec.rule}`)), others, 'no new finding');
      assert.equal(findingAt(analyzeProject(root), root, spec), undefined, 'nothing left to fix on that line');
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('keeps CRLF line ends in a CRLF project', () => {
      const root = fixtureProject(before, '\r\n');
      for (const f of apply(root, spec)) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), fs.readFileSync(path.join(afterDir, f), 'utf8').replace(/\n/g, '\r\n'), f);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('compiles under tsc against the real next, react and zod types, before and after', () => {
      const root = fixtureProject(before);
      assert.equal(tsc(root), '', 'the fixture compiles before');
      apply(root, spec);
      assert.equal(tsc(root), '', 'and after the fix');
      fs.rmSync(root, { recursive: true, force: true });
    });
  });
}

describe('fixes of the rules, on their clean twins', () => {
  it('offer nothing where the rules find nothing', () => {
    const good = fs.readdirSync(path.join(FIXTURES, 'rules')).map((rule) => path.join(FIXTURES, 'rules', rule, 'good'));
    for (const root of good.filter((g) => fs.existsSync(g))) {
      const analyzer = analyzeProject(root);
      const offered = analyzer.index.paths().flatMap((p) => analyzer.findings(p)).flatMap((f) => ruleFixOffers(f, { index: analyzer.index, settings: DEFAULT_SETTINGS }));
      assert.deepEqual(offered, [], root);
    }
  });
});

