import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../server/src/protocol';
import { createClient } from './client';
import { restartServer } from './commands/restart-server';
import { createLog } from './log';

let client: LanguageClient | undefined;

/** Activation only: start the server and register the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const output = createLog();
  client = createClient(context, output);
  const started = client;
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(COMMANDS.restartServer, () => restartServer(started, output)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show()),
  );
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
