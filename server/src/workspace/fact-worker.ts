import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
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

/**
 * A worker of the initial scan (bundled as dist/fact-worker.js): reads and parses the files it is
 * given, and answers their facts, chunk by chunk. A file it cannot read is left out.
 */
parentPort?.on('message', (request: FactRequest) => {
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
});
