import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { walkSourceFiles } from '../../server/src/analysis/project/source-walker';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';

/** The walk over a repository laid out on disk, with the `.gitignore` patterns real repositories use. */
describe('.gitignore', () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-ignore-')));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    '.gitignore': [
      '# dependencies',
      '/coverage-report',
      '*.gen.ts',
      '.env*.local',
      '**/generated/**',
      '!keep.gen.ts',
      'packages/*/build-output/',
      '\\#hash.ts',
      '\\!bang.ts',
      'trailing.ts   ',
      'logs/',
      'apps/**/*.snap.ts',
    ].join('\n'),
    'coverage-report/a.ts': '',
    'src/coverage-report/kept.ts': '',
    'src/a.gen.ts': '',
    'src/keep.gen.ts': '',
    'src/prisma/generated/client/index.ts': '',
    'packages/ui/build-output/index.ts': '',
    'packages/ui/src/index.ts': '',
    '#hash.ts': '',
    '!bang.ts': '',
    'trailing.ts': '',
    'logs/x.ts': '',
    'src/logs.ts': '',
    'apps/web/deep/x.snap.ts': '',
    'apps/web/app/page.tsx': '',
    'apps/web/.gitignore': '/legacy\n!/legacy/still.ts\nsecrets/*\n!secrets/public.ts\n',
    'apps/web/legacy/old.ts': '',
    'apps/web/secrets/private.ts': '',
    'apps/web/secrets/public.ts': '',
    'apps/web/lib/legacy/kept.ts': '',
  };
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }

  it('walks exactly the files git would track', () => {
    const walked = walkSourceFiles(new NodeFileSystem(), root).map((f) => path.relative(root, f));
    assert.deepEqual(walked, [
      'apps/web/app/page.tsx',
      'apps/web/lib/legacy/kept.ts',
      'apps/web/secrets/public.ts',
      'packages/ui/src/index.ts',
      'src/coverage-report/kept.ts',
      'src/keep.gen.ts',
      'src/logs.ts',
    ]);
  });
});
