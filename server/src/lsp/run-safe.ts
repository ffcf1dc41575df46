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
    sink(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  }
}
