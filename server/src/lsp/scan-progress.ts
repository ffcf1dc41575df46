import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** The initial scan's progress, as a percentage in the editor's status bar. */
export interface ScanProgress {
  report(done: number, total: number): void;
  done(): void;
}

/** Reported once per percent, at most: a 3,000-file scan sends a hundred notifications, not thousands. */
export async function scanProgress(connection: Connection, supported: boolean): Promise<ScanProgress> {
  let reporter: WorkDoneProgressServerReporter | null = null;
  if (supported) {
    reporter = await connection.window.createWorkDoneProgress().catch(() => null);
    reporter?.begin('Next.js Action Advisor', 0, 'Reading the workspace…', false);
  }
  let shown = -1;
  return {
    report(done, total) {
      const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (!reporter || percentage <= shown) return;
      shown = percentage;
      reporter.report(percentage, `Indexing: ${done} of ${total} files`);
    },
    done() {
      reporter?.done();
    },
  };
}
