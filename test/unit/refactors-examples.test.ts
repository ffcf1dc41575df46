import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { buildRefactor } from '../../server/src/analysis/fixes';
import { refactorOffers } from '../../server/src/analysis/fixes/offers';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { writeChanges } from '../../server/src/workspace/write-changes';
import { tempCopy } from '../support/temp-copy';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');

function tsc(root: string): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'), '--noEmit']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve(code === 0 ? '' : out));
  });
}

/** Every refactor offered on every action and route handler of the example app, each on its own copy. */
describe('refactors on examples/', () => {
  it('each one offered applies, or refuses with a reason, and the app still compiles under tsc', async (t) => {
    const analyzer = new Analyzer(new NodeFileSystem());
    analyzer.loadWorkspace([new NodeFileSystem().realPath(EXAMPLE)]);
    const index = analyzer.index;
    const offers = index.paths().flatMap((file) =>
      [...index.actionsIn(file).map((a) => a.fn), ...index.routesIn(file).filter((r) => r.fnFile === file).map((r) => r.fn)]
        .filter((fn) => fn !== null)
        .flatMap((fn) => refactorOffers(index, DEFAULT_SETTINGS, file, fn.span.start).map((offer) => ({ file, offer }))),
    );
    const applied: { name: string; root: string; remove(): void }[] = [];
    const refused: string[] = [];
    for (const { file, offer } of offers) {
      const copy = tempCopy(EXAMPLE);
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy.root, 'node_modules'), 'dir');
      const target = path.join(copy.root, path.relative(new NodeFileSystem().realPath(EXAMPLE), file));
      const fresh = new Analyzer(new NodeFileSystem());
      fresh.loadWorkspace([copy.root]);
      const outcome = buildRefactor({ kind: offer.kind, file: target, offset: offer.offset }, { fs: new NodeFileSystem(), app: fresh.index.appOf(target)!, index: fresh.index, settings: DEFAULT_SETTINGS });
      const name = `${offer.kind} at ${path.relative(EXAMPLE, file)}:${offer.offset}`;
      if (!outcome.ok) {
        assert.ok(outcome.reason.length > 20, `${name}: a reason the user can act on`);
        refused.push(`${name} (${outcome.reason})`);
        copy.remove();
        continue;
      }
      writeChanges(outcome.changes);
      applied.push({ name, root: copy.root, remove: copy.remove });
    }
    assert.ok(applied.length >= 10, `most offers apply (applied ${applied.length}, refused ${refused.join('; ')})`);
    // Two compilations at a time, one per core.
    const failures: string[] = [];
    for (let i = 0; i < applied.length; i += 2) {
      const batch = applied.slice(i, i + 2);
      const results = await Promise.all(batch.map((a) => tsc(a.root)));
      results.forEach((out, j) => out && failures.push(`${batch[j]!.name}:\n${out}`));
    }
    for (const a of applied) a.remove();
    t.diagnostic(`${offers.length} offered, ${applied.length} applied and compiled, ${refused.length} refused${refused.length > 0 ? `: ${refused.join('; ')}` : ''}`);
    assert.deepEqual(failures, []);
  });
});
