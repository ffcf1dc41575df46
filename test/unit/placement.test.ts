import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { AppInfo } from '../../server/src/analysis/project/app-locator';
import { domainOf, freeName, importSpecifier, servicePath } from '../../server/src/analysis/fixes/placement';

const app = (src: boolean): AppInfo => ({
  root: '/repo/apps/web',
  appDirs: [src ? '/repo/apps/web/src/app' : '/repo/apps/web/app'],
  pagesDirs: [],
  basePath: '',
  bodySizeLimit: '1mb',
  compilerOptions: { paths: { '@/*': [src ? './src/*' : './*'] }, pathsBasePath: '/repo/apps/web' },
  manifest: { path: '/repo/apps/web/package.json', lineStarts: [0] },
  versions: {},
  authInterrupts: false,
  configPath: null,
  dependencies: [],
  problems: [],
});

describe('where refactors put code', () => {
  it('names the domain after the function, else after the nearest named folder', () => {
    assert.equal(domainOf('createProject', '/repo/apps/web/app/x/actions.ts', app(false)), 'projects');
    assert.equal(domainOf('addActivity', '/repo/apps/web/app/x/actions.ts', app(false)), 'activities');
    assert.equal(domainOf('POST', '/repo/apps/web/app/api/projects/[id]/route.ts', app(false)), 'projects');
    assert.equal(domainOf('', '/repo/apps/web/app/(shop)/api/tasks/route.ts', app(false)), 'tasks');
    assert.equal(domainOf('', '/repo/apps/web/app/[domain]/(public)/llms.txt/route.ts', app(false)), 'llms-txt');
  });

  it('puts the service under src/ when the app keeps its code there, by the configured pattern', () => {
    assert.equal(servicePath(app(true), 'projects'), '/repo/apps/web/src/lib/projects/service.ts');
    assert.equal(servicePath(app(false), 'projects'), '/repo/apps/web/lib/projects/service.ts');
    assert.equal(servicePath(app(false), 'projects', 'server/{domain}.ts'), '/repo/apps/web/server/projects.ts');
  });

  it('imports through the path alias when it covers the target, else relatively', () => {
    assert.equal(importSpecifier(app(true), '/repo/apps/web/src/app/api/x/route.ts', '/repo/apps/web/src/lib/projects/service.ts'), '@/lib/projects/service');
    assert.equal(importSpecifier(app(true), '/repo/apps/web/src/app/api/x/route.ts', '/repo/apps/web/src/lib/db/index.ts'), '@/lib/db');
    assert.equal(importSpecifier(app(true), '/repo/apps/web/scripts/seed.ts', '/repo/apps/web/scripts/data.ts'), './data');
  });

  it('picks a free name', () => {
    const taken = new Set(['createProject', 'createProject2']);
    assert.equal(freeName('createProject', (n) => taken.has(n)), 'createProject3');
    assert.equal(freeName('listProjects', (n) => taken.has(n)), 'listProjects');
  });
});
