import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { describeApp } from '../../server/src/analysis/project/app-locator';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';

/** A workspace of files on disk; answers its root. */
function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-versions-')));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** `name@version (major, source)` of the app at `app`, for each package it knows. */
function versionsOf(root: string, app = ''): string[] {
  const info = describeApp(new NodeFileSystem(), path.join(root, app).replace(/\/$/, ''));
  fs.rmSync(root, { recursive: true, force: true });
  return Object.values(info.versions).map((v) => `${v.name}@${v.version ?? '?'} (${v.major ?? '?'}, ${v.source})`);
}

const manifest = (dependencies: Record<string, string>, extra: Record<string, unknown> = {}): string => JSON.stringify({ name: 'app', ...extra, dependencies });

describe('the versions of next and react an app installs', () => {
  it('are the exact pins of package.json when there is no lockfile, and only the major of a range that allows one', () => {
    const root = workspace({ 'package.json': manifest({ next: '15.2.3', react: '^19.1.0', 'react-dom': '>=18' }) });
    assert.deepEqual(versionsOf(root), ['next@15.2.3 (15, package.json)', 'react@? (19, package.json)', 'react-dom@? (?, package.json)']);
  });

  it("are read from npm's lockfile, the app's own copy before the hoisted one", () => {
    const root = workspace({
      'package.json': manifest({}, { workspaces: ['apps/*'] }),
      'apps/web/package.json': manifest({ next: '^14.2.0', react: '^18' }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/next': { version: '15.0.0' }, 'apps/web/node_modules/next': { version: '14.2.35' }, 'node_modules/react': { version: '18.3.1' } },
      }),
    });
    assert.deepEqual(versionsOf(root, 'apps/web'), ['next@14.2.35 (14, package-lock.json)', 'react@18.3.1 (18, package-lock.json)']);
  });

  it("are read from pnpm's lockfile, by the app's importer, in the formats of lockfile v9 and v5", () => {
    const v9 = workspace({
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n",
      'apps/web/package.json': manifest({ next: 'catalog:', '@clerk/nextjs': '^6.0.0' }),
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'",
        'importers:',
        '  .: {}',
        '  apps/web:',
        '    dependencies:',
        "      '@clerk/nextjs':",
        '        specifier: ^6.0.0',
        '        version: 6.12.0(next@16.0.10(react@19.2.1))(react@19.2.1)',
        '      next:',
        '        specifier: catalog:',
        '        version: 16.0.10(@babel/core@7.26.0)(react-dom@19.2.1(react@19.2.1))(react@19.2.1)',
      ].join('\n'),
    });
    assert.deepEqual(versionsOf(v9, 'apps/web'), ['next@16.0.10 (16, pnpm-lock.yaml)', '@clerk/nextjs@6.12.0 (6, pnpm-lock.yaml)']);
    const v5 = workspace({ 'package.json': manifest({ next: '^13.4.0' }), 'pnpm-lock.yaml': "lockfileVersion: 5.4\n\nspecifiers:\n  next: ^13.4.0\n\ndependencies:\n  next: 13.4.19_biqbaboplfbrettd7655fr4n2y\n" });
    assert.deepEqual(versionsOf(v5), ['next@13.4.19 (13, pnpm-lock.yaml)']);
  });

  it("are read from yarn's lockfile, classic and berry, by the range package.json asks for", () => {
    const classic = workspace({
      'package.json': manifest({ next: '^15.1.0' }),
      'yarn.lock': '# yarn lockfile v1\n\n\n"next@^15.1.0", next@^15.2.0:\n  version "15.2.4"\n  resolved "https://registry.yarnpkg.com/next/-/next-15.2.4.tgz"\n\nnext@14.2.5:\n  version "14.2.5"\n',
    });
    assert.deepEqual(versionsOf(classic), ['next@15.2.4 (15, yarn.lock)']);
    const berry = workspace({ 'package.json': manifest({ next: '^16.0.0' }), 'yarn.lock': '__metadata:\n  version: 8\n\n"next@npm:^16.0.0":\n  version: 16.1.1\n  resolution: "next@npm:16.1.1"\n' });
    assert.deepEqual(versionsOf(berry), ['next@16.1.1 (16, yarn.lock)']);
  });

  it("are read from bun's text lockfile", () => {
    const root = workspace({ 'package.json': manifest({ next: '^15' }), 'bun.lock': '{\n  "lockfileVersion": 1,\n  "packages": {\n    "next": ["next@15.5.2", "", {}, "sha512-x"],\n  },\n}\n' });
    assert.deepEqual(versionsOf(root), ['next@15.5.2 (15, bun.lock)']);
  });

  it('ignore a lockfile above the app that no workspace root lists it in', () => {
    const root = workspace({
      'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/next': { version: '12.0.0' } } }),
      'sites/blog/package.json': manifest({ next: '^15.0.0' }),
    });
    assert.deepEqual(versionsOf(root, 'sites/blog'), ['next@? (15, package.json)']);
  });

  it('say nothing of a package.json that does not parse, and of a lockfile that does not either', () => {
    assert.deepEqual(versionsOf(workspace({ 'package.json': '{ "dependencies": { "next": ' })), []);
    assert.deepEqual(versionsOf(workspace({ 'package.json': manifest({ next: '^15.0.0' }), 'package-lock.json': '{ not json' })), ['next@? (15, package.json)']);
  });
});
