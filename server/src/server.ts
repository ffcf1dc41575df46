import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrlFor } from './install-location';
import { codeActionsFor } from './lsp/code-actions';
import { DiagnosticsService } from './lsp/diagnostics';
import { hoverFor } from './lsp/hover';
import { runSafe } from './lsp/run-safe';
import { uriToPath } from './lsp/to-lsp';
import { SETTINGS_SECTION } from './protocol';
import { Session } from './workspace/session';

/** Wiring only: every handler delegates, inside `runSafe`. */
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string): void => connection.console.error(message);
const session = new Session((message) => {
  connection.console.warn(message);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Next.js Action Advisor: ${message}` });
});
const diagnostics = new DiagnosticsService(connection, documents, session, docsUrlFor(__dirname));

let roots: string[] = [];
let configurationPull = false;
let initialSettings: unknown;
let watchRegistration = false;
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  roots = folders.map(uriToPath).filter((p): p is string => p !== null);
  configurationPull = capabilities.workspace?.configuration === true;
  watchRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  initialSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  diagnostics.useCapabilities(pull, capabilities.workspace?.diagnostics?.refreshSupport === true);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: pull ? { interFileDependencies: true, workspaceDiagnostics: false } : undefined,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      hoverProvider: true,
    },
    serverInfo: { name: 'next-action-advisor' },
  };
});

connection.onInitialized(async () => {
  if (watchRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}' }, { globPattern: '**/{tsconfig,jsconfig,package,next-action-advisor}.json' }, { globPattern: '**/next.config.*' }],
    });
  }
  const settings = await editorSettings();
  runSafe(log, 'loading the workspace', 0, () => session.load(roots, settings));
  // Documents opened before the workspace was read carry the editor's text.
  for (const document of documents.all()) {
    const path = uriToPath(document.uri);
    if (path) runSafe(log, 'open', [], () => session.change(path, document.getText()));
  }
  markReady();
  diagnostics.refreshAll();
});

async function editorSettings(): Promise<unknown> {
  if (!configurationPull) return initialSettings;
  try {
    return await connection.workspace.getConfiguration(SETTINGS_SECTION);
  } catch (error) {
    log(`reading settings failed: ${String(error)}`);
    return initialSettings;
  }
}

connection.onDidChangeConfiguration(async (change) => {
  await ready;
  const settings = configurationPull ? await editorSettings() : (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
  runSafe(log, 'settings', undefined, () => session.updateSettings(settings));
  diagnostics.refreshAll();
});

documents.onDidChangeContent(async (event) => {
  await ready;
  const path = uriToPath(event.document.uri);
  if (!path) return;
  const affected = runSafe(log, 'change', [] as string[], () => session.change(path, event.document.getText()));
  diagnostics.refresh(affected, event.document.uri);
});

documents.onDidClose(async (event) => {
  await ready;
  const path = uriToPath(event.document.uri);
  diagnostics.clear(event.document.uri);
  if (path) diagnostics.refresh(runSafe(log, 'close', [] as string[], () => session.close(path)));
});

connection.onDidChangeWatchedFiles(async (params) => {
  await ready;
  const affected: string[] = [];
  for (const change of params.changes) {
    const path = uriToPath(change.uri);
    const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
    if (path) affected.push(...runSafe(log, 'watched file', [] as string[], () => session.diskChanged(path, kind)));
  }
  diagnostics.refresh(affected);
});

connection.languages.diagnostics.on(async (params) => {
  await ready;
  return { kind: 'full', items: runSafe(log, 'diagnostics', [], () => diagnostics.compute(params.textDocument.uri)) };
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const path = uriToPath(params.textDocument.uri);
  if (!document || !path) return [];
  return runSafe(log, 'code actions', [], () => codeActionsFor(document, params, session.prologueEndLine(path)));
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? runSafe(log, 'hover', null, () => hoverFor(session, document, params)) : null;
});

process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
