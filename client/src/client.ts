import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CODE_CACHE_ENVIRONMENT, COMMANDS, LANGUAGE_IDS, SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS, SETTINGS_SECTION, type InitializationOptions } from '../../server/src/protocol';
import { ruleLinkTemplate, showRulePage } from './commands/rule-page';

/** After this many unexpected stops the server stays down until "Restart Server". */
const MAX_RESTARTS = 5;

export interface ClientHandle {
  client: LanguageClient;
  /** How often the server stopped unexpectedly and was started again. */
  unexpectedStops(): number;
}

/** The language client over the bundled server (`dist/server.js`), over IPC. */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientHandle {
  const module = context.asAbsolutePath('dist/server.js');
  // The compiled code of the server's bundle is kept with the extension's own storage, for every workspace.
  const env = { ...process.env, ...SERVER_ENVIRONMENT, [CODE_CACHE_ENVIRONMENT]: context.globalStorageUri.fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6011'] } },
  };
  let stops = 0;
  const errorHandler: ErrorHandler = {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      stops++;
      output.warn(`The server stopped unexpectedly (${stops} time${stops === 1 ? '' : 's'})`);
      if (stops > MAX_RESTARTS) {
        return { action: CloseAction.DoNotRestart, message: 'The Next.js Action Advisor server keeps stopping; it stays off until "Next.js Action Advisor: Restart Server". See its output for details.' };
      }
      // Said once: later restarts only go to the output channel.
      if (stops === 1) void vscode.window.showInformationMessage('The Next.js Action Advisor server stopped unexpectedly and was restarted.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
  const initializationOptions: InitializationOptions = {
    settings: vscode.workspace.getConfiguration(SETTINGS_SECTION),
    cacheFolder: (context.storageUri ?? context.globalStorageUri).fsPath,
    openFileCommand: true,
    ruleLink: ruleLinkTemplate(context),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.map((language) => ({ scheme: 'file', language })),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions,
    errorHandler,
    middleware: {
      // A rule's page is rendered here, not opened as a file by the server.
      executeCommand: (command, args, next) => (command === COMMANDS.showRuleDocs && typeof args[0] === 'string' ? showRulePage(context, args[0]) : next(command, args)),
    },
  };
  return { client: new LanguageClient('nextActionAdvisor', 'Next.js Action Advisor', serverOptions, clientOptions), unexpectedStops: () => stops };
}
