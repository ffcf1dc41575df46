import { ResponseError } from 'vscode-languageserver';

/** Where a failed handler reports; the server wires it to the client's log. */
export type ErrorSink = (message: string) => void;

/**
 * Runs a handler so that an exception is logged and answered with `fallback`: one bad file or one
 * bug in a rule never takes the server down.
 */
export function runSafe<T>(sink: ErrorSink, name: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    report(sink, name, error);
    return fallback;
  }
}

/** `runSafe` for a handler that awaits; a `ResponseError` (a cancelled request) is the answer and passes through. */
export async function runSafeAsync<T>(sink: ErrorSink, name: string, fallback: T, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    report(sink, name, error);
    return fallback;
  }
}

function report(sink: ErrorSink, name: string, error: unknown): void {
  sink(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}
