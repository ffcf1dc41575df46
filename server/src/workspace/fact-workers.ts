import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from '../analysis/facts/file-facts';
import { FACT_WORKER_ROLE, type FactJob, type FactRequest } from './fact-worker';

const CHUNK = 40;

/** The running bundle, which doubles as the worker; null when running from sources. */
function workerScript(): string | null {
  return __filename.endsWith('.js') ? __filename : null;
}

/** How many workers the initial scan uses: one per core (at most 4), or ADVISOR_WORKERS. */
export function defaultWorkerCount(): number {
  const configured = Number(process.env.ADVISOR_WORKERS);
  if (Number.isInteger(configured) && configured >= 0) return configured;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

interface Running {
  worker: Worker;
  /** Settles when the worker fails or ends; only a scan in progress listens. */
  stopped: Promise<Error>;
}

/**
 * The worker threads of an initial scan. Started before the files are known when every file will be
 * parsed: each one's start, the bundle compiled and TypeScript loaded (some 0.4 s), then overlaps the
 * walk of the workspace. Running from sources (tests), the files are parsed on this thread.
 */
export class FactWorkers {
  private running: Running[] = [];

  constructor(private readonly count: number) {}

  /** Starts the workers now rather than when the first files are handed out. */
  startEarly(): void {
    this.spawn(this.count);
  }

  /**
   * Parses files, handing out small chunks so that the workers finish together. `onFacts` receives
   * each chunk's facts on this thread, which stays free between chunks.
   */
  async extract(jobs: FactJob[], maxFileSize: number, onFacts: (facts: FileFacts[]) => void, fallback: (job: FactJob) => FileFacts | null): Promise<void> {
    if (jobs.length > 0 && this.running.length === 0) this.spawn(Math.min(this.count, Math.ceil(jobs.length / CHUNK)));
    if (this.running.length === 0 || jobs.length === 0) {
      for (const job of jobs) {
        const facts = fallback(job);
        if (facts) onFacts([facts]);
      }
      return;
    }
    let next = 0;
    await Promise.all(
      this.running.map(
        ({ worker, stopped }) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= jobs.length) return resolve();
              const request: FactRequest = { jobs: jobs.slice(next, next + CHUNK), maxFileSize };
              next += CHUNK;
              worker.postMessage(request);
            };
            // The next chunk goes out first: the worker parses it while this thread takes in the facts.
            worker.on('message', (facts: FileFacts[]) => {
              send();
              onFacts(facts);
            });
            void stopped.then(reject);
            send();
          }),
      ),
    );
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = [];
    await Promise.all(running.map(({ worker }) => worker.terminate()));
  }

  private spawn(count: number): void {
    const script = workerScript();
    if (!script) return;
    this.running = Array.from({ length: count }, () => {
      const worker = new Worker(script, { workerData: { role: FACT_WORKER_ROLE } });
      const stopped = new Promise<Error>((resolve) => {
        worker.on('error', resolve);
        worker.on('exit', (code) => resolve(new Error(`a fact worker exited with ${code}`)));
      });
      return { worker, stopped };
    });
  }
}
