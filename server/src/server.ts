import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildId, docsUrlFor } from './install-location';
import { codeActionsFor } from './lsp/code-actions';
import { codeLensesFor, CountLenses, isCountLensData } from './lsp/code-lenses';
import { FIX_ALL_KIND, fixActions, isFixAllData, isFixData, resolveFix } from './lsp/fix-actions';
import { editorSettingsFrom } from './lsp/editor-settings';
import { decideRequest } from './lsp/decide-request';
import { endpointsRequest } from './lsp/endpoints-request';
import { DiagnosticsService } from './lsp/diagnostics';
import { hoverFor } from './lsp/hover';
import { fixSupport, isRefactorData, refactorActions, refactorSupport, resolveRefactor } from './lsp/refactor-actions';
import { runSafe, runSafeAsync } from './lsp/run-safe';
import { scanProgress } from './lsp/scan-progress';
import { scaffoldRequest } from './lsp/scaffold-request';
import { uriToPath } from './lsp/to-lsp';
import { WorkspaceDiagnostics } from './lsp/workspace-diagnostics';
import { CHECK_WORKSPACE_REQUEST, COMMANDS, DECIDE_REQUEST, ENDPOINTS_CHANGED_NOTIFICATION, ENDPOINTS_REQUEST, INDEXED_NOTIFICATION, SCAFFOLD_REQUEST, SETTINGS_SECTION, STATUS_REQUEST, type CheckWorkspaceResult, type DecideParams, type DecideResult, type EndpointsResult, type IndexedParams, type ScaffoldParams, type ScaffoldResult, type InitializationOptions, type StatusResult } from './protocol';
import { runAsFactWorker } from './workspace/fact-worker';
import { fixesLoaded } from './workspace/fixes-loader';
import { Session } from './workspace/session';
import { codeCacheState, saveCodeCache } from './code-cache';
import { IdleCollector, keepEditsAsAtStart, keepEditsYoung } from './garbage-collection';

if (!runAsFactWorker()) startServer();

/** How long changes are gathered before the endpoints view is told to ask again. */
const ENDPOINTS_SETTLE_MS = 500;

