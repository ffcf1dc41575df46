import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { blankRunOf } from '../../server/src/analysis/facts/blank-edit';
import { changedRange, parseSource } from '../../server/src/analysis/facts/parse';

/** The run `blankRunOf` finds when `typed` replaces the text between the two `|` of `marked`, shown as `[run]` in the text before. */
function runOf(marked: string, typed: string, file = 'a.tsx'): string | null {
  const [before, removed, after] = marked.split('|') as [string, string, string];
  const old = before + removed + after;
  const text = before + typed + after;
  const run = blankRunOf(parseSource(file, old), changedRange(old, text), text);
  return run && `${old.slice(0, run.start)}[${old.slice(run.start, run.end)}]${old.slice(run.end)}`;
}

describe('an edit of blanks between tokens', () => {
  it('is the run of spaces and tabs it resized', () => {
    assert.equal(runOf('const a = || 1', ' '), 'const a =[  ]1');
    assert.equal(runOf('function f() {\n  || return 1\n}', ' '), 'function f() {\n[   ]return 1\n}');
    assert.equal(runOf('function f() {\n\t|\t|return 1\n}', ''), 'function f() {\n[\t\t]return 1\n}');
    assert.equal(runOf('const s = `${ || a }`', ' '), 'const s = `${[  ]a }`');
    assert.equal(runOf('const a = 1   ||', ' '), 'const a = 1[   ]');
  });

  it('is none inside a string, a template, a comment or JSX text', () => {
    assert.equal(runOf("const s = 'a ||b'", ' '), null);
    assert.equal(runOf('const s = `a ||b`', ' '), null);
    assert.equal(runOf('const a = 1 /* a ||b */', ' '), null);
    assert.equal(runOf('// next-action-advisor-disable-next-line ||x\nconst a = 1', ' '), null);
    assert.equal(runOf('const p = <p> ||hi</p>', ' '), null);
    assert.equal(runOf('const r = / ||a/', ' '), null);
  });

  it('is none inside what the facts keep as text: a binding pattern, a type, a condition', () => {
    assert.equal(runOf('function f({ a, ||b }: P) {}', ' '), null);
    assert.equal(runOf('const f = form.get("f") as { name: ||string }', ' '), null);
    assert.equal(runOf('const u = a && ||b ? "/x" : "/y"', ' '), null);
  });

  it('is none where tokens would meet or split, or lines change', () => {
    assert.equal(runOf('const a =| |1', ''), null);
    assert.equal(runOf('f(||a)', ' '), null);
    assert.equal(runOf('const ab|| = 1', ' '), null);
    assert.equal(runOf('const a = 1|| ', '\n'), null);
    assert.equal(runOf('const a = 1 ||', 'x'), null);
  });
});
