import type { Analyzer } from '../analysis/analyzer';
import { hashText } from '../analysis/facts/extract-facts';
import type { FileSystem } from '../analysis/types';
import type { DiskFactCache } from './fact-cache';
import { extractOnWorkers } from './fact-workers';
import type { FactJob } from './fact-worker';

export interface LoadStats {
  files: number;
  parsed: number;
  fromCache: number;
  problems: string[];
}

/**
 * Reads a whole workspace into the analyzer: facts from the disk cache where the text is unchanged,
 * the rest parsed on worker threads. `keep(path)` false skips a file (an open document whose
 * editor text wins).
 */
export async function loadWorkspace(
  analyzer: Analyzer,
  fs: FileSystem,
  roots: string[],
  options: { cache?: DiskFactCache; workers: number; keep?: (path: string) => boolean; onDiscovered?: () => void; onProgress?: (done: number, total: number) => void },
): Promise<LoadStats> {
  const { files, problems } = analyzer.discover(roots);
  analyzer.index.beginBulkLoad();
  options.onDiscovered?.();
  const keep = options.keep ?? (() => true);
  const maxFileSize = analyzer.currentSettings.maxFileSize;
  const jobs: FactJob[] = [];
  let fromCache = 0;
  if (options.cache && options.cache.load() > 0) {
    for (const path of files) {
      if (fs.fileSize(path) > maxFileSize) {
        jobs.push({ path });
        continue;
      }
      const text = fs.readFile(path);
      if (text === undefined) continue;
      const cached = options.cache.get(hashText(text), path);
      if (cached) {
        analyzer.ingest(cached);
        fromCache++;
      } else jobs.push({ path, text });
    }
  } else jobs.push(...files.map((path) => ({ path })));
  let parsed = 0;
  let done = files.length - jobs.length;
  options.onProgress?.(done, files.length);
  await extractOnWorkers(
    jobs,
    maxFileSize,
    options.workers,
    (facts) => {
      for (const f of facts) {
        if (!keep(f.path)) continue;
        analyzer.ingest(f);
        parsed++;
      }
      done += facts.length;
      options.onProgress?.(done, files.length);
    },
    (job) => (job.text === undefined ? analyzer.readFacts(job.path) : analyzer.factsFor(job.path, job.text)),
  );
  analyzer.index.endBulkLoad();
  if (parsed > 0 || fromCache !== files.length) options.cache?.save(analyzer.index.paths().map((p) => analyzer.index.facts(p)!));
  return { files: files.length, parsed, fromCache, problems };
}
