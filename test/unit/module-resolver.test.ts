import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ModuleResolver } from '../../server/src/analysis/project/module-resolver';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';

/** The disk, counting how often each path is asked about. */
class CountingFileSystem extends NodeFileSystem {
  readonly asked = new Map<string, number>();

  private count(kind: string, p: string): void {
    const key = `${kind} ${p}`;
    this.asked.set(key, (this.asked.get(key) ?? 0) + 1);
  }

  override fileExists(p: string): boolean {
    this.count('file', p);
    return super.fileExists(p);
  }

  override directoryExists(p: string): boolean {
    this.count('folder', p);
    return super.directoryExists(p);
  }

  override realPath(p: string): string {
    this.count('realpath', p);
    return super.realPath(p);
  }
}

const made: string[] = [];

function project(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-resolver-')));
  made.push(root);
  fs.mkdirSync(path.join(root, 'lib'));
  fs.writeFileSync(path.join(root, 'lib', 'db.ts'), 'export const db = {};\n');
  for (const name of ['a', 'b', 'c']) fs.writeFileSync(path.join(root, `${name}.ts`), "import { db } from './lib/db';\n");
  return root;
}

describe('module resolution', () => {
  after(() => made.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('asks the file system about each path once, however many files import the same modules', () => {
    const root = project();
    const disk = new CountingFileSystem();
    const resolver = new ModuleResolver(disk);
    for (const name of ['a', 'b', 'c']) {
      const from = path.join(root, `${name}.ts`);
      assert.deepEqual(resolver.resolve('./lib/db', from, null), { kind: 'file', path: path.join(root, 'lib', 'db.ts') });
      assert.deepEqual(resolver.resolve('./lib/missing', from, null), { kind: 'unresolved' });
      assert.deepEqual(resolver.resolve('left-pad', from, null), { kind: 'external', module: 'left-pad' });
    }
    const repeated = [...disk.asked].filter(([, n]) => n > 1);
    assert.deepEqual(repeated, []);
    assert.ok(disk.asked.size > 10, `only ${disk.asked.size} paths were asked about`);
  });

  it('forgets the answers when cleared: a file that appears is found', () => {
    const root = project();
    const resolver = new ModuleResolver(new NodeFileSystem());
    const from = path.join(root, 'a.ts');
    assert.deepEqual(resolver.resolve('./lib/auth', from, null), { kind: 'unresolved' });
    fs.writeFileSync(path.join(root, 'lib', 'auth.ts'), 'export const auth = 1;\n');
    resolver.clear();
    assert.deepEqual(resolver.resolve('./lib/auth', from, null), { kind: 'file', path: path.join(root, 'lib', 'auth.ts') });
  });
});
