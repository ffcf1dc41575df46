import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openEditor } from './helpers';

/** The workspace: a TypeScript project without Next.js. */
describe('Next.js Action Advisor in a folder without Next.js', () => {
  it('is not active while no script is open', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'installed');
    assert.equal(extension.isActive, false);
  });

  it('activates with a TypeScript file but starts no server', async () => {
    await openEditor('src/index.ts');
    const extension = vscode.extensions.getExtension<{ client(): unknown }>(EXTENSION_ID)!;
    const api = await extension.activate();
    assert.equal(api.client(), undefined);
  });
});
