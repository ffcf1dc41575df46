import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Location, Position } from 'vscode-languageclient/node';
import { COMMANDS } from '../../../server/src/protocol';
import { applyRefactor } from './apply-refactor';

/**
 * The commands of the server's lenses: their arguments arrive as LSP JSON, and VS Code's own
 * commands want its types.
 */
export function registerLensCommands(client: () => LanguageClient | undefined): vscode.Disposable {
  const converter = (): LanguageClient['protocol2CodeConverter'] | undefined => client()?.protocol2CodeConverter;
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.showReferences, async (uri: string, position: Position, locations: Location[]) => {
      const p2c = converter();
      if (!p2c) return;
      await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), p2c.asPosition(position), await Promise.all(locations.map((l) => p2c.asLocation(l))));
    }),
    vscode.commands.registerCommand(COMMANDS.applyRefactor, async (uri: string, position: Position, title: string) => {
      await applyRefactor(vscode.Uri.parse(uri), new vscode.Position(position.line, position.character), title);
    }),
  );
}
