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

/**
 * Parses files on worker threads, handing out small chunks so that the workers finish together.
 * `onFacts` receives each chunk's facts on the main thread, which stays free between chunks.
 * Running from sources (tests), it parses on this thread instead.
 */
export async function extractOnWorkers(jobs: FactJob[], maxFileSize: number, count: number, onFacts: (facts: FileFacts[]) => void, fallback: (job: FactJob) => FileFacts | null): Promise<void> {
  const script = workerScript();
  if (!script || jobs.length === 0 || count === 0) {
    for (const job of jobs) {
      const facts = fallback(job);
      if (facts) onFacts([facts]);
    }
    return;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(count, Math.ceil(jobs.length / CHUNK)) }, () => new Worker(script, { workerData: { role: FACT_WORKER_ROLE } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
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
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a fact worker exited with ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
