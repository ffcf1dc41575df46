import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brief, TestClient } from '../support/lsp-client';
import { FIXTURES } from '../support/analyze';
import { tempCopy } from '../support/temp-copy';

const ACTIONS = 'app/projects/actions.ts';
const EXPECTED = ['action-missing-auth@7:23', 'action-missing-auth@12:23'];

/** After every bad input the server is alive and still answers the known file exactly. */
describe('bad input through the protocol', () => {
  const copy = tempCopy(path.join(FIXTURES, 'rules', 'action-missing-auth', 'bad'));
  copy.write('tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": [ ');
  copy.write('next.config.js', 'module.exports = { basePath: ');
  copy.write('lib/cycle-a.ts', "export * from './cycle-b'\nexport { db } from './cycle-b'\nexport async function a() { return b() }\nimport { b } from './cycle-b'\n");
  copy.write('lib/cycle-b.ts', "export * from './cycle-a'\nexport { db } from './cycle-a'\nexport async function b() { return a() }\nimport { a } from './cycle-a'\n");
  copy.write('app/cycle/actions.ts', "'use server'\nimport { a, db } from '@/lib/cycle-a'\nexport async function run() { await a(); return db }\n");
  fs.symlinkSync(copy.root, path.join(copy.root, 'app', 'loop'));
  let client: TestClient;
  const stillAnswers = async () => {
    assert.ok(client.alive, 'the server process is alive');
    assert.deepEqual(brief(await client.diagnostics(ACTIONS)).filter((d) => d.startsWith('action-missing-auth')), EXPECTED);
  };

  before(async () => {
    client = await TestClient.started({ root: copy.root });
    await client.open(ACTIONS);
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  it('says once that the tsconfig and next.config cannot be read, and goes on', async () => {
    await stillAnswers();
    await client.waitFor(() => client.messages.length >= 2, 'two messages');
    assert.equal(client.messages.filter((m) => /tsconfig\.json/.test(m)).length, 1);
    assert.equal(client.messages.filter((m) => /next\.config\.js has a syntax error/.test(m)).length, 1);
  });

  it('survives a syntax error in the middle of an edit', async () => {
    const text = copy.read(ACTIONS);
    const half = text.replace("await db.project.delete({ where: { id } })", 'await db.project.delete({ where: { id ');
    await client.change(ACTIONS, half);
    assert.ok(Array.isArray(await client.diagnostics(ACTIONS)));
    await client.change(ACTIONS, text.slice(0, text.length / 2));
    assert.ok(Array.isArray(await client.diagnostics(ACTIONS)));
    await client.change(ACTIONS, text);
    await stillAnswers();
  });

  it('answers nothing for an empty file', async () => {
    await client.open('app/empty.ts', '');
    assert.deepEqual(await client.diagnostics('app/empty.ts'), []);
    await stillAnswers();
  });

  it('skips a 5 MB file with one message, without parsing it', async () => {
    const line = "export async function generated_N() { return 'x'.repeat(10) }\n";
    const big = Array.from({ length: Math.ceil(5_000_000 / line.length) }, (_, i) => line.replace('N', String(i))).join('');
    await client.open('app/generated.ts', big);
    assert.deepEqual(await client.diagnostics('app/generated.ts'), []);
    await client.waitFor(() => client.messages.some((m) => /generated\.ts is larger than 1000000 bytes/.test(m)), 'the large-file message');
    await client.change('app/generated.ts', `${big}// one more line\n`);
    assert.equal(client.messages.filter((m) => /generated\.ts is larger/.test(m)).length, 1);
    await stillAnswers();
  });

  it('skips binary bytes in a .ts file', async () => {
    await client.open('app/blob.ts', '\u0000\u0001\u00ff\ufffd\u0000use server');
    assert.deepEqual(await client.diagnostics('app/blob.ts'), []);
    await client.waitFor(() => client.messages.some((m) => /blob\.ts holds binary data/.test(m)), 'the binary message');
    await stillAnswers();
  });

  it('follows an import cycle without hanging', async () => {
    await client.open('app/cycle/actions.ts');
    assert.ok(Array.isArray(await client.diagnostics('app/cycle/actions.ts')));
    await stillAnswers();
  });

  it('walked the symlink loop once', async () => {
    await client.open('app/loop/app/projects/actions.ts', copy.read(ACTIONS));
    assert.ok(Array.isArray(await client.diagnostics('app/loop/app/projects/actions.ts')));
    await stillAnswers();
  });
});
