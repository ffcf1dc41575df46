import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SCAFFOLD_REQUEST, type ScaffoldParams, type ScaffoldResult } from '../../../server/src/protocol';

type Variant = ScaffoldParams['variant'];

const VARIANTS: { variant: Variant; label: string; detail: string }[] = [
  { variant: 'action', label: 'A service and a Server Action', detail: "For this app's forms" },
  { variant: 'route', label: 'A service and a Route Handler', detail: 'For webhooks, other clients, uploads, streams' },
  { variant: 'both', label: 'A service, a Server Action and a Route Handler', detail: "For this app's forms and other clients, over one service" },
];

/** What each recommendation scaffolds first. */
const RECOMMENDED: Record<string, Variant | undefined> = { 'server-action': 'action', 'route-handler': 'route', both: 'both' };

/**
 * The files of a new endpoint, where the decision put it: the variant (the recommended one first),
 * a name, then one undoable edit that creates them; they are saved and opened.
 */
export async function scaffoldFromWizard(client: LanguageClient, choice: string): Promise<void> {
  const recommended = RECOMMENDED[choice];
  if (!recommended) {
    void vscode.window.showInformationMessage('Next.js Action Advisor: read the data in the Server Component that renders it; there is no endpoint to scaffold.');
    return;
  }
  const items = [...VARIANTS].sort((a, b) => Number(b.variant === recommended) - Number(a.variant === recommended)).map((v) => ({ ...v, description: v.variant === recommended ? '(recommended)' : undefined }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Scaffold the new code', placeHolder: 'What to create' });
  if (!picked) return;
  const inApp = await appDocument();
  if (inApp === null) return;
  const name = await vscode.window.showInputBox({
    title: 'Scaffold the new code',
    prompt: 'The function, as a verb and a noun',
    placeHolder: 'createInvoice',
    validateInput: (value) => (/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(value) ? null : 'A verb and a noun in camelCase, like createInvoice'),
  });
  if (!name) return;
  const params: ScaffoldParams = { name, variant: picked.variant, ...(inApp ? { textDocument: { uri: inApp.toString() } } : {}) };
  const result = await client.sendRequest<ScaffoldResult>(SCAFFOLD_REQUEST, params);
  if ('refused' in result) {
    void vscode.window.showWarningMessage(`Next.js Action Advisor: ${result.refused}`);
    return;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage('Next.js Action Advisor: the editor did not apply the scaffold.');
    return;
  }
  for (const file of result.files) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
    await document.save();
    await vscode.window.showTextDocument(document, { preview: false });
  }
  void vscode.window.showInformationMessage(`Next.js Action Advisor: ${result.title}.`);
}

/**
 * A file of the app the new code goes into: the active editor's, else the one app's `next.config`,
 * else the app the user picks. `undefined` lets the server take the only app it knows; `null` is a cancel.
 */
async function appDocument(): Promise<vscode.Uri | undefined | null> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.uri.scheme === 'file') return editor.document.uri;
  const configs = await vscode.workspace.findFiles('**/next.config.{js,mjs,cjs,ts,mts}', '**/node_modules/**', 50);
  if (configs.length <= 1) return configs[0];
  const items = configs.map((uri) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.joinPath(uri, '..')), uri })).sort((a, b) => a.label.localeCompare(b.label));
  const app = await vscode.window.showQuickPick(items, { title: 'Scaffold the new code', placeHolder: 'Into which app?' });
  return app ? app.uri : null;
}
