import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../../server/src/protocol';

/**
 * Lists every file's findings in the Problems view, also with `nextActionAdvisor.problems: openFiles`:
 * the server reports them in its workspace diagnostics from now on, and says how many there are.
 */
export async function checkWorkspace(client: LanguageClient): Promise<void> {
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Next.js Action Advisor: checking the workspace' }, () =>
    client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(`Next.js Action Advisor: ${summary(result)}`);
}

function summary({ files, filesWithFindings, findings }: CheckWorkspaceResult): string {
  const checked = `${files} file${files === 1 ? '' : 's'} checked`;
  if (findings === 0) return `no findings, ${checked}.`;
  return `${findings} finding${findings === 1 ? '' : 's'} in ${filesWithFindings} file${filesWithFindings === 1 ? '' : 's'}, ${checked}.`;
}
