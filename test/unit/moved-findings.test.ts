import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it, mock } from 'node:test';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { RULES } from '../../server/src/analysis/rules';
import { runRules } from '../../server/src/analysis/run-rules';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { vocabularyFor } from '../../server/src/analysis/vocabulary';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { FIXTURES } from '../support/analyze';
import { seededRandom } from '../support/random';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');
const ACTIONS = path.join(EXAMPLE, 'src', 'app', 'projects', 'actions.ts');

/** Edits that move offsets only, and a few that change the code, so that both ways are taken. */
const SPACING = [' ', '\t', '  ', '/* note */', ' // note'];
const CODE = ['a', ';', '\n', '(', 'await x; ', "'use client'\n"];

/** How many times the rules ran: the first rule runs on every source file. */
function countRuns(): () => number {
  const first = RULES[0]! as { check: (context: unknown) => void };
  const check = mock.method(first, 'check');
  return () => check.mock.callCount();
}

function loaded(root: string): Analyzer {
  const analyzer = new Analyzer(new NodeFileSystem());
  analyzer.loadWorkspace([root]);
  return analyzer;
}

/** What the rules answer now, computed afresh. */
function rulesNow(analyzer: Analyzer, file: string) {
  return runRules(file, analyzer.index, DEFAULT_SETTINGS, vocabularyFor(DEFAULT_SETTINGS));
}

function edited(text: string, next: (below: number) => number): string {
  const at = next(text.length + 1);
  const choice = next(100);
  if (choice < 20) {
    // Deletes the next whitespace, if any.
    const space = text.slice(at).search(/[ \t]/);
    return space < 0 ? text : text.slice(0, at + space) + text.slice(at + space + 1);
  }
  const pieces = choice < 80 ? SPACING : CODE;
  return text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at);
}

describe('findings of an edited open document', () => {
  it('equal what the rules answer after every one of many random edits', () => {
    const runs = countRuns();
    const roots = [EXAMPLE, ...fs.readdirSync(path.join(FIXTURES, 'rules')).map((rule) => path.join(FIXTURES, 'rules', rule, 'bad'))];
    let moved = 0;
    let seed = 0;
    for (const root of roots) {
      const analyzer = loaded(root);
      for (const file of analyzer.index.paths()) {
        const random = seededRandom(++seed);
        const next = (below: number) => Math.floor(random() * below);
        let text = fs.readFileSync(file, 'utf8');
        analyzer.updateOpenFile(file, text);
        analyzer.findings(file);
        for (let step = 0; step < 8; step++) {
          const before = text;
          text = edited(text, next);
          if (text === before) continue;
          analyzer.updateOpenFile(file, text);
          const ran = runs();
          const findings = analyzer.findings(file);
          if (runs() === ran) moved++;
          assert.deepEqual(findings, rulesNow(analyzer, file), `${path.relative(FIXTURES, file)}, edit ${step} (seed ${seed})`);
        }
      }
    }
    // The rules were skipped often enough for the comparison to mean something.
    assert.ok(moved > 300, `${moved} edits moved the findings`);
    mock.restoreAll();
  });

  it('are moved without running the rules when a space is typed in a function', () => {
    const runs = countRuns();
    const analyzer = loaded(EXAMPLE);
    const text = fs.readFileSync(ACTIONS, 'utf8');
    analyzer.updateOpenFile(ACTIONS, text);
    const before = analyzer.findings(ACTIONS);
    const at = text.indexOf('  await remove(projectId)');
    analyzer.updateOpenFile(ACTIONS, `${text.slice(0, at)} ${text.slice(at)}`);
    const counted = runs();
    const after = analyzer.findings(ACTIONS);
    assert.equal(runs(), counted, 'no rule ran');
    assert.ok(before.some((f) => f.span.start > at) && before.some((f) => f.span.end < at), 'findings on both sides of the edit');
    assert.deepEqual(
      after.map((f) => f.span),
      before.map((f) => ({ start: f.span.start > at ? f.span.start + 1 : f.span.start, end: f.span.end > at ? f.span.end + 1 : f.span.end })),
    );
    assert.deepEqual(after, rulesNow(analyzer, ACTIONS));
    mock.restoreAll();
  });

  it('follow a change elsewhere in the project, made before the edit', () => {
    const analyzer = loaded(EXAMPLE);
    const text = fs.readFileSync(ACTIONS, 'utf8');
    analyzer.updateOpenFile(ACTIONS, text);
    const unused = () => analyzer.findings(ACTIONS).filter((f) => f.ruleId === 'unused-server-action').map((f) => f.message.match(/"(\w+)"/)?.[1]);
    assert.deepEqual(unused(), ['deleteProject']);
    // The only caller of createProject goes; then a space is typed in the action file.
    analyzer.updateFile(path.join(EXAMPLE, 'src', 'components', 'project-form.tsx'), '');
    const at = text.indexOf('  await remove(projectId)');
    analyzer.updateOpenFile(ACTIONS, `${text.slice(0, at)} ${text.slice(at)}`);
    assert.deepEqual(unused(), ['createProject', 'deleteProject']);
  });

  it('follow new settings', () => {
    const analyzer = loaded(EXAMPLE);
    const text = fs.readFileSync(ACTIONS, 'utf8');
    analyzer.updateOpenFile(ACTIONS, text);
    assert.ok(analyzer.findings(ACTIONS).some((f) => f.ruleId === 'unused-server-action'));
    analyzer.configure({ ...DEFAULT_SETTINGS, rules: { 'unused-server-action': 'off' } });
    const at = text.indexOf('  await remove(projectId)');
    analyzer.updateOpenFile(ACTIONS, `${text.slice(0, at)} ${text.slice(at)}`);
    assert.ok(!analyzer.findings(ACTIONS).some((f) => f.ruleId === 'unused-server-action'));
  });
});
