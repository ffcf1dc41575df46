import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/analysis/analyzer';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { FIXTURES } from './analyze';

const ROOT = path.resolve(__dirname, '..', '..');
/** The project every refactor and fix fixture starts from: a Next.js app with auth, a database, Stripe. */
const BASE = path.join(FIXTURES, 'refactors', '_base');

export function listFiles(root: string, under = ''): string[] {
  if (!fs.existsSync(path.join(root, under))) return [];
  return fs.readdirSync(path.join(root, under), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(root, path.join(under, e.name)) : e.name === 'node_modules' ? [] : [path.join(under, e.name)]));
}

/** A project in a temporary folder: the shared base, then `before` (a fixture's folder); `eol` rewrites line ends. */
export function fixtureProject(before: string, eol = '\n'): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-fixture-')));
  for (const from of [BASE, before]) {
    for (const file of listFiles(from)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), fs.readFileSync(path.join(from, file), 'utf8').replace(/\n/g, eol));
    }
  }
  // The packages are installed, as in any project: the type checker reads next's, react's and zod's types.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

export function analyzeProject(root: string): Analyzer {
  const analyzer = new Analyzer(new NodeFileSystem());
  analyzer.loadWorkspace([root]);
  return analyzer;
}

/** What `tsc --noEmit` says about the project: nothing when it compiles. */
export function tsc(root: string): string {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
  return result.status === 0 ? '' : result.stdout + result.stderr;
}

/**
 * The files `touched` in `root` are exactly those of `afterDir`, with their texts. `UPDATE_EXPECTED=1`
 * rewrites `afterDir` from `root` first, to be reviewed in the diff.
 */
export function assertAfter(root: string, touched: string[], afterDir: string): void {
  if (process.env.UPDATE_EXPECTED) {
    fs.rmSync(afterDir, { recursive: true, force: true });
    for (const f of touched) {
      fs.mkdirSync(path.dirname(path.join(afterDir, f)), { recursive: true });
      fs.copyFileSync(path.join(root, f), path.join(afterDir, f));
    }
  }
  assert.deepEqual(touched, listFiles(afterDir).sort());
  for (const f of touched) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), fs.readFileSync(path.join(afterDir, f), 'utf8'), f);
}
