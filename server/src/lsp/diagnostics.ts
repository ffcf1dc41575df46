import type { Connection, DocumentDiagnosticReport, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from '../workspace/session';
import { DiagnosticResults, NO_DIAGNOSTICS, type DiagnosticResult } from './diagnostic-results';
import { runSafe, type ErrorSink } from './run-safe';
import { pathToUri, toDiagnostic, uriToPath } from './to-lsp';

/**
 * How long edits are gathered before dependents are refreshed (and, for push clients, before the
 * edited file is published): a burst of keystrokes costs one analysis, and only the last result is sent.
 */
const SETTLE_MS = 15;

/**
 * Diagnostics for open documents: pulled by clients that support it, pushed to the others.
 * A change in one file refreshes the open files whose findings depend on it.
 */
export class DiagnosticsService {
  /** Every file's latest diagnostics, shared with the workspace report. */
  readonly results: DiagnosticResults;
  private pull = false;
  private refreshSupported = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly session: Session,
    docsUrl: (ruleId: string) => string,
    private readonly log: ErrorSink,
  ) {
    this.results = new DiagnosticResults((path, isCancelled) => session.findings(path, isCancelled).map((f) => toDiagnostic(f, (p) => session.lineStarts(p), docsUrl)), log);
    session.onChange((paths) => this.results.markStale(paths));
  }

  useCapabilities(pull: boolean, refresh: boolean): void {
    this.pull = pull;
    this.refreshSupported = refresh;
  }

  /** An open document changed: analysed when it is pulled, or after the edits settle. */
  changed(path: string, text: string): void {
    this.session.setText(path, text);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.refreshAfterSync();
    }, SETTLE_MS);
  }

  /**
   * Analyses pending edits; refreshes their dependents. A pull client asks for an edited document
   * itself, a push client is sent it. `answering`: the document a pull is being answered for now.
   */
  private refreshAfterSync(answering?: string): void {
    const { edited, dependents } = runSafe(this.log, 'sync', { edited: [] as string[], dependents: [] as string[] }, () => this.session.sync());
    this.refresh(this.pull ? dependents : [...edited, ...dependents], answering ? [answering] : []);
  }

  /** Analyses the edits not analysed yet. */
  sync(): void {
    this.refreshAfterSync();
  }

  compute(uri: string, isCancelled?: () => boolean): DiagnosticResult {
    const path = uriToPath(uri);
    if (!path) return NO_DIAGNOSTICS;
    this.refreshAfterSync(uri);
    return this.results.fresh(path, isCancelled);
  }

  /** A document pull: `unchanged` when the client already shows these diagnostics. */
  report(uri: string, previousResultId: string | undefined, isCancelled?: () => boolean): DocumentDiagnosticReport {
    const { resultId, items } = this.compute(uri, isCancelled);
    return resultId === previousResultId ? { kind: 'unchanged', resultId } : { kind: 'full', resultId, items };
  }

  /** Findings of these paths may have changed; `except`: documents answered now or about to be pulled. */
  refresh(paths: Iterable<string>, except: string[] = []): void {
    const open = new Set(this.documents.keys());
    const affected = [...new Set(paths)].map(pathToUri).filter((uri) => open.has(uri) && !except.includes(uri));
    if (affected.length === 0) return;
    if (this.pull) {
      if (this.refreshSupported) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of affected) this.publish(uri);
  }

  /** Everything may have changed (settings, configuration files, the first load). */
  refreshAll(): void {
    this.results.markAllStale();
    if (this.pull) {
      if (this.refreshSupported) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of this.documents.keys()) this.publish(uri);
  }

  clear(uri: string): void {
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Pushes the diagnostics of the document's current version. */
  private publish(uri: string): void {
    const version = this.documents.get(uri)?.version;
    const { items } = runSafe(this.log, 'diagnostics', NO_DIAGNOSTICS, () => this.compute(uri));
    void this.connection.sendDiagnostics({ uri, version, diagnostics: items });
  }
}
