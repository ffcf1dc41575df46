import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments, type WorkspaceDiagnosticParams, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckWorkspaceResult, ProblemsSetting } from '../protocol';
import type { Session } from '../workspace/session';
import { NO_DIAGNOSTICS, type DiagnosticResults } from './diagnostic-results';
import type { DiagnosticsService } from './diagnostics';
import { pathToUri, uriToPath } from './to-lsp';

/** Work over many files gives way this often, so that edits, cancellations and other requests are served meanwhile. */
const SLICE_MS = 10;

interface FileReport {
  path: string;
  resultId: string;
  report: WorkspaceDocumentDiagnosticReport;
}

/**
 * The findings of the whole workspace: the `workspace/diagnostic` pull, or publishing to clients
 * without pull. What a client shows (its previous result ids, or what it was sent) decides what is
 * sent: the files whose diagnostics changed. `nextActionAdvisor.problems: openFiles` keeps to the open
 * files, until "Check Whole Workspace" asks for every file.
 */
export class WorkspaceDiagnostics {
  private readonly results: DiagnosticResults;
  private pullClient = false;
  private refreshSupported = false;
  private problems: ProblemsSetting = 'workspace';
  private wholeWorkspace = false;
  /** Closed since they were last reported: the client may still show what the editor's text had. */
  private readonly closed = new Set<string>();
  /** Push clients: the result id last sent for each file not open, while it was not empty. */
  private readonly published = new Map<string, string>();
  /** A pull has been seen: only then is the workspace worth analysing ahead of being asked. */
  private pulled = false;
  /** What is reported changed other than through results (setting, command, a closed file): clients re-pull. */
  private reportChanged = false;
  private settling = false;
  private settleAgain = false;
  private wakes = 0;
  private readonly wakers = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly session: Session,
    private readonly diagnostics: DiagnosticsService,
    /** Settles once every file is read: cross-file findings are right only from then on. */
    private readonly indexed: Promise<void>,
  ) {
    this.results = diagnostics.results;
    this.results.onStale(() => this.schedule());
    documents.onDidClose((event) => {
      const path = uriToPath(event.document.uri);
      if (!path) return;
      // After the server's own close handling: the disk's text is back in the index, a push client was sent `[]`.
      setImmediate(() => {
        this.closed.add(path);
        this.published.delete(path);
        this.reportChanged = true;
        this.schedule();
      });
    });
  }

  useCapabilities(pull: boolean, refresh: boolean): void {
    this.pullClient = pull;
    this.refreshSupported = refresh;
  }

  useProblems(setting: ProblemsSetting): void {
    if (setting === this.problems) return;
    this.problems = setting;
    // The setting is the user's latest word: it ends what "Check Whole Workspace" asked for.
    this.wholeWorkspace = false;
    this.reportChanged = true;
    this.schedule();
  }

  /**
   * Answers `workspace/diagnostic` against the client's previous result ids. `holdOpen` (the client
   * takes partial results, and so a long-running request): the pull is held until there is something
   * to send (long polling), since vscode-languageclient pulls again two seconds after every answer.
   */
  async pull(params: WorkspaceDiagnosticParams, token: CancellationToken, holdOpen: boolean): Promise<WorkspaceDiagnosticReport> {
    this.pulled = true;
    const previous = new Map<string, string>();
    // By path: the client's URIs may encode characters (`[id]`) that ours do not.
    for (const { uri, value } of params.previousResultIds) {
      const path = uriToPath(uri);
      if (path) previous.set(path, value);
    }
    const isCancelled = (): boolean => token.isCancellationRequested;
    for (;;) {
      const wakes = this.wakes;
      this.diagnostics.sync();
      const reports = await this.report(previous, true, isCancelled);
      if (isCancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      if (!holdOpen || this.stopped || reports.some((r) => r.report.kind === 'full')) {
        for (const { path } of reports) this.closed.delete(path);
        return { items: reports.map((r) => r.report) };
      }
      await this.nextWake(wakes, token);
    }
  }

  /** Every file is reported from now on, whatever the setting; answers what was found. */
  async checkWholeWorkspace(): Promise<CheckWorkspaceResult> {
    this.wholeWorkspace = true;
    const giveWay = slices();
    const paths = this.session.analyzer.index.reportedPaths();
    let filesWithFindings = 0;
    let findings = 0;
    for (const path of paths) {
      if (this.results.needsComputing(path)) await giveWay();
      const { items } = this.results.current(path);
      if (items.length > 0) filesWithFindings++;
      findings += items.length;
    }
    this.reportChanged = true;
    this.schedule();
    return { files: this.session.analyzer.index.paths().length, filesWithFindings, findings };
  }

  /** A held pull is answered before the server goes. */
  stop(): void {
    this.stopped = true;
    this.wake();
  }

  /** After changes: the files they reach are analysed, then clients are told (refresh, held pulls, publishing). */
  private schedule(): void {
    if (this.settling) {
      this.settleAgain = true;
      return;
    }
    this.settling = true;
    void this.settle();
  }

  private async settle(): Promise<void> {
    await this.indexed;
    try {
      do {
        this.settleAgain = false;
        if (!this.pullClient || this.pulled) await this.computeStale();
        const open = this.openPaths();
        const changed = this.results.takeChanged().filter((path) => !open.has(path) && this.shows(path, open));
        const reportChanged = this.reportChanged;
        this.reportChanged = false;
        if (this.pullClient) {
          if ((changed.length > 0 || reportChanged) && this.refreshSupported) void this.connection.languages.diagnostics.refresh();
          this.wake();
        } else await this.publish();
      } while (this.settleAgain);
    } finally {
      this.settling = false;
    }
  }

  /** Open documents are analysed when pulled or published; the others in scope here. */
  private async computeStale(): Promise<void> {
    if (!this.everyFile) return;
    const giveWay = slices();
    const open = this.openPaths();
    for (const path of this.session.analyzer.index.reportedPaths()) {
      if (open.has(path) || !this.results.needsComputing(path)) continue;
      await giveWay();
      this.results.current(path);
    }
  }

  /** Sends a client without pull what differs from what it was last sent, for the files not open. */
  private async publish(): Promise<void> {
    for (const { path, resultId, report } of await this.report(this.published, false, () => false)) {
      this.closed.delete(path);
      if (report.kind !== 'full') continue;
      if (report.items.length > 0) this.published.set(path, resultId);
      else this.published.delete(path);
      void this.connection.sendDiagnostics({ uri: report.uri, diagnostics: report.items });
    }
  }

  /**
   * What a client that shows `previous` (path → result id) is to be told: `unchanged` where its id
   * is current, the diagnostics where they differ, nothing for files it shows nothing for and that have
   * none. `withOpen`: open documents too, with their version (a client favours its document pulls).
   */
  private async report(previous: Map<string, string>, withOpen: boolean, isCancelled: () => boolean): Promise<FileReport[]> {
    const giveWay = slices();
    const paths = new Set([...this.session.analyzer.index.reportedPaths(), ...previous.keys(), ...this.closed]);
    const reports: FileReport[] = [];
    const open = this.openDocuments();
    for (const path of paths) {
      const document = open.get(path);
      if (document && !withOpen) continue;
      const shown = document !== undefined || this.everyFile;
      if (shown && this.results.needsComputing(path)) {
        await giveWay();
        if (isCancelled()) return [];
      }
      const { resultId, items } = shown ? this.results.current(path) : NO_DIAGNOSTICS;
      const before = previous.get(path);
      const closed = this.closed.has(path);
      if (before === undefined && !closed && items.length === 0) continue;
      const uri = document?.uri ?? pathToUri(path);
      const version = document?.version ?? null;
      const report: WorkspaceDocumentDiagnosticReport = before === resultId && !closed ? { kind: 'unchanged', uri, version, resultId } : { kind: 'full', uri, version, resultId, items };
      reports.push({ path, resultId, report });
    }
    return reports;
  }

  private get everyFile(): boolean {
    return this.problems === 'workspace' || this.wholeWorkspace;
  }

  private shows(path: string, open: Set<string>): boolean {
    return this.everyFile || open.has(path);
  }

  private openDocuments(): Map<string, TextDocument> {
    const byPath = new Map<string, TextDocument>();
    for (const document of this.documents.all()) {
      const path = uriToPath(document.uri);
      if (path) byPath.set(path, document);
    }
    return byPath;
  }

  private openPaths(): Set<string> {
    return new Set(this.openDocuments().keys());
  }

  private nextWake(seen: number, token: CancellationToken): Promise<void> {
    if (this.wakes !== seen || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.wakers.delete(done);
        cancellation.dispose();
        resolve();
      };
      const cancellation = token.onCancellationRequested(done);
      this.wakers.add(done);
    });
  }

  private wake(): void {
    this.wakes++;
    for (const waker of [...this.wakers]) waker();
  }
}

/** A function to await between files: it yields to the event loop once a slice of time is used. */
function slices(): () => Promise<void> {
  let start = Date.now();
  return async () => {
    if (Date.now() - start < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    start = Date.now();
  };
}
