import * as vscode from 'vscode';

/** The GitHub Actions workflow of the walkthrough's last step, from its page, onto the clipboard. */
export async function copyCiWorkflow(context: vscode.ExtensionContext): Promise<void> {
  const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'walkthrough', 'check-in-ci.md')));
  const workflow = page.split('```yaml\n')[1]?.split('```')[0];
  if (!workflow) return;
  await vscode.env.clipboard.writeText(workflow);
  void vscode.window.showInformationMessage('Next.js Action Advisor: the workflow is on the clipboard. Save it as .github/workflows/next-action-advisor.yml.');
}
