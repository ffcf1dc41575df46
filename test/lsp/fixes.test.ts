import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeActionRequest, CodeActionResolveRequest, type CodeAction, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverOnCopy, uri } from '../support/lsp-client';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');
const PAGE = 'src/app/projects/[projectId]/page.tsx';
const PROJECT_ACTIONS = 'src/app/projects/actions.ts';

describe('fixes of findings over the protocol', () => {
  const server = serverOnCopy(EXAMPLE);
  const { copy } = server;

  async function actionsAt(relative: string, ruleId: string, only?: string[]): Promise<CodeAction[]> {
    const diagnostics = await server.client.diagnostics(relative);
    const target = diagnostics.find((d) => d.code === ruleId)!;
    assert.ok(target, `a ${ruleId} diagnostic in ${relative}`);
    return (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri(path.join(copy.root, relative)) },
      range: target.range,
      context: { diagnostics: [target], only },
    })) as CodeAction[];
  }

  /** The text of the document after the edit of a resolved action. */
  function edited(relative: string, text: string, action: CodeAction): string {
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.uri, uri(path.join(copy.root, relative)));
    return TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'typescriptreact', 1, text), change.edits as TextEdit[]);
  }

  it('lists the fixes of a finding that apply there, built only when one is resolved', async () => {
    await server.client.open(PAGE);
    const fixes = (await actionsAt(PAGE, 'redirect-in-try')).filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable') && !a.title.startsWith('Show'));
    // This catch falls through: after the try/catch the navigation would run after a failure too, so only the rethrow is offered.
    assert.deepEqual(
      fixes.map((a) => [a.title, a.isPreferred === true, a.edit === undefined]),
      [['Rethrow navigation errors first in the catch (unstable_rethrow)', true, true]],
    );
    const resolved = await server.client.connection.sendRequest(CodeActionResolveRequest.type, fixes[0]!);
    const after = edited(PAGE, copy.read(PAGE), resolved);
    assert.ok(after.startsWith("import { redirect, unstable_rethrow } from 'next/navigation'\n"), after);
    assert.ok(after.includes("    } catch (error) {\n      unstable_rethrow(error)\n      console.error('archive failed', error)\n"), after);
    // The fixed text has no redirect-in-try finding left.
    await server.client.change(PAGE, after);
    assert.ok(!(await server.client.diagnostics(PAGE)).some((d) => d.code === 'redirect-in-try'));
    await server.client.change(PAGE, copy.read(PAGE));
  });

  it('refuses a fix listed before an edit of the file', async () => {
    const fix = (await actionsAt(PAGE, 'redirect-in-try')).find((a) => a.title.startsWith('Rethrow'))!;
    await server.client.change(PAGE, `${copy.read(PAGE)}\n`);
    const messages = server.client.messages.length;
    const resolved = await server.client.connection.sendRequest(CodeActionResolveRequest.type, fix);
    assert.equal(resolved.edit, undefined);
    await server.client.waitFor(() => server.client.messages.length > messages, 'the reason');
    assert.match(server.client.messages.at(-1)!, /The file changed since the fix was offered/);
    await server.client.change(PAGE, copy.read(PAGE));
  });

  it('fixes all of a file through source.fixAll, and lists it only when asked for by kind', async () => {
    assert.ok(!(await actionsAt(PAGE, 'redirect-in-try')).some((a) => a.kind === 'source.fixAll.next-action-advisor'));
    const [fixAll] = await actionsAt(PAGE, 'redirect-in-try', ['source.fixAll']);
    assert.equal(fixAll!.kind, 'source.fixAll.next-action-advisor');
    const resolved = await server.client.connection.sendRequest(CodeActionResolveRequest.type, fixAll!);
    const after = edited(PAGE, copy.read(PAGE), resolved);
    await server.client.change(PAGE, after);
    assert.deepEqual((await server.client.diagnostics(PAGE)).filter((d) => d.code === 'redirect-in-try'), []);
    await server.client.change(PAGE, copy.read(PAGE));
  });

  it('adds a rule to the line comment that silences another one, instead of a second comment', async () => {
    await server.client.open(PROJECT_ACTIONS);
    const original = copy.read(PROJECT_ACTIONS);
    const disable = (actions: CodeAction[], rule: string) => actions.find((a) => a.title === `Disable ${rule} for this line`)!;
    const first = disable(await actionsAt(PROJECT_ACTIONS, 'action-missing-auth'), 'action-missing-auth');
    const once = edited(PROJECT_ACTIONS, original, { edit: { documentChanges: [{ textDocument: { uri: uri(path.join(copy.root, PROJECT_ACTIONS)), version: null }, edits: first.edit!.changes![uri(path.join(copy.root, PROJECT_ACTIONS))]! }] } } as CodeAction);
    await server.client.change(PROJECT_ACTIONS, once);
    const second = disable(await actionsAt(PROJECT_ACTIONS, 'action-unvalidated-input'), 'action-unvalidated-input');
    const edits = second.edit!.changes![uri(path.join(copy.root, PROJECT_ACTIONS))]!;
    const twice = TextDocument.applyEdits(TextDocument.create('x', 'typescript', 1, once), edits);
    assert.ok(twice.includes('// next-action-advisor-disable-next-line action-missing-auth, action-unvalidated-input\nexport async function deleteProject'), twice);
    assert.equal(twice.split('next-action-advisor-disable-next-line').length, 2, 'one comment');
    await server.client.change(PROJECT_ACTIONS, original);
  });
});
