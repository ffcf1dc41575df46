import * as vscode from 'vscode';

/** The refactor as the lightbulb lists it at a position, resolved and applied in one undoable edit. */
export async function applyRefactor(uri: vscode.Uri, position: vscode.Position, title: string): Promise<void> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(position, position), vscode.CodeActionKind.Refactor.value, 100);
  const action = actions.find((a) => a.title === title);
  if (!action || action.disabled) {
    void vscode.window.showWarningMessage(`Next.js Action Advisor: ${action?.disabled?.reason ?? `"${title}" is no longer offered here.`}`);
    return;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
