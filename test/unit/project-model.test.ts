import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFolder, FIXTURES } from '../support/analyze';

const MONOREPO = path.join(FIXTURES, 'projects', 'monorepo');

describe('the project model on a monorepo', () => {
  const { analyzer } = analyzeFolder(MONOREPO);
  const index = analyzer.index;
  const real = (p: string) => fs.realpathSync(path.join(MONOREPO, p));
  const rel = (p: string) => path.relative(fs.realpathSync(MONOREPO), p);

  it('finds both apps, by next.config and by a next dependency', () => {
    assert.deepEqual(index.apps.map((a) => rel(a.root)).sort(), ['apps/admin', 'apps/web']);
  });

  it('reads basePath and bodySizeLimit from next.config statically', () => {
    const web = index.apps.find((a) => a.root.endsWith('apps/web'))!;
    assert.equal(web.basePath, '/web');
    assert.equal(web.bodySizeLimit, '3mb');
    assert.deepEqual(web.appDirs.map(rel), ['apps/web/src/app']);
  });

  it('maps every route handler to its URL: groups, dynamic segments, catch-alls, dot-folders, pages/api', () => {
    const routes = index.paths().flatMap((p) => index.routesIn(p)).map((r) => `${r.method} ${r.url.pattern}`).sort();
    assert.deepEqual(routes, [
      'ANY /api/legacy',
      'ANY /api/legacy/[id]',
      'DELETE /web/api/projects/[id]',
      'GET /web/.well-known/security.txt',
      'GET /web/api/auth/[...nextauth]',
      'GET /web/api/docs/[...slug]',
      'GET /web/api/files/[[...path]]',
      'GET /web/api/projects/[id]',
      'POST /api/users',
      'POST /web/api/auth/[...nextauth]',
      'POST /web/api/signup',
      'PUT /web/api/projects/[id]',
    ]);
  });

  it('skips what .gitignore ignores', () => {
    assert.ok(!index.paths().some((p) => p.includes('/generated/') || p.endsWith('.gen.ts')));
  });

  it('follows re-exports to the handler body and the wrapper around it', () => {
    const routes = index.routesIn(real('apps/web/src/app/api/projects/[id]/route.ts'));
    const del = routes.find((r) => r.method === 'DELETE')!;
    assert.equal(rel(del.fnFile), 'apps/web/src/server/project-handlers.ts');
    assert.equal(del.wrapper?.root, 'withAuth');
    assert.equal(routes.find((r) => r.method === 'PUT')!.fn?.name, 'PATCH');
  });

  it('resolves tsconfig paths (with extends) and barrel re-exports to the definition', () => {
    const signup = real('apps/web/src/app/(marketing)/api/signup/route.ts');
    const definition = index.resolveLocal(signup, 'removeProject');
    assert.equal(rel(definition!.file), 'packages/db/src/projects.ts');
  });

  it('links actions to their callers across export forms, with the call context', () => {
    const actions = real('apps/web/src/app/projects/actions/index.ts');
    const found = index.actionsIn(actions).map((a) => [a.name, index.usagesOf(a.key).map((u) => u.usage.context).join(',')]);
    assert.deepEqual(found, [
      ['create', 'render'],
      ['removeProject', 'form-action'],
      ['default', 'form-action'],
    ]);
  });

  it('matches fetch URLs to route handlers, basePath included', () => {
    const file = real('apps/web/src/app/server-fetch.ts');
    const load = index.facts(file)!.functions[0]!;
    const web = index.appOf(file)!;
    const matched = load.fetches.map((f) => (f.url?.origin === 'own' ? [...new Set(index.routesForUrl(web, f.url.path).map((r) => r.url.pattern))].join('|') : `external`));
    assert.deepEqual(matched, ['/web/api/projects/[id]', '/web/api/docs/[...slug]', '/web/api/files/[[...path]]', '', 'external']);
  });

  it('counts auth done in a wrapper of another file', () => {
    const { findings } = analyzeFolder(MONOREPO);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'route-missing-auth').map((f) => `${f.file} ${f.range}`),
      ['apps/admin/app/api/users/route.ts 3:23-3:27', 'apps/web/src/app/(marketing)/api/signup/route.ts 3:23-3:27'],
    );
  });
});

describe('hostile trees', () => {
  it('survives a symlink loop, a broken tsconfig and a broken next.config', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-loop-'));
    fs.mkdirSync(path.join(root, 'app', 'api', 'x'), { recursive: true });
    fs.writeFileSync(path.join(root, 'next.config.js'), 'module.exports = { basePath: "/a", ');
    fs.writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "paths": ');
    fs.writeFileSync(path.join(root, 'app', 'api', 'x', 'route.ts'), 'export async function GET() { return new Response(null) }\n');
    fs.symlinkSync(root, path.join(root, 'app', 'loop'));
    const { analyzer, findings } = analyzeFolder(root);
    assert.deepEqual(analyzer.index.paths().map((p) => path.basename(p)).sort(), ['route.ts']);
    assert.deepEqual(findings, []);
    const app = analyzer.index.apps[0]!;
    assert.equal(app.basePath, '');
    assert.equal(app.problems.length, 2);
    assert.match(app.problems[0]!, /next\.config\.js has a syntax error/);
    assert.match(app.problems[1]!, /tsconfig\.json/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
