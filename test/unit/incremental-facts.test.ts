import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { extractFacts } from '../../server/src/analysis/facts/extract-facts';
import { blankRunOf } from '../../server/src/analysis/facts/blank-edit';
import { changedRange, isSourceFile, parseSource } from '../../server/src/analysis/facts/parse';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { FIXTURES } from '../support/analyze';
import { seededRandom } from '../support/random';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** What gets typed: characters that open and close constructs, and pieces that change facts. */
const SNIPPETS = [
  ' ', 'a', '\n', ';', '{', '}', '(', ')', "'", '"', '`', '/*', '*/', '// ', ',', '=> ',
  'try { ', ' } catch (e) { throw e }', 'async ', "'use server'; ", "'use client'\n", 'export ',
  'await fetch(url); ', 'function helper() { return db.item.create({}) } ', 'if (!session) ',
  'throw new Error("invalid input"); ', 'return NextResponse.json({ error: "missing" }, { status: 400 }); ',
  'import { redirect } from "next/navigation"\n', 'const action = async () => { "use server"; await db.x.delete() }\n',
];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return isSourceFile(full) ? [full] : [];
  });
}

/** Integers below a bound from a seeded generator, so that a failure can be replayed. */
function random(seed: number): (below: number) => number {
  const next = seededRandom(seed);
  return (below) => Math.floor(next() * below);
}

function edited(text: string, original: string, next: (below: number) => number): string {
  const choice = next(100);
  if (choice < 10) return original;
  const at = next(text.length + 1);
  if (choice < 40) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + next(12)));
  const lineStart = choice < 55 ? text.lastIndexOf('\n', at - 1) + 1 : at;
  return text.slice(0, lineStart) + SNIPPETS[next(SNIPPETS.length)] + text.slice(lineStart);
}

describe('facts of an edited open document', () => {
  it('equal the facts of a fresh parse after every one of many random edits', () => {
    const files = [...sourceFiles(EXAMPLES), ...sourceFiles(FIXTURES)];
    assert.ok(files.length > 300, `${files.length} files`);
    let reused = 0;
    files.forEach((file, index) => {
      const analyzer = new Analyzer(new NodeFileSystem());
      const original = fs.readFileSync(file, 'utf8');
      const next = random(index + 1);
      let text = original;
      // Half the files open as the scan read them: the first edit then starts from the scan's facts.
      if (index % 2 === 0) analyzer.ingest(extractFacts(file, text));
      let before = analyzer.updateOpenFile(file, text);
      for (let step = 0; step < 12; step++) {
        text = edited(text, original, next);
        const facts = analyzer.updateOpenFile(file, text);
        assert.deepEqual(facts, extractFacts(file, text, facts.hash), `${file}, edit ${step} (seed ${index + 1})`);
        reused += facts.functions.filter((f) => before.functions.includes(f)).length;
        before = facts;
      }
    });
    // Functions before an edit keep their very facts: the reuse is exercised, not only its absence.
    assert.ok(reused > 100, `${reused} functions kept their facts`);
  });

  it('equal the facts of a fresh parse after many edits of blanks, most of them moved without a walk', () => {
    const files = [...sourceFiles(EXAMPLES), ...sourceFiles(FIXTURES)];
    let moved = 0;
    let edits = 0;
    files.forEach((file, index) => {
      const analyzer = new Analyzer(new NodeFileSystem());
      const next = random(index + 1);
      let text = fs.readFileSync(file, 'utf8');
      analyzer.ingest(extractFacts(file, text));
      analyzer.updateOpenFile(file, text);
      for (let step = 0; step < 8; step++) {
        const from = next(text.length);
        const blank = text.slice(from).search(/[ \t]/);
        if (blank < 0) continue;
        const at = from + blank;
        const before = text;
        text = next(2) === 0 ? text.slice(0, at) + (next(2) === 0 ? ' ' : '\t') + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        const facts = analyzer.updateOpenFile(file, text);
        assert.deepEqual(facts, extractFacts(file, text, facts.hash), `${file}, edit ${step} (seed ${index + 1})`);
        edits++;
        if (blankRunOf(parseSource(file, before), changedRange(before, text), text)) moved++;
      }
    });
    assert.ok(moved > edits / 3, `${moved} of ${edits} edits moved the facts`);
  });

  it('keep the facts of the functions the edit did not reach, and move those after it', () => {
    const analyzer = new Analyzer(new NodeFileSystem());
    const file = path.join(EXAMPLES, 'project-tracker', 'src', 'app', 'projects', 'actions.ts');
    const text = fs.readFileSync(file, 'utf8');
    const before = analyzer.updateOpenFile(file, text);
    assert.ok(before.functions.length >= 3, 'the file has functions on both sides of the edit');
    const second = before.functions[1]!;
    const inside = text.indexOf('{', second.span.start) + 1;
    const typed = '\n  const unused = 1';
    const editedText = text.slice(0, inside) + typed + text.slice(inside);
    const after = analyzer.updateOpenFile(file, editedText);
    assert.equal(after.functions[0], before.functions[0]);
    assert.notDeepEqual(after.functions[1], second);
    assert.equal(after.functions[2]!.span.start, before.functions[2]!.span.start + typed.length);
    assert.deepEqual(after, extractFacts(file, editedText, after.hash));
  });

  it('follow a constant outside a function that fetches it', () => {
    const analyzer = new Analyzer(new NodeFileSystem());
    const file = path.join(EXAMPLES, 'project-tracker', 'src', 'app', 'page.tsx');
    const text = (url: string) => `const API = '${url}'\nexport default async function Page() {\n  return fetch(API)\n}\n`;
    analyzer.updateOpenFile(file, text('/api/tasks'));
    const facts = analyzer.updateOpenFile(file, text('/api/projects'));
    assert.deepEqual(facts, extractFacts(file, text('/api/projects'), facts.hash));
    assert.deepEqual(facts.functions[0]!.fetches.map((f) => f.url?.path), ['/api/projects']);
  });
});
