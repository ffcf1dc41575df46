import * as vscode from 'vscode';
import { RULE_PAGE_PATH } from '../../../server/src/protocol';

/**
 * A rule's page rendered in a Markdown preview, from the extension's own docs. Reached from a
 * diagnostic's rule link (through the extension's URI handler), a hover, or "Show documentation".
 */
export async function showRulePage(context: vscode.ExtensionContext, ruleId: string): Promise<void> {
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  const exists = /^[a-z-]+$/.test(ruleId) && (await vscode.workspace.fs.stat(page).then(() => true, () => false));
  if (!exists) {
    void vscode.window.showWarningMessage(`Next.js Action Advisor has no rule "${ruleId}".`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/** `vscode://<extension>/rule?id=<rule>`: the link the server puts on diagnostics and hovers. */
export function ruleLinkTemplate(context: vscode.ExtensionContext): string {
  return `${vscode.env.uriScheme}://${context.extension.id}${RULE_PAGE_PATH}?id={id}`;
}

export function ruleUriHandler(context: vscode.ExtensionContext): vscode.UriHandler {
  return {
    handleUri(uri) {
      const id = new URLSearchParams(uri.query).get('id');
      if (uri.path === RULE_PAGE_PATH && id) void showRulePage(context, id);
    },
  };
}
