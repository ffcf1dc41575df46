import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from '../workspace/session';
import { pathToUri, toDiagnostic, uriToPath } from './to-lsp';

/**
 * Diagnostics for open documents: pulled by clients that support it, pushed to the others.
 * A change in one file refreshes the open files whose findings depend on it.
 */
export class DiagnosticsService {
  private pull = false;
  private refreshSupported = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly session: Session,
    private readonly docsUrl: (ruleId: string) => string,
  ) {}

  useCapabilities(pull: boolean, refresh: boolean): void {
    this.pull = pull;
    this.refreshSupported = refresh;
  }

  compute(uri: string): Diagnostic[] {
    const path = uriToPath(uri);
    if (!path) return [];
    return this.session.findings(path).map((f) => toDiagnostic(f, (p) => this.session.lineStarts(p), this.docsUrl));
  }

  /** Findings of these paths may have changed; the edited document itself is re-pulled by the client. */
  refresh(paths: Iterable<string>, except?: string): void {
    const open = new Set(this.documents.keys());
    const affected = [...new Set(paths)].map(pathToUri).filter((uri) => open.has(uri));
    if (this.pull) {
      if (this.refreshSupported && affected.some((uri) => uri !== except)) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of affected) void this.connection.sendDiagnostics({ uri, diagnostics: this.compute(uri) });
  }

  /** Everything may have changed (settings, configuration files, the first load). */
  refreshAll(): void {
    if (this.pull) {
      if (this.refreshSupported) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of this.documents.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: this.compute(uri) });
  }

  clear(uri: string): void {
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
