import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  ExitNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceDiagnosticRequest,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ProtocolConnection,
  type PreviousResultId,
  type PublishDiagnosticsParams,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { tempCopy, type TempCopy } from './temp-copy';
import { CODE_CACHE_ENVIRONMENT, SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../../server/src/protocol';

const SERVER = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  root: string;
  /** What the client answers to `workspace/configuration`. */
  settings?: Record<string, unknown>;
  /** A client without pull diagnostics gets them pushed. */
  pull?: boolean;
  initializationOptions?: Record<string, unknown>;
  /** `false`: a client that can neither resolve code actions nor create files. */
  refactors?: boolean;
}

/** The bundled server over stdio, driven by a real LSP connection, as an editor drives it. */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly messages: string[] = [];
  /** What the server wrote to its output (window/logMessage). */
  readonly logs: string[] = [];
  readonly pushed = new Map<string, Diagnostic[]>();
  /** Every publishDiagnostics, in arrival order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  settings: Record<string, unknown>;
  refreshes = 0;
  /** `workspace/codeLens/refresh` requests received. */
  lensRefreshes = 0;
  /** What the server asked the editor to show (`window/showDocument`). */
  readonly shownDocuments: { uri: string; external?: boolean }[] = [];
  /** Every `$/progress` value the server reported, in order. */
  readonly progress: { kind: string; percentage?: number; message?: string }[] = [];
  /** The diagnostics each open document shows, with their result id. */
  private readonly shown = new Map<string, { resultId: string; items: Diagnostic[] }>();
  /** When the initialize request was sent (performance.now()). */
  initializeSentAt = 0;
  /** Set when the server says its initial scan is complete. */
  indexedStats: { files: number; parsed: number; fromCache: number; milliseconds: number } | null = null;
  private refreshesAtConfiguration = Infinity;
  private readonly process: ChildProcess;
  private readonly versions = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  private exited = false;

  private constructor(private readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    // ADVISOR_SERVER_NODE_ARGS: options for the server's Node (`--cpu-prof`, as bench/README.md profiles it).
    const nodeArgs = process.env.ADVISOR_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    // With a cache folder, the server keeps its compiled code there too, as VS Code's client has it do in the extension's storage.
    const cacheFolder = options.initializationOptions?.cacheFolder;
    const codeCache = typeof cacheFolder === 'string' ? { [CODE_CACHE_ENVIRONMENT]: cacheFolder } : {};
    this.process = spawn(process.execPath, [...SERVER_NODE_OPTIONS, ...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...SERVER_ENVIRONMENT, ...codeCache } });
    this.process.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      if (process.env.ADVISOR_SERVER_STDERR) process.stderr.write(chunk);
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.refreshesAtConfiguration = this.refreshes;
      return params.items.map(() => this.settings);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.lensRefreshes++;
      this.notify();
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showDocument', (p: { uri: string; external?: boolean }) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    this.connection.onNotification('$/progress', (p: { value: TestClient['progress'][number] }) => {
      this.progress.push(p.value);
      this.notify();
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      if (process.env.ADVISOR_SERVER_STDERR) process.stderr.write(`${p.message}\n`);
    });
    this.connection.onNotification('nextActionAdvisor/indexed', (stats: TestClient['indexedStats']) => {
      this.indexedStats = stats;
      this.notify();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p.diagnostics);
      this.publishes.push(p);
      this.notify();
    });
    this.connection.listen();
  }

  /** Starts the server and waits until its initial scan is complete. */
  static async started(options: ClientOptions): Promise<TestClient> {
    const client = await TestClient.start(options);
    await client.waitFor(() => client.indexedStats !== null, 'the initial scan');
    return client;
  }

  static async start(options: ClientOptions): Promise<TestClient> {
    const client = new TestClient(options);
    const pull = options.pull ?? true;
    client.initializeSentAt = performance.now();
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri(options.root),
      workspaceFolders: [{ uri: uri(options.root), name: 'workspace' }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        window: { workDoneProgress: true, showDocument: { support: true } },
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: pull },
          codeLens: { refreshSupport: true },
          ...(options.refactors === false ? {} : { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'delete'] } }),
        },
        textDocument: {
          ...(pull ? { diagnostic: { dynamicRegistration: false }, synchronization: {} } : { publishDiagnostics: { relatedInformation: true } }),
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } }, ...(options.refactors === false ? {} : { resolveSupport: { properties: ['edit'] } }), dataSupport: true },
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get alive(): boolean {
    return !this.exited;
  }

  async open(relative: string, text = fs.readFileSync(path.join(this.options.root, relative), 'utf8')): Promise<string> {
    const docUri = uri(path.join(this.options.root, relative));
    this.versions.set(docUri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: docUri, languageId: languageOf(relative), version: 1, text } });
    return docUri;
  }

  /** One incremental edit, as an editor sends a keystroke. */
  async edit(relative: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    const docUri = uri(path.join(this.options.root, relative));
    const version = (this.versions.get(docUri) ?? 1) + 1;
    this.versions.set(docUri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: docUri, version }, contentChanges: [{ range, text }] });
  }

  /** The server's process id, from its status request. */
  async serverPid(): Promise<number> {
    return ((await this.connection.sendRequest('nextActionAdvisor/status')) as { pid: number }).pid;
  }

  /** Replaces the whole text, as an editor does for a paste over everything. */
  async change(relative: string, text: string): Promise<void> {
    const docUri = uri(path.join(this.options.root, relative));
    const version = (this.versions.get(docUri) ?? 1) + 1;
    this.versions.set(docUri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: docUri, version }, contentChanges: [{ text }] });
  }

  async close(relative: string): Promise<void> {
    this.shown.delete(uri(path.join(this.options.root, relative)));
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(path.join(this.options.root, relative)) } });
  }

  /**
   * A `workspace/diagnostic` pull. With `partialResultToken` the client takes a long-running request, as
   * VS Code does: the server may hold it until there is something to send.
   */
  async workspaceDiagnostics(previousResultIds: PreviousResultId[] = [], options: { partialResultToken?: string; token?: CancellationToken } = {}): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const params = { previousResultIds, partialResultToken: options.partialResultToken };
    return (await this.connection.sendRequest(WorkspaceDiagnosticRequest.type, params, options.token)).items;
  }

  /**
   * A document pull. Like VS Code, the client sends the id of the result it shows, and keeps showing
   * it when the server answers `unchanged`.
   */
  async diagnostics(relative: string): Promise<Diagnostic[]> {
    const docUri = uri(path.join(this.options.root, relative));
    const shown = this.shown.get(docUri);
    const report = (await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: docUri }, previousResultId: shown?.resultId })) as DocumentDiagnosticReport;
    if (report.kind === 'unchanged') {
      if (!shown) throw new Error(`the server answered unchanged for ${relative}, which was never shown`);
      return shown.items;
    }
    if (report.resultId !== undefined) this.shown.set(docUri, { resultId: report.resultId, items: report.items });
    return report.items;
  }

  /** New settings; resolves once the server has read them and asked for a diagnostics refresh. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    this.refreshesAtConfiguration = Infinity;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await this.waitFor(() => this.refreshes > this.refreshesAtConfiguration, 'a refresh after the settings change');
  }

  /** Resolves when `condition` holds, re-checked on every message from the server; fails after `ms`. */
  async waitFor(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      await this.connection.sendRequest(ShutdownRequest.type).catch(() => {});
      await this.connection.sendNotification(ExitNotification.type).catch(() => {});
    }
    this.connection.dispose();
    if (!this.exited) this.process.kill();
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).href;
}

function languageOf(file: string): string {
  if (file.endsWith('.tsx')) return 'typescriptreact';
  if (file.endsWith('.jsx')) return 'javascriptreact';
  if (/\.(c|m)?js$/.test(file)) return 'javascript';
  return 'typescript';
}

/** `code@line:col` for each diagnostic, 1-based, for compact assertions. */
export function brief(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

/**
 * The server on a fresh copy of `source`, for the tests of one `describe`: started before them,
 * stopped and the copy removed after. `client` is there once the tests run.
 */
export function serverOnCopy(source: string, options: Omit<ClientOptions, 'root'> = {}): { copy: TempCopy; client: TestClient } {
  const server = { copy: tempCopy(source), client: undefined as unknown as TestClient };
  before(async () => (server.client = await TestClient.started({ ...options, root: server.copy.root })));
  after(async () => {
    await server.client.stop();
    server.copy.remove();
  });
  return server;
}
