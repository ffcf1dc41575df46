import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { buildRefactor } from '../../server/src/analysis/fixes';
import { refactorOffers } from '../../server/src/analysis/fixes/offers';
import type { RefactorKind, RefactorOutcome } from '../../server/src/analysis/fixes/refactor';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { writeChanges } from '../../server/src/workspace/write-changes';
import { FIXTURES } from '../support/analyze';

/**
 * Each folder of test/fixtures/refactors is a project (`before/` over the shared `_base/`) and the
 * refactors of its `refactor.json`, applied one after the other as a user would; `after/` holds every
 * file they create or change, exactly. `UPDATE_EXPECTED=1` rewrites `after/`, to be reviewed in the diff.
 */
const DIR = path.join(FIXTURES, 'refactors');
const ROOT = path.resolve(__dirname, '..', '..');

interface Step {
  kind: RefactorKind;
  file: string;
  line: number;
}

function listFiles(root: string, under = ''): string[] {
  if (!fs.existsSync(path.join(root, under))) return [];
  return fs.readdirSync(path.join(root, under), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(root, path.join(under, e.name)) : e.name === 'node_modules' ? [] : [path.join(under, e.name)]));
}

/** A project in a temporary folder: the shared base, then the fixture's own files; `eol` rewrites line ends. */
function project(fixture: string, eol = '\n'): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-refactor-')));
  for (const from of [path.join(DIR, '_base'), path.join(DIR, fixture, 'before')]) {
    for (const file of listFiles(from)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), fs.readFileSync(path.join(from, file), 'utf8').replace(/\n/g, eol));
    }
  }
  // The packages are installed, as in any project: the type checker reads next's, react's and zod's types.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

function analyze(root: string): Analyzer {
  const analyzer = new Analyzer(new NodeFileSystem());
  analyzer.loadWorkspace([root]);
  return analyzer;
}

/** The refactor of the function at a line, as the checker's `refactor <kind> <file>:<line>` asks for it. */
function run(root: string, step: Step): RefactorOutcome {
  const analyzer = analyze(root);
  const file = path.join(root, step.file);
  const text = fs.readFileSync(file, 'utf8');
  const lineStart = analyzer.index.facts(file)!.lineStarts[step.line - 1]!;
  const offset = lineStart + /^\s*/.exec(text.slice(lineStart))![0].length;
  return buildRefactor({ kind: step.kind, file, offset }, { fs: new NodeFileSystem(), app: analyzer.index.appOf(file)!, index: analyzer.index, settings: DEFAULT_SETTINGS });
}

function applyAll(root: string, steps: Step[]): string[] {
  const touched = new Set<string>();
  for (const step of steps) {
    const outcome = run(root, step);
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    const { created, changed } = writeChanges(outcome.changes);
    for (const p of [...created, ...changed]) touched.add(path.relative(root, p));
  }
  return [...touched].sort();
}

function findingsOf(root: string, rule: string): number {
  const analyzer = analyze(root);
  return analyzer.index.paths().flatMap((p) => analyzer.findings(p)).filter((f) => f.ruleId === rule).length;
}

const fixtures = fs.readdirSync(DIR).filter((name) => !name.startsWith('_')).sort();

for (const fixture of fixtures) {
  const spec = JSON.parse(fs.readFileSync(path.join(DIR, fixture, 'refactor.json'), 'utf8')) as { steps: Step[]; removes: string[] };
  const afterDir = path.join(DIR, fixture, 'after');

  describe(`refactor ${fixture}`, () => {
    it('creates and changes exactly the files of after/, and touches nothing else', () => {
      const root = project(fixture);
      const before = new Map(listFiles(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
      const touched = applyAll(root, spec.steps);
      if (process.env.UPDATE_EXPECTED) {
        fs.rmSync(afterDir, { recursive: true, force: true });
        for (const f of touched) {
          fs.mkdirSync(path.dirname(path.join(afterDir, f)), { recursive: true });
          fs.copyFileSync(path.join(root, f), path.join(afterDir, f));
        }
      }
      assert.deepEqual(touched, listFiles(afterDir).sort());
      for (const f of touched) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), fs.readFileSync(path.join(afterDir, f), 'utf8'), f);
      for (const [f, text] of before) if (!touched.includes(f)) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), text, `${f} is left as it was`);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('keeps CRLF line ends in a CRLF project', () => {
      const root = project(fixture, '\r\n');
      const touched = applyAll(root, spec.steps);
      for (const f of touched) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), fs.readFileSync(path.join(afterDir, f), 'utf8').replace(/\n/g, '\r\n'), f);
      fs.rmSync(root, { recursive: true, force: true });
    });

    if (spec.removes.length > 0) {
      it(`removes the findings it remedies (${spec.removes.join(', ')})`, () => {
        const root = project(fixture);
        for (const rule of spec.removes) assert.ok(findingsOf(root, rule) > 0, `the fixture has a ${rule} finding to remove`);
        applyAll(root, spec.steps);
        for (const rule of spec.removes) assert.equal(findingsOf(root, rule), 0, rule);
        fs.rmSync(root, { recursive: true, force: true });
      });
    }

    it('compiles under tsc against the real next, react and zod types, before and after', () => {
      const root = project(fixture);
      const tsc = (): string => {
        const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
        return result.status === 0 ? '' : result.stdout + result.stderr;
      };
      assert.equal(tsc(), '', 'the fixture compiles before');
      applyAll(root, spec.steps);
      assert.equal(tsc(), '', 'and after the refactor');
      fs.rmSync(root, { recursive: true, force: true });
    });
  });
}
