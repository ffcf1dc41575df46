import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../server/src/protocol';
import { createClient } from './client';
import { restartServer } from './commands/restart-server';
import { createLog } from './log';
import { hasNextApp, watchForNextApp } from './next-workspace';

/** What the extension offers other extensions and its own tests. */
export interface AdvisorApi {
  /** The language client, once a Next.js app was found and the server started. */
  client(): LanguageClient | undefined;
}

let client: LanguageClient | undefined;

/** Activation only: start the server when the workspace holds a Next.js app, and register the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<AdvisorApi> {
  const output = createLog();
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      if (client) await restartServer(client, output);
      else void vscode.window.showInformationMessage('Next.js Action Advisor: no Next.js app in this workspace, so no server is running.');
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show()),
  );
  const start = async (): Promise<void> => {
    if (client) return;
    client = createClient(context, output);
    await client.start();
  };
  if (await hasNextApp()) await start();
  else {
    output.info('No Next.js app in this workspace: the server starts when one appears.');
    context.subscriptions.push(watchForNextApp(() => void start()));
  }
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
