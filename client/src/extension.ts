import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../server/src/protocol';
import { createClient, type ClientHandle } from './client';
import { checkWorkspace } from './commands/check-workspace';
import { copyCiWorkflow } from './commands/copy-ci-workflow';
import { DecisionPreview, runDecisionWizard } from './commands/decision-wizard';
import { registerLensCommands } from './commands/lens-commands';
import { restartServer } from './commands/restart-server';
import { ruleUriHandler } from './commands/rule-page';
import { createLog } from './log';
import { hasNextApp, watchForNextApp } from './next-workspace';
import { AdvisorStatus, statusActions } from './status';
import { EndpointsView } from './views/endpoints-view';

/** What the extension offers other extensions and its own tests. */
export interface AdvisorApi {
  /** The language client, once a Next.js app was found and the server started. */
  client(): LanguageClient | undefined;
  /** How often the server stopped unexpectedly and was restarted. */
  unexpectedStops(): number;
}

let handle: ClientHandle | undefined;

/** Activation only: start the server when the workspace holds a Next.js app, and register the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<AdvisorApi> {
  const output = createLog();
  const preview = new DecisionPreview(context.globalStorageUri);
  const endpoints = new EndpointsView(() => handle?.client);
  const status = new AdvisorStatus();
  context.subscriptions.push(
    output,
    endpoints,
    status,
    vscode.window.registerUriHandler(ruleUriHandler(context)),
    vscode.commands.registerCommand(COMMANDS.statusActions, statusActions),
    vscode.commands.registerCommand(COMMANDS.copyCiWorkflow, () => copyCiWorkflow(context)),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      if (handle) await restartServer(handle.client, output);
      else void vscode.window.showInformationMessage('Next.js Action Advisor: no Next.js app in this workspace, so no server is running.');
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show()),
    vscode.commands.registerCommand(COMMANDS.openFile, async (uri: string) => {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
    }),
    registerLensCommands(() => handle?.client),
    vscode.commands.registerCommand(COMMANDS.decide, async () => {
      if (handle) await runDecisionWizard(handle.client, preview);
      else void vscode.window.showInformationMessage('Next.js Action Advisor: no Next.js app in this workspace.');
    }),
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, async () => {
      if (handle) await checkWorkspace(handle.client);
      else void vscode.window.showInformationMessage('Next.js Action Advisor: no Next.js app in this workspace.');
    }),
  );
  const start = async (): Promise<void> => {
    if (handle) return;
    handle = createClient(context, output);
    // The wizard and the workspace check are offered in the command palette once there is an app.
    await vscode.commands.executeCommand('setContext', 'nextActionAdvisor.hasApp', true);
    status.attach(handle.client);
    await handle.client.start();
    endpoints.listen(handle.client);
  };
  if (await hasNextApp()) await start();
  else {
    output.info('No Next.js app in this workspace: the server starts when one appears.');
    context.subscriptions.push(watchForNextApp(() => void start()));
  }
  return { client: () => handle?.client, unexpectedStops: () => handle?.unexpectedStops() ?? 0 };
}

export async function deactivate(): Promise<void> {
  await handle?.client.stop();
}
