import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DECIDE_REQUEST, SCAFFOLD_REQUEST, type DecideParams, type DecideResult, type ScaffoldParams, type ScaffoldResult } from '../../server/src/protocol';
import { serverOnCopy, uri } from '../support/lsp-client';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');
const CLI = path.join(ROOT, 'dist', 'cli.js');

describe('the decision over the protocol, pre-filled from the code', () => {
  const server = serverOnCopy(EXAMPLE);
  const { copy } = server;

  /** The decision with the cursor at the start of a line's code: each inferred answer with its evidence, the choice and the refactor. */
  const decideAt = async (relative: string, line: number): Promise<{ inferred: string[]; choice: string | undefined; refactor: string | undefined }> => {
    await server.client.open(relative);
    const character = fs.readFileSync(path.join(copy.root, relative), 'utf8').split('\n')[line - 1]!.search(/\S/);
    const result = (await server.client.connection.sendRequest(DECIDE_REQUEST, { textDocument: { uri: uri(path.join(copy.root, relative)) }, position: { line: line - 1, character } } satisfies DecideParams)) as DecideResult;
    const shown = (u: string): string => path.relative(copy.root, decodeURIComponent(new URL(u).pathname));
    return {
      inferred: result.questions.flatMap((q) => (q.inferred ? [`${q.id}=${q.inferred.value}: ${q.inferred.evidence.map((e) => `${shown(e.file)}:${e.line} ${e.what}`).join('; ')}`] : [])),
      choice: result.recommendation?.choice,
      refactor: result.refactor?.kind,
    };
  };

  it('an action that reads a webhook signature header: a Route Handler, by converting it', async () => {
    assert.deepEqual(await decideAt('src/app/billing/actions.ts', 7), {
      inferred: ['callers=webhook: src/app/billing/actions.ts:8 reads the `stripe-signature` header'],
      choice: 'route-handler',
      refactor: 'to-route',
    });
  });

  it('a form action that revalidates: a Server Action, as it is', async () => {
    assert.deepEqual(await decideAt('src/app/projects/[projectId]/tasks/actions.ts', 8), {
      inferred: [
        'callers=own-ui: src/components/new-task-form.tsx:7 a form of this app submits to it',
        'operation=mutation: src/app/projects/[projectId]/tasks/actions.ts:15 writes: `db.task.create`; src/app/projects/[projectId]/tasks/actions.ts:17 writes: `db.project.update`',
        'payload=small: src/app/projects/[projectId]/tasks/actions.ts:8 receives fields, no file',
        'httpControl=no: src/app/projects/[projectId]/tasks/actions.ts:8 returns values, no status codes or headers',
        'noJavaScript=yes: src/components/new-task-form.tsx:7 a form binds it: it submits before JavaScript loads',
        'optimistic=no: src/components/new-task-form.tsx:7 its caller waits for the answer (no `useOptimistic`)',
      ],
      choice: 'server-action',
      refactor: undefined,
    });
  });

  it("a route only this app's components fetch: a Server Action, by converting it", async () => {
    assert.deepEqual(await decideAt('src/app/api/tasks/route.ts', 5), {
      inferred: [
        'callers=own-ui: src/components/quick-add-task.tsx:11 this app fetches it',
        'operation=mutation: src/app/api/tasks/route.ts:9 writes: `createTask`',
        'payload=small: src/app/api/tasks/route.ts:5 receives fields, no file',
        'httpControl=no: src/app/api/tasks/route.ts:5 its statuses (401, 201) say what a returned value can say, and it sets no headers',
        'noJavaScript=no: src/components/quick-add-task.tsx:11 called from script: it needs JavaScript already',
        'optimistic=no: src/components/quick-add-task.tsx:11 its caller waits for the answer (no `useOptimistic`)',
      ],
      choice: 'server-action',
      refactor: 'to-action',
    });
  });

  it('a route that takes a bearer token: a Route Handler, as it is', async () => {
    assert.deepEqual(await decideAt('src/app/(mobile)/api/mobile/tasks/[taskId]/route.ts', 6), {
      inferred: [
        'callers=external-client: src/app/(mobile)/api/mobile/tasks/[taskId]/route.ts:7 reads the `authorization` header',
        'operation=mutation: src/app/(mobile)/api/mobile/tasks/[taskId]/route.ts:9 writes: `completeTask`',
      ],
      choice: 'route-handler',
      refactor: undefined,
    });
  });

  it('a GET route that this app and a mobile client both call: both, over one service, which it calls already', async () => {
    assert.deepEqual(await decideAt('src/app/api/projects/route.ts', 9), {
      inferred: [
        'callers=own-ui-and-others: src/app/projects/page.tsx:4 this app fetches it; src/app/api/projects/route.ts:10 reads the `authorization` header',
        'operation=read: src/app/api/projects/route.ts:9 answers GET and writes nothing',
        'cdnCache=yes: src/app/api/projects/route.ts:12 sets `cache-control`',
      ],
      choice: 'both',
      refactor: undefined,
    });
  });

  it('a read action called in an effect: a read in a Server Component', async () => {
    assert.deepEqual(await decideAt('src/app/projects/[projectId]/tasks/actions.ts', 21), {
      inferred: [
        'callers=own-ui: src/components/task-board.tsx:12 this app calls it in an effect',
        'operation=read: src/app/projects/[projectId]/tasks/actions.ts:23 reads: `listTasks`',
        'cdnCache=no: src/app/projects/[projectId]/tasks/actions.ts:21 a Server Action is never cached, and nothing here asks to be',
      ],
      choice: 'server-component-read',
      refactor: undefined,
    });
  });

  it('answers given override the code, and without a function the questions start open', async () => {
    const open = (await server.client.connection.sendRequest(DECIDE_REQUEST, {} satisfies DecideParams)) as DecideResult;
    assert.deepEqual(open.questions.map((q) => [q.id, q.answer]), [['callers', null], ['operation', null], ['payload', null], ['httpControl', null]]);
    assert.equal(open.recommendation, null);
    const given = (await server.client.connection.sendRequest(DECIDE_REQUEST, { answers: { callers: 'cron', operation: 'read', cdnCache: 'no', bogus: 'x' } })) as DecideResult;
    assert.equal(given.recommendation?.choice, 'route-handler');
    assert.match(given.markdown, /^# Server Action or Route Handler\?\n\n## Answers\n\n- Who calls it\? \*\*A cron job\*\*\n- What does it do\? \*\*Reads data\*\*\n- Should the answer be cached at the CDN\? \*\*No\*\*\n\n## Recommendation: A Route Handler\n/);
    assert.ok(given.recommendation!.reasons.every((r) => r.rule === null || r.docs!.endsWith(`/docs/rules/${r.rule}.md`)));
  });

  it('scaffolds each variant as one edit of new files that compile, and that the checker finds nothing in', async () => {
    for (const [variant, name] of [['action', 'createInvoice'], ['route', 'archiveReport'], ['both', 'inviteMember']] as const) {
      const result = (await server.client.connection.sendRequest(SCAFFOLD_REQUEST, { name, variant } satisfies ScaffoldParams)) as ScaffoldResult;
      assert.ok(!('refused' in result), 'refused' in result ? result.refused : '');
      const files = result.files.map((u) => decodeURIComponent(new URL(u).pathname));
      for (const change of result.edit.documentChanges ?? []) {
        if ('kind' in change) continue;
        const file = decodeURIComponent(new URL(change.textDocument.uri).pathname);
        assert.ok(!fs.existsSync(file), `${file} is new`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, (change.edits[0] as { newText: string }).newText);
      }
      assert.equal(files.length, variant === 'both' ? 3 : 2);
      // Nothing calls a new action yet: that it is unused is no fault of the scaffold.
      const check = spawnSync(process.execPath, [CLI, 'check', ...files, '--rule', 'unused-server-action=off'], { encoding: 'utf8', cwd: copy.root });
      assert.equal(check.stdout.trim(), `No problems found in ${files.length} files.`, `${variant}: ${check.stdout}`);
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy.root, 'node_modules'), 'dir');
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(copy.root, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    assert.equal(tsc.stdout + tsc.stderr, '');
    const refused = (await server.client.connection.sendRequest(SCAFFOLD_REQUEST, { name: 'invoices', variant: 'action' } satisfies ScaffoldParams)) as ScaffoldResult;
    assert.deepEqual(refused, { refused: 'Name it with a verb and a noun, like `createInvoice`: `invoices` is not such a name.' });
  });
});
