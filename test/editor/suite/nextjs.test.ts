import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED_TASK_FINDINGS, TASK_ACTIONS as EXAMPLE_TASK_ACTIONS } from '../../support/example-findings';
import { activate, brief, codeOf, diagnosticsWhen, openEditor, waitFor, workspaceUri } from './helpers';

/** The workspace: `apps/tracker` (the example app) and `apps/billing`, two Next.js apps. */
const TASK_ACTIONS = `apps/tracker/${EXAMPLE_TASK_ACTIONS}`;
const PROJECT_ACTIONS = 'apps/tracker/src/app/projects/actions.ts';
const TASK_BOARD = 'apps/tracker/src/components/task-board.tsx';
const BILLING_ACTIONS = 'apps/billing/app/projects/actions.ts';

describe('Next.js Action Advisor in a Next.js workspace', () => {
  it('activates and starts its language server', async () => {
    const api = await activate();
    const client = api.client();
    assert.ok(client, 'the server was started');
    assert.ok(client.isRunning());
  });

  it('shows the expected diagnostics, with codes, ranges and rule links', async () => {
    await openEditor(TASK_ACTIONS);
    const diagnostics = await diagnosticsWhen(workspaceUri(TASK_ACTIONS), (d) => d.length >= EXPECTED_TASK_FINDINGS.length, 'the task actions findings');
    assert.deepEqual(brief(diagnostics), EXPECTED_TASK_FINDINGS);
    const rpc = diagnostics.find((d) => codeOf(d) === 'action-generic-rpc')!;
    assert.equal(rpc.severity, vscode.DiagnosticSeverity.Warning);
    const code = rpc.code as { value: string; target: vscode.Uri };
    // Through the extension's URI handler, which renders the page in a Markdown preview.
    assert.equal(code.target.scheme, vscode.env.uriScheme);
    assert.equal(code.target.toString(true), `${vscode.env.uriScheme}://next-action-advisor.next-action-advisor/rule?id=action-generic-rpc`);
  });

  it('explains a finding whose reason is in another file, with a link to it', async () => {
    await openEditor(TASK_BOARD);
    const diagnostics = await diagnosticsWhen(workspaceUri(TASK_BOARD), (d) => d.some((x) => codeOf(x) === 'action-called-in-effect'), 'the effect finding');
    const effect = diagnostics.find((d) => codeOf(d) === 'action-called-in-effect')!;
    assert.equal(effect.range.start.line, 11, 'reported at the call in the component');
    assert.equal(effect.relatedInformation?.[0]?.location.uri.toString(), workspaceUri(TASK_ACTIONS).toString());
    assert.equal(effect.relatedInformation?.[0]?.location.range.start.line, 20);
  });

  it('an edit removes a finding and undo brings it back', async () => {
    const editor = await openEditor(PROJECT_ACTIONS);
    const uri = editor.document.uri;
    const has = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === 'use-server-invalid-export');
    await diagnosticsWhen(uri, has, 'the invalid export');
    const offset = editor.document.getText().indexOf('export const PAGE_SIZE');
    const start = editor.document.positionAt(offset);
    await editor.edit((edit) => edit.delete(new vscode.Range(start, start.translate(0, 'export '.length))));
    await diagnosticsWhen(uri, (d) => !has(d) && d.length > 0, 'the finding to go');
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhen(uri, has, 'the finding to come back');
    assert.ok(editor.document.getText().includes('export const PAGE_SIZE'));
  });

  it('the "Disable for this line" quick fix writes the suppression comment', async () => {
    const editor = await openEditor(TASK_ACTIONS);
    const uri = editor.document.uri;
    const before = editor.document.getText();
    const diagnostics = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'action-http-semantics'), 'the http finding');
    const target = diagnostics.find((d) => codeOf(d) === 'action-http-semantics')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable action-http-semantics for this line');
    assert.ok(disable?.edit, `quick fix offered among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(editor.document.getText(), before.replace('export async function exportTasksCsv', '// next-action-advisor-disable-next-line action-http-semantics\nexport async function exportTasksCsv'));
    await diagnosticsWhen(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'action-http-semantics'), 'the suppressed finding to go');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('turning a rule off in the settings removes its diagnostics', async () => {
    const uri = workspaceUri(TASK_ACTIONS);
    const config = vscode.workspace.getConfiguration('nextActionAdvisor');
    await config.update('rules', { 'action-generic-rpc': 'off' }, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhen(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'action-generic-rpc'), 'the rule to go');
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'action-generic-rpc'), 'the rule to come back');
  });

  it('"Restart Server" restarts it and the diagnostics come back', async () => {
    const api = await activate();
    const editor = await openEditor(PROJECT_ACTIONS);
    await vscode.commands.executeCommand('nextActionAdvisor.restartServer');
    assert.ok(api.client()?.isRunning(), 'running again after the restart');
    // A new finding typed after the restart proves that the new server answers.
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), "\nexport const RESTARTED = 'yes'\n"));
    await diagnosticsWhen(editor.document.uri, (d) => d.filter((x) => codeOf(x) === 'use-server-invalid-export').length === 2, 'diagnostics from the new server');
    await vscode.commands.executeCommand('undo');
  });

  it('restarts a server that dies, says so once, and the diagnostics come back', async () => {
    const api = await activate();
    const client = api.client()!;
    const before = await client.sendRequest<{ pid: number }>('nextActionAdvisor/status');
    const editor = await openEditor(PROJECT_ACTIONS);
    process.kill(before.pid, 'SIGKILL');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the client did not restart the server')), 30_000);
      const check = async (): Promise<void> => {
        try {
          const after = await client.sendRequest<{ pid: number }>('nextActionAdvisor/status');
          if (after.pid !== before.pid) {
            clearTimeout(timer);
            return resolve();
          }
        } catch {
          // Not running yet: the state change below asks again.
        }
      };
      client.onDidChangeState(() => void check());
    });
    assert.equal(api.unexpectedStops(), 1);
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), "\nexport const AFTER_CRASH = 1\n"));
    await diagnosticsWhen(editor.document.uri, (d) => d.filter((x) => codeOf(x) === 'use-server-invalid-export').length === 2, 'diagnostics from the restarted server');
    await vscode.commands.executeCommand('undo');
  });

  it('shows code lenses over an action, with its callers counted', async () => {
    const editor = await openEditor(TASK_ACTIONS);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100);
    const titles = lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`);
    assert.ok(titles.includes('21: Server Action · public POST · 1 caller'), titles.join('\n'));
    const count = lenses.find((l) => l.command?.title === 'Server Action · public POST · 1 caller')!;
    assert.equal(count.command!.command, 'nextActionAdvisor.showReferences');
  });

  it('offers "Show documentation" for a finding, which opens its rendered page', async () => {
    const editor = await openEditor(TASK_ACTIONS);
    const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'action-generic-rpc'), 'the rpc finding');
    const rpc = diagnostics.find((d) => codeOf(d) === 'action-generic-rpc')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, rpc.range, vscode.CodeActionKind.QuickFix.value);
    const show = actions.find((a) => a.title === 'Show documentation for action-generic-rpc');
    assert.ok(show?.command, actions.map((a) => a.title).join('\n'));
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    const opened = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label.includes('action-generic-rpc.md')), 15_000);
    assert.ok(opened, 'the rule page opened');
  });

  it('gives findings in a second Next.js app of the same workspace', async () => {
    await openEditor(BILLING_ACTIONS);
    const diagnostics = await diagnosticsWhen(workspaceUri(BILLING_ACTIONS), (d) => d.length > 0, 'findings in the second app');
    assert.deepEqual(brief(diagnostics).filter((d) => d.startsWith('action-missing-auth')), ['action-missing-auth@7:23', 'action-missing-auth@12:23']);
  });
});
