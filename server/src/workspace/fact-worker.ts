import * as fs from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { factsForText, skippedFacts } from '../analysis/facts/extract-facts';
import type { FileFacts } from '../analysis/facts/file-facts';

/** A job: a file to read, or its text when the main thread has it already. */
export interface FactJob {
  path: string;
  text?: string;
}

export interface FactRequest {
  jobs: FactJob[];
  maxFileSize: number;
}

export const FACT_WORKER_ROLE = 'next-action-advisor/facts';

/**
 * Each bundle (server, checker) also serves as its own worker of the initial scan, so that one copy
 * of TypeScript ships. Called first thing by an entry point: true when this thread is such a worker,
 * which then reads and parses the files it is given and answers their facts, chunk by chunk.
 */
export function runAsFactWorker(): boolean {
  if (isMainThread || (workerData as { role?: string } | undefined)?.role !== FACT_WORKER_ROLE) return false;
  parentPort!.on('message', answer);
  return true;
}

function answer(request: FactRequest): void {
  const facts: FileFacts[] = [];
  for (const job of request.jobs) {
    try {
      if (job.text === undefined) {
        const size = fs.statSync(job.path).size;
        if (size > request.maxFileSize) {
          facts.push(skippedFacts(job.path, `size:${size}`, 'too-large'));
          continue;
        }
      }
      facts.push(factsForText(job.path, job.text ?? fs.readFileSync(job.path, 'utf8'), request.maxFileSize));
    } catch {
      // Deleted or unreadable since the walk: the watcher will say so.
    }
  }
  parentPort!.postMessage(facts);
}
