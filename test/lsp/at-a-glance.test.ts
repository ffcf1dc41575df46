import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeLensRequest, CodeLensResolveRequest, HoverRequest, type CodeLens, type Location, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { EndpointsResult } from '../../server/src/protocol';
import { serverOnCopy, uri } from '../support/lsp-client';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');
const PROJECT_ACTIONS = 'src/app/projects/actions.ts';
const PROJECTS_ROUTE = 'src/app/api/projects/route.ts';
const DASHBOARD = 'src/app/dashboard/page.tsx';
const TASK_BOARD = 'src/components/task-board.tsx';
const TASK_ACTIONS = 'src/app/projects/[projectId]/tasks/actions.ts';
const STRIPE_WEBHOOK = 'src/app/api/webhooks/stripe/route.ts';

describe('code lenses, hovers, the endpoint inventory and the scan progress', () => {
  const server = serverOnCopy(EXAMPLE);
  const { copy } = server;

  /** Each lens as `line: title`, resolved as the editor resolves the visible ones. */
  async function lenses(relative: string): Promise<{ shown: string[]; resolved: CodeLens[] }> {
    const listed = await server.client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri(path.join(copy.root, relative)) } });
    const resolved = await Promise.all((listed ?? []).map((l) => (l.command ? l : server.client.connection.sendRequest(CodeLensResolveRequest.type, l))));
    return { shown: resolved.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`), resolved };
  }

  async function hover(relative: string, line: number, character: number): Promise<string> {
    const answer = await server.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(path.join(copy.root, relative)) }, position: { line: line - 1, character } });
    return (answer?.contents as MarkupContent | undefined)?.value ?? '';
  }

  it('reports the initial scan as a percentage, from 0 to 100', () => {
    const kinds = server.client.progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    const percentages = server.client.progress.filter((p) => p.kind === 'report').map((p) => p.percentage!);
    assert.ok(percentages.length >= 1);
    assert.deepEqual([...percentages].sort((a, b) => a - b), percentages, 'never going back');
    assert.equal(percentages.at(-1), 100);
    assert.match(server.client.progress.filter((p) => p.kind === 'report').at(-1)!.message!, /^Indexing: (\d+) of \1 files$/);
  });

  it('lists a lens over each action with its callers, then its refactors', async () => {
    await server.client.open(PROJECT_ACTIONS);
    const { shown, resolved } = await lenses(PROJECT_ACTIONS);
    assert.deepEqual(shown, [
      '14: Server Action · public POST · 1 caller',
      '14: Convert to route handler',
      '24: Server Action · public POST · no callers in this app',
      '24: Convert to route handler',
      '29: Server Action · public POST · 1 caller',
      '29: Convert to route handler',
    ]);
    // The count opens the call sites in a references peek.
    const count = resolved[0]!.command!;
    assert.equal(count.command, 'nextActionAdvisor.showReferences');
    const [at, position, locations] = count.arguments as [string, unknown, Location[]];
    assert.equal(at, uri(path.join(copy.root, PROJECT_ACTIONS)));
    assert.deepEqual(position, { line: 13, character: 22 });
    assert.deepEqual(locations.map((l) => [path.relative(copy.root, new URL(l.uri).pathname), l.range.start.line + 1]), [['src/components/project-form.tsx', 7]]);
    // A refactor lens runs the refactor the lightbulb lists at the function.
    const convert = resolved[1]!.command!;
    assert.equal(convert.command, 'nextActionAdvisor.applyRefactor');
    assert.equal(convert.arguments![2], 'Convert "createProject" to a route handler, keeping the action');
    // Nothing to call for an action nobody calls.
    assert.equal(resolved[2]!.command!.command, '');
  });

  it('lists a lens over each route handler method with its URL, callers and the signals it sees', async () => {
    await server.client.open(PROJECTS_ROUTE);
    assert.deepEqual((await lenses(PROJECTS_ROUTE)).shown, ['9: GET /api/projects · 1 caller in this app · bearer token', '15: POST /api/projects · no callers in this app · bearer token']);
    await server.client.open(STRIPE_WEBHOOK);
    assert.deepEqual((await lenses(STRIPE_WEBHOOK)).shown, ['4: POST /api/webhooks/stripe · no callers in this app · webhook']);
  });

  it('asks the editor to refresh when a caller in another file changes a count, and counts anew', async () => {
    await lenses(PROJECT_ACTIONS);
    const before = server.client.lensRefreshes;
    const page = copy.read(DASHBOARD);
    await server.client.open(DASHBOARD);
    await server.client.change(DASHBOARD, page.replace("import { getProjectSummary } from '@/app/projects/actions'", "import { deleteProject, getProjectSummary } from '@/app/projects/actions'").replace('  return (', '  void deleteProject\n  return ('));
    await server.client.waitFor(() => server.client.lensRefreshes > before, 'a code lens refresh');
    assert.equal((await lenses(PROJECT_ACTIONS)).shown[2], '24: Server Action · public POST · 1 caller');
    const settled = server.client.lensRefreshes;
    await server.client.change(DASHBOARD, page);
    await server.client.waitFor(() => server.client.lensRefreshes > settled, 'a refresh for the count going back');
    assert.equal((await lenses(PROJECT_ACTIONS)).shown[2], '24: Server Action · public POST · no callers in this app');
    // An edit that changes no count asks for nothing (the listing after it syncs the edit first).
    const quiet = server.client.lensRefreshes;
    await server.client.change(DASHBOARD, `${page}\n`);
    await lenses(PROJECTS_ROUTE);
    assert.equal(server.client.lensRefreshes, quiet);
  });

  it('keeps only the counts, or no lens at all, as the setting says', async () => {
    await server.client.changeSettings({ codeLens: 'counts' });
    assert.deepEqual((await lenses(PROJECT_ACTIONS)).shown, ['14: Server Action · public POST · 1 caller', '24: Server Action · public POST · no callers in this app', '29: Server Action · public POST · 1 caller']);
    await server.client.changeSettings({ codeLens: 'off' });
    assert.deepEqual((await lenses(PROJECT_ACTIONS)).shown, []);
    await server.client.changeSettings({});
  });

  it('hovers over a directive with what it makes public and the rules that look at the file', async () => {
    await server.client.open(TASK_ACTIONS);
    const actions = await hover(TASK_ACTIONS, 1, 3);
    assert.match(actions, /^\*\*`'use server'`\*\*: every exported async function of this file is a \*\*Server Action\*\*/);
    assert.match(actions, /Public endpoints here: `addTask`, `loadTasks`, `runTaskCommand`, `exportTasksCsv`, `renameTask`\./);
    assert.match(actions, /\[action-missing-auth\]\(file:\/\/\S+\/docs\/rules\/action-missing-auth\.md\)/);
    await server.client.open(TASK_BOARD);
    const browser = await hover(TASK_BOARD, 1, 3);
    assert.match(browser, /^\*\*`'use client'`\*\*: this file and what it imports run in the browser/);
    assert.match(browser, /\[action-called-in-effect\]/);
  });

  it('hovers over a call of an action with where it lives, the round trip and its findings', async () => {
    const value = await hover(TASK_BOARD, 12, 6);
    const actions = uri(path.join(copy.root, TASK_ACTIONS)).replace(/\[/g, '%5B').replace(/\]/g, '%5D');
    assert.ok(value.startsWith(`**Server Action** \`loadTasks\`, defined in [src/app/projects/\\[projectId\\]/tasks/actions.ts](${actions}#L21,23). Calling it is a \`POST\` round trip to a public endpoint`), value);
    assert.match(value, /Auth: checked/);
    assert.match(value, /- \[action-used-for-read\]\(\S+\) \(warning\): /);
  });

  it('hovers over a route handler method with its URL, callers, caching and findings', async () => {
    const route = await hover(PROJECTS_ROUTE, 9, 23);
    assert.match(route, /^\*\*Route Handler\*\* `GET \/api\/projects` — a public URL/);
    assert.match(route, /Auth: by token or API key · Caching: dynamic \(reads the request\) · bearer token/);
    assert.match(route, /Fetched by this app from 1 place:\n- \[src\/app\/projects\/page\.tsx:4\]\(file:\/\/\S+page\.tsx#L4,26\) — AllProjectsPage \(fetch\)/);
    const webhook = await hover(STRIPE_WEBHOOK, 4, 23);
    assert.match(webhook, /Caching: dynamic \(POST is never cached\) · webhook/);
    assert.match(webhook, /Findings:\n- \[webhook-body-parsed-before-verify\]\(\S+\) \(error\): /);
  });

  it('opens a rule\'s page when asked to show its documentation', async () => {
    await server.client.connection.sendRequest('workspace/executeCommand', { command: 'nextActionAdvisor.showRuleDocumentation', arguments: ['redirect-in-try'] });
    assert.equal(server.client.shownDocuments.length, 1);
    assert.match(server.client.shownDocuments[0]!.uri, /^file:\/\/\S+\/docs\/rules\/redirect-in-try\.md$/);
  });

  it('answers the endpoint inventory of every app', async () => {
    const { endpoints } = (await server.client.connection.sendRequest('nextActionAdvisor/endpoints')) as EndpointsResult;
    const row = (file: string, name: string) => endpoints.find((e) => e.file === file && e.name === name);
    assert.equal(new Set(endpoints.map((e) => e.app)).size, 1);
    assert.deepEqual(
      { ...row(PROJECTS_ROUTE, 'GET')!, uri: undefined },
      { app: '.', kind: 'route', name: 'GET', method: 'GET', url: '/api/projects', file: PROJECTS_ROUTE, line: 9, callers: 1, auth: 'token', caching: 'dynamic', signals: ['bearer token'], findings: { error: 0, warning: 0, info: 0, hint: 0 }, uri: undefined, position: { line: 8, character: 22 } },
    );
    assert.deepEqual(row(STRIPE_WEBHOOK, 'POST')!.findings, { error: 1, warning: 0, info: 0, hint: 0 });
    assert.equal(row(PROJECT_ACTIONS, 'deleteProject')!.auth, 'none');
    assert.equal(row(PROJECT_ACTIONS, 'createProject')!.caching, 'uncacheable (POST)');
  });
});
