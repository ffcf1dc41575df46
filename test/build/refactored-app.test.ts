import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

/**
 * The example app after a refactor, built and served by the real Next.js: the new route answers as the
 * action did, over HTTP. The copy lives inside the repository, where Turbopack finds the packages.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');
const WORK = path.join(ROOT, '.artifacts', 'build-test');
const APP = path.join(WORK, 'app');
const NEXT = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function lineOf(file: string, needle: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('the example app, refactored, built and served by Next.js', () => {
  let server: ChildProcess | undefined;
  let base = '';

  before(async () => {
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.mkdirSync(WORK, { recursive: true });
    fs.cpSync(EXAMPLE, APP, { recursive: true });
    // The example shows a 'use server' module exporting a constant, which Next.js refuses to build: fix it first, as its finding says.
    const actions = path.join(APP, 'src/app/projects/actions.ts');
    fs.writeFileSync(actions, fs.readFileSync(actions, 'utf8').replace('export const PAGE_SIZE = 20\n\n', ''));
    const refactor = spawnSync(process.execPath, [CLI, 'refactor', 'to-route', `${actions}:${lineOf(actions, 'export async function createProject')}`, '--keep-action'], { encoding: 'utf8' });
    assert.equal(refactor.status, 0, refactor.stderr);
    assert.match(refactor.stdout, /^Convert to route handler: POST \/api\/create-project, keeping the action\ncreated .*src\/app\/api\/create-project\/route\.ts\n$/);
    // And the reverse: the tasks route, which only the quick-add box fetches, becomes an action it calls.
    const tasksRoute = path.join(APP, 'src/app/api/tasks/route.ts');
    const toAction = spawnSync(process.execPath, [CLI, 'refactor', 'to-action', `${tasksRoute}:${lineOf(tasksRoute, 'export async function POST')}`], { encoding: 'utf8' });
    assert.equal(toAction.status, 0, toAction.stderr);
    assert.match(fs.readFileSync(path.join(APP, 'src/components/quick-add-task.tsx'), 'utf8'), /await createTaskAction\(projectId, title\)/);
    // And new code where the wizard puts it: a service, an action and a route, built with the rest.
    const scaffold = spawnSync(process.execPath, [CLI, 'scaffold', 'inviteMember', '--variant', 'both', '--app', APP], { encoding: 'utf8' });
    assert.equal(scaffold.status, 0, scaffold.stderr);
    assert.match(scaffold.stdout, /^Scaffold "inviteMember": a service, a Server Action and a Route Handler \(members\)\ncreated .*src\/lib\/members\/service\.ts\ncreated .*src\/app\/members\/actions\.ts\ncreated .*src\/app\/api\/members\/route\.ts\n$/);
    const build = spawnSync(process.execPath, [NEXT, 'build'], { cwd: APP, env, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stdout + build.stderr);
    assert.match(build.stdout, /ƒ \/api\/create-project/);
    assert.match(build.stdout, /ƒ \/api\/members/);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [NEXT, 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd: APP, env, stdio: 'pipe' });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/sign-in`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('next start did not answer');
  });

  after(() => {
    server?.kill();
    fs.rmSync(WORK, { recursive: true, force: true });
  });

  const post = (body: FormData, cookie?: string): Promise<Response> => fetch(`${base}/api/create-project`, { method: 'POST', body, headers: cookie ? { cookie } : {} });
  const form = (name: string): FormData => {
    const data = new FormData();
    data.set('name', name);
    return data;
  };

  it('answers 201 with the new project for a valid form from a signed-in user', async () => {
    const response = await post(form('Launch'), 'session=alice');
    assert.equal(response.status, 201);
    const body = (await response.json()) as { projectId: string };
    assert.match(body.projectId, /^[0-9a-f-]{36}$/);
  });

  it('answers 400 with the validation error for an invalid form', async () => {
    const response = await post(form('   '), 'session=alice');
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'Name is required' });
  });

  it('answers 401 without a session', async () => {
    const response = await post(form('Launch'));
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { error: 'Sign in to create a project' });
  });

  it('keeps the route that became an action, for callers outside the app', async () => {
    const response = await fetch(`${base}/api/tasks`, { method: 'POST', body: JSON.stringify({ projectId: 'p', title: 't' }) });
    assert.equal(response.status, 401);
  });

  it('serves the scaffolded route: 401 without a session, 400 for an empty name, 201 with the created record', async () => {
    const call = (body: unknown, cookie?: string): Promise<Response> => fetch(`${base}/api/members`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}) } });
    assert.equal((await call({ name: 'Ada' })).status, 401);
    const invalid = await call({ name: ' ' }, 'session=alice');
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), { error: 'Name is required' });
    const created = await call({ name: 'Ada' }, 'session=alice');
    assert.equal(created.status, 201);
    assert.equal(((await created.json()) as { name: string }).name, 'Ada');
  });

  it('still renders the form wired to the action it kept', async () => {
    const page = await (await fetch(`${base}/`, { headers: { cookie: 'session=alice' } })).text();
    assert.match(page, /<form[^>]*action=/);
    assert.match(page, /name="name"/);
  });
});
