import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Stops and starts the language server; diagnostics come back from a fresh index. */
export async function restartServer(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  output.info('Restarting the server');
  await client.restart();
}
