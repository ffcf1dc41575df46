import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXPECTED_TASK_FINDINGS, TASK_ACTIONS } from '../support/example-findings';
import { brief, serverOnCopy, uri } from '../support/lsp-client';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');

const TASK_BOARD = 'src/components/task-board.tsx';
const PROJECT_ACTIONS = 'src/app/projects/actions.ts';

describe('the language server over stdio', () => {
  const server = serverOnCopy(EXAMPLE);
  const { copy } = server;

  it('answers pull diagnostics with rule codes, ranges, links and the related file', async () => {
    await server.client.open(TASK_ACTIONS);
    const diagnostics = await server.client.diagnostics(TASK_ACTIONS);
    assert.deepEqual(brief(diagnostics), EXPECTED_TASK_FINDINGS);
    await server.client.open(TASK_BOARD);
    const effect = (await server.client.diagnostics(TASK_BOARD)).find((d) => d.code === 'action-called-in-effect')!;
    assert.equal(effect.source, 'next-action-advisor');
    assert.equal(effect.severity, 2);
    assert.deepEqual(effect.range, { start: { line: 11, character: 4 }, end: { line: 11, character: 13 } });
    assert.match(effect.codeDescription!.href, /docs\/rules\/action-called-in-effect\.md$/);
    assert.deepEqual(effect.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uri(path.join(copy.root, TASK_ACTIONS)), 20]]);
  });

  it('an edit adds a finding and the next removes it', async () => {
    const original = copy.read(PROJECT_ACTIONS);
    await server.client.open(PROJECT_ACTIONS);
    const count = async () => brief(await server.client.diagnostics(PROJECT_ACTIONS)).filter((d) => d.startsWith('use-server-invalid-export')).length;
    assert.equal(await count(), 1);
    await server.client.change(PROJECT_ACTIONS, `${original}\nexport const DEFAULT_NAME = 'Untitled'\n`);
    assert.equal(await count(), 2);
    await server.client.change(PROJECT_ACTIONS, original);
    assert.equal(await count(), 1);
  });

  it('an edit in an action refreshes the diagnostics of the client component that calls it', async () => {
    await server.client.open(TASK_BOARD);
    assert.ok(brief(await server.client.diagnostics(TASK_BOARD)).includes('action-called-in-effect@12:5'));
    const refreshesBefore = server.client.refreshes;
    const actions = copy.read(TASK_ACTIONS);
    // Once `loadTasks` revalidates, it is a mutation, and calling it from an effect is no read.
    await server.client.change(TASK_ACTIONS, actions.replace('  return listTasks(projectId)', '  revalidatePath(`/projects/${projectId}`)\n  return listTasks(projectId)'));
    await server.client.waitFor(() => server.client.refreshes > refreshesBefore, 'a diagnostics refresh');
    assert.ok(!brief(await server.client.diagnostics(TASK_BOARD)).includes('action-called-in-effect@12:5'));
    await server.client.change(TASK_ACTIONS, actions);
    assert.ok(brief(await server.client.diagnostics(TASK_BOARD)).includes('action-called-in-effect@12:5'));
  });

  it('a settings change turns a rule off and back on', async () => {
    const has = async () => brief(await server.client.diagnostics(TASK_ACTIONS)).some((d) => d.startsWith('action-generic-rpc'));
    assert.ok(await has());
    await server.client.changeSettings({ rules: { 'action-generic-rpc': 'off' } });
    assert.ok(!(await has()));
    await server.client.changeSettings({ rules: { 'action-generic-rpc': 'error' } });
    const rpc = (await server.client.diagnostics(TASK_ACTIONS)).find((d) => d.code === 'action-generic-rpc');
    assert.equal(rpc?.severity, 1);
    await server.client.changeSettings({});
  });

  it('a suppression comment silences one finding', async () => {
    const text = copy.read(TASK_ACTIONS);
    const suppressed = text.replace('export async function exportTasksCsv', '// next-action-advisor-disable-next-line action-http-semantics\nexport async function exportTasksCsv');
    await server.client.change(TASK_ACTIONS, suppressed);
    assert.ok(!brief(await server.client.diagnostics(TASK_ACTIONS)).some((d) => d.startsWith('action-http-semantics')));
    await server.client.change(TASK_ACTIONS, text);
  });

  it('the "Disable for this line" quick fix writes the comment that silences the finding', async () => {
    const text = copy.read(TASK_ACTIONS);
    const diagnostics = await server.client.diagnostics(TASK_ACTIONS);
    const target = diagnostics.find((d) => d.code === 'action-generic-rpc')!;
    const all = (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri(path.join(copy.root, TASK_ACTIONS)) },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    // The remedy of a generic RPC action is a route handler; the action has callers: it stays, or they fetch the route.
    assert.deepEqual(
      all.map((a) => `${a.kind}: ${a.title}`),
      [
        'refactor.rewrite: Convert "runTaskCommand" to a route handler, keeping the action',
        'quickfix: Convert "runTaskCommand" to a route handler, keeping the action',
        'refactor.rewrite: Convert "runTaskCommand" to a route handler that its callers fetch',
        'quickfix: Disable action-generic-rpc for this line',
        'quickfix: Disable action-generic-rpc for this file',
        'quickfix: Show documentation for action-generic-rpc',
      ],
    );
    // The rule's page, through a command the server runs for other editors (VS Code's client renders it).
    assert.deepEqual(all.at(-1)!.command, { title: 'Show documentation for action-generic-rpc', command: 'nextActionAdvisor.showRuleDocumentation', arguments: ['action-generic-rpc'] });
    const actions = all.filter((a) => a.title.startsWith('Disable'));
    const edits = actions[0]!.edit!.changes![uri(path.join(copy.root, TASK_ACTIONS))]!;
    const fixed = TextDocument.applyEdits(TextDocument.create('x', 'typescript', 1, text), edits);
    assert.equal(fixed, text.replace('export async function runTaskCommand', '// next-action-advisor-disable-next-line action-generic-rpc\nexport async function runTaskCommand'));
    await server.client.change(TASK_ACTIONS, fixed);
    const after = await server.client.diagnostics(TASK_ACTIONS);
    assert.deepEqual(after.filter((d: Diagnostic) => d.code === 'action-generic-rpc'), []);
    assert.equal(after.length, diagnostics.length - 1);
    const fileEdits = actions[1]!.edit!.changes![uri(path.join(copy.root, TASK_ACTIONS))]!;
    assert.deepEqual(fileEdits[0]!.range.start, { line: 1, character: 0 }, "the file-wide comment goes after 'use server'");
    await server.client.change(TASK_ACTIONS, text);
  });

  it('says in its output what it found and indexed', () => {
    assert.ok(server.client.logs.some((l) => /^Indexed \d+ files of 1 Next\.js app \(\.\) in \d+ ms: \d+ parsed, \d+ from the cache\.$/.test(l)), server.client.logs.join('\n'));
  });

  it('hovers over an action with who calls it', async () => {
    const hover = await server.client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uri(path.join(copy.root, TASK_ACTIONS)) },
      position: { line: 20, character: 25 },
    });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^\*\*Server Action\*\* `loadTasks` — a public `POST` endpoint/);
    assert.match(value, /\[src\/components\/task-board\.tsx:12\]\(file:\/\/\S+\/src\/components\/task-board\.tsx#L12,5\) — TaskBoard \(in an effect\)/);
  });
});

describe('a client without pull diagnostics', () => {
  const server = serverOnCopy(EXAMPLE, { pull: false });
  const { copy } = server;

  it('gets diagnostics pushed on open and after each edit', async () => {
    const docUri = await server.client.open(PROJECT_ACTIONS);
    await server.client.waitFor(() => (server.client.pushed.get(docUri)?.length ?? 0) > 0, 'pushed diagnostics');
    assert.deepEqual(brief(server.client.pushed.get(docUri)!), ['use-server-invalid-export@8:14', 'action-missing-auth@24:23', 'unused-server-action@24:23', 'action-unvalidated-input@24:37', 'action-used-for-read@29:23']);
    await server.client.change(PROJECT_ACTIONS, copy.read(PROJECT_ACTIONS).replace('export const PAGE_SIZE = 20', 'const PAGE_SIZE = 20'));
    await server.client.waitFor(() => server.client.pushed.get(docUri)?.length === 4, 'the finding to go');
  });
});