/** Wiring only: every handler delegates, inside `runSafe`. */
function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const idle = new IdleCollector();
  const log = (message: string): void => connection.console.error(message);
  const session = new Session((message) => {
    connection.console.warn(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Next.js Action Advisor: ${message}` });
  });
  const pageUrl = docsUrlFor(__dirname);
  /** A rule's link: one the editor opens in place when it gave one, else the page's file. */
  const docsUrl = (ruleId: string): string => options.ruleLink?.replace('{id}', ruleId) ?? pageUrl(ruleId);
  const diagnostics = new DiagnosticsService(connection, documents, session, docsUrl, log);
  const countLenses = new CountLenses(session);
  let editor = editorSettingsFrom(undefined);
  let lensRefresh = false;
  let workDoneProgress = false;
  // A caller edited or saved elsewhere can make a shown count wrong: the editor asks for lenses again.
  let endpointsTimer: NodeJS.Timeout | undefined;
  session.onChange((paths) => {
    if (lensRefresh && runSafe(log, 'lenses', false, () => countLenses.staleAmong(paths))) void connection.sendRequest(CodeLensRefreshRequest.type);
    // The endpoints view asks again once the edits settle.
    endpointsTimer ??= setTimeout(() => {
      endpointsTimer = undefined;
      void connection.sendNotification(ENDPOINTS_CHANGED_NOTIFICATION);
    }, ENDPOINTS_SETTLE_MS);
  });

  let roots: string[] = [];
  let configurationPull = false;
  let options: InitializationOptions = {};
  let watchRegistration = false;
  /** Why this client cannot take a refactor, or `null`. */
  let refactorsUnsupported: string | null = null;
  /** Why this client cannot take a fix (built at resolve), or `null`. */
  let fixesUnsupported: string | null = null;
  let indexed = false;
  let markDiscovered: () => void = () => {};
  /** The apps and files are known: edits and requests can be served, from a partial index at first. */
  const discovered = new Promise<void>((resolve) => (markDiscovered = resolve));
  let markIndexed: () => void = () => {};
  /** Every file is read: who calls what is known across the project. */
  const wholeIndex = new Promise<void>((resolve) => (markIndexed = resolve));
  const workspaceDiagnostics = new WorkspaceDiagnostics(connection, documents, session, diagnostics, wholeIndex);

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map(uriToPath).filter((p): p is string => p !== null);
    configurationPull = capabilities.workspace?.configuration === true;
    watchRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    options = (params.initializationOptions as InitializationOptions | undefined) ?? {};
    refactorsUnsupported = refactorSupport(capabilities);
    fixesUnsupported = fixSupport(capabilities);
    lensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    workDoneProgress = capabilities.window?.workDoneProgress === true;
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    diagnostics.useCapabilities(pull, capabilities.workspace?.diagnostics?.refreshSupport === true);
    workspaceDiagnostics.useCapabilities(pull, capabilities.workspace?.diagnostics?.refreshSupport === true);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: pull ? { interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: true },
        executeCommandProvider: { commands: [COMMANDS.showRuleDocs] },
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
    editor = editorSettingsFrom(settings);
    workspaceDiagnostics.useProblems(editor.problems);
    const started = Date.now();
    const progress = await scanProgress(connection, workDoneProgress);
    try {
      const stats = await session.load(roots, settings, { cacheFolder: options.cacheFolder, buildId: buildId(__filename), onDiscovered: markDiscovered, onProgress: (done, total) => progress.report(done, total) }).finally(() => progress.done());
      const apps = session.analyzer.index.apps.map((a) => session.relativePath(a.root) || '.');
      const params: IndexedParams = { apps, files: stats.files, parsed: stats.parsed, fromCache: stats.fromCache, milliseconds: Date.now() - started };
      // Said in the output, so that "Show Output" tells what was found.
      connection.console.info(`Indexed ${stats.files} files of ${apps.length} Next.js app${apps.length === 1 ? '' : 's'} (${apps.join(', ') || 'none'}) in ${params.milliseconds} ms: ${stats.parsed} parsed, ${stats.fromCache} from the cache.`);
      void connection.sendNotification(INDEXED_NOTIFICATION, params);
    } catch (error) {
      log(`loading the workspace failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    markDiscovered();
    indexed = true;
    markIndexed();
    // The initial scan leaves much garbage behind (the workers' answers, the cache written).
    idle.collectNow();
    keepEditsYoung();
    diagnostics.refreshAll();
  });

  async function editorSettings(): Promise<unknown> {
    if (!configurationPull) return options.settings;
    try {
      return await connection.workspace.getConfiguration(SETTINGS_SECTION);
    } catch (error) {
      log(`reading settings failed: ${String(error)}`);
      return options.settings;
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    await discovered;
    const settings = configurationPull ? await editorSettings() : (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    await session.updateSettings(settings).catch((error: unknown) => log(`settings failed: ${String(error)}`));
    editor = editorSettingsFrom(settings);
    workspaceDiagnostics.useProblems(editor.problems);
    diagnostics.refreshAll();
    if (lensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  });

  documents.onDidChangeContent(async (event) => {
    idle.activity();
    await discovered;
    const path = uriToPath(event.document.uri);
    if (path) diagnostics.changed(path, event.document.getText());
  });

  documents.onDidClose(async (event) => {
    await discovered;
    const path = uriToPath(event.document.uri);
    diagnostics.clear(event.document.uri);
    if (path) countLenses.forget(path);
    if (path) diagnostics.refresh(runSafe(log, 'close', [] as string[], () => session.close(path)));
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    await discovered;
    const affected: string[] = [];
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      if (path) affected.push(...runSafe(log, 'watched file', [] as string[], () => session.diskChanged(path, kind)));
    }
    diagnostics.refresh(affected);
  });

  connection.languages.diagnostics.on(async (params, token) => {
    await discovered;
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const report = runSafe(log, 'diagnostics', { kind: 'full' as const, items: [] }, () => diagnostics.report(params.textDocument.uri, params.previousResultId, () => token.isCancellationRequested));
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return report;
  });

  connection.languages.diagnostics.onWorkspace(async (params, token, _progress, partialResults) => {
    // Who calls what, and so every file's findings, is known once every file is read.
    await wholeIndex;
    return runSafeAsync(log, 'workspace diagnostics', { items: [] }, () => workspaceDiagnostics.pull(params, token, partialResults !== undefined));
  });

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (): Promise<CheckWorkspaceResult> => {
    await wholeIndex;
    return runSafeAsync(log, 'check workspace', { files: 0, filesWithFindings: 0, findings: 0 }, () => workspaceDiagnostics.checkWholeWorkspace());
  });

  connection.onShutdown(() => {
    workspaceDiagnostics.stop();
    // What this session compiled, for the next start; under the flags V8 started with, as it requires.
    keepEditsAsAtStart();
    saveCodeCache();
  });

  connection.onCodeAction(async (params) => {
    await discovered;
    const document = documents.get(params.textDocument.uri);
    const path = uriToPath(params.textDocument.uri);
    if (!document || !path) return [];
    return runSafe(log, 'code actions', [], () => [
      ...fixActions(session, document, params, fixesUnsupported),
      ...refactorActions(session, document, params, refactorsUnsupported),
      ...codeActionsFor(document, params, session.prologueEndLine(path), session.analyzer.index.facts(path)?.suppressions ?? []),
    ]);
  });

  connection.onCodeActionResolve((action) => {
    const data: unknown = action.data;
    const resolve = isRefactorData(data)
      ? () => resolveRefactor(session, documents, action, data, options.openFileCommand === true)
      : isFixData(data) || isFixAllData(data)
        ? () => resolveFix(session, documents, action, data)
        : null;
    if (!resolve) return action;
    return runSafe(log, 'code action', action, () => {
      const { action: resolved, refused } = resolve();
      if (refused) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Next.js Action Advisor: ${refused}` });
      return resolved;
    });
  });

  connection.onHover(async (params) => {
    await discovered;
    const document = documents.get(params.textDocument.uri);
    return document ? runSafe(log, 'hover', null, () => hoverFor(session, document, params, docsUrl)) : null;
  });

  // Editors other than VS Code (whose client renders the page itself) open the rule's page.
  connection.onExecuteCommand(async (params) => {
    const ruleId = params.arguments?.[0];
    if (params.command === COMMANDS.showRuleDocs && typeof ruleId === 'string') await connection.window.showDocument({ uri: pageUrl(ruleId), external: true });
  });

  connection.onCodeLens(async (params) => {
    await discovered;
    const document = documents.get(params.textDocument.uri);
    return document ? runSafe(log, 'code lenses', [], () => codeLensesFor(session, document, params, editor.codeLens)) : [];
  });

  connection.onCodeLensResolve(async (lens) => {
    // Callers are counted once every file is read.
    await wholeIndex;
    const data = lens.data;
    return isCountLensData(data) ? runSafe(log, 'code lens', lens, () => countLenses.resolve(lens, data)) : lens;
  });

  connection.onRequest(ENDPOINTS_REQUEST, async (): Promise<EndpointsResult> => {
    await wholeIndex;
    return runSafe(log, 'endpoints', { endpoints: [] }, () => endpointsRequest(session));
  });

  connection.onRequest(DECIDE_REQUEST, async (params: DecideParams): Promise<DecideResult | null> => {
    // The callers of a function are known only once every file is read.
    await wholeIndex;
    return runSafe(log, 'decide', null, () => decideRequest(session, documents, params, pageUrl));
  });

  connection.onRequest(SCAFFOLD_REQUEST, async (params: ScaffoldParams): Promise<ScaffoldResult> => {
    await wholeIndex;
    return runSafe(log, 'scaffold', { refused: 'The scaffold failed: see the output of Next.js Action Advisor.' }, () => scaffoldRequest(session, documents, params));
  });

  connection.onRequest(STATUS_REQUEST, (): StatusResult => ({ pid: process.pid, indexed, files: session.fileCount, heapMB: process.memoryUsage().heapUsed / 1048576, refactorsLoaded: fixesLoaded(), codeCache: codeCacheState() }));

  process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${String(reason)}`));

  documents.listen(connection);
  connection.listen();
}
