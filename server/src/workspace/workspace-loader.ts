import type { Analyzer } from '../analysis/analyzer';
import { hashText } from '../analysis/facts/extract-facts';
import type { FileFacts } from '../analysis/facts/file-facts';
import { StringPool } from '../analysis/facts/string-pool';
import type { FileSystem } from '../analysis/types';
import type { DiskFactCache, StampedHash } from './fact-cache';
import { FactWorkers } from './fact-workers';
import { resolutionKey } from './resolution-key';
import type { FactJob } from './fact-worker';

export interface LoadStats {
  files: number;
  parsed: number;
  fromCache: number;
  problems: string[];
}

/** Cached files taken between two turns of the event loop: small enough that a keystroke waits little. */
const CACHE_CHUNK = 200;

interface LoadOptions {
  cache?: DiskFactCache;
  workers: number;
  keep?: (path: string) => boolean;
  onDiscovered?: () => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Lets the requests that arrived meanwhile (the editor's first diagnostics) be answered, and sent: the
 * connection writes its messages in immediates queued while answering, which run before an immediate
 * queued from inside one.
 */
const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Reads a whole workspace into the analyzer: facts from the disk cache where the file is unchanged,
 * the rest parsed on worker threads. `keep(path)` false skips a file (an open document whose
 * editor text wins). Once the files are discovered, requests are answered before the cache is read,
 * and between its chunks.
 */
export async function loadWorkspace(
  analyzer: Analyzer,
  fs: FileSystem,
  roots: string[],
  options: LoadOptions,
): Promise<LoadStats> {
  // Without a cache (the checker) every file is parsed: the workers start while the workspace is
  // walked. With one (the server), they start after the opened file's first answer, which they would slow.
  const workers = new FactWorkers(options.workers);
  if (!options.cache) workers.startEarly();
  try {
    return await readWorkspace(analyzer, fs, roots, options, workers);
  } finally {
    await workers.close();
  }
}

async function readWorkspace(analyzer: Analyzer, fs: FileSystem, roots: string[], options: LoadOptions, workers: FactWorkers): Promise<LoadStats> {
  const { files, problems } = analyzer.discover(roots);
  analyzer.index.beginBulkLoad(files);
  options.onDiscovered?.();
  const { cache } = options;
  const keep = options.keep ?? (() => true);
  const maxFileSize = analyzer.currentSettings.maxFileSize;
  const jobs: FactJob[] = [];
  /** The stamp each file had before it was read, with the hash of the facts made from it. */
  const stamps = new Map<string, StampedHash>();
  let key = '';
  let saved: ReturnType<DiskFactCache['resolutionsFor']> = null;
  const strings = new StringPool();
  /** Facts taken from the cache: their strings are pooled after the load, which their decoding already makes wait. */
  const cachedFacts: FileFacts[] = [];
  const ingest = (facts: FileFacts): void => {
    analyzer.ingest(facts);
    // Resolved as the facts come in, while the workers parse on: the index links them at the end.
    if (!saved) analyzer.index.importTargetsOf(facts);
    const stamp = stamps.get(facts.path);
    if (stamp) stamp.hash = facts.hash;
  };
  let fromCache = 0;
  /** Files found in the cache by their text, not their stamp: their new stamps are worth saving. */
  let restamped = 0;
  let done = 0;
  if (cache) {
    await yieldToRequests();
    key = resolutionKey(fs, files, analyzer.index.apps);
    const cached = cache.load();
    saved = cache.resolutionsFor(key);
    for (let start = 0; start < files.length; start += CACHE_CHUNK) {
      for (const path of files.slice(start, start + CACHE_CHUNK)) {
        const stamp = fs.stamp(path);
        if (!stamp || !keep(path)) continue;
        if (stamp.size > maxFileSize) {
          jobs.push({ path });
          continue;
        }
        stamps.set(path, { ...stamp, hash: '' });
        if (!cached) {
          jobs.push({ path });
          continue;
        }
        const stamped = cache.byStamp(path, stamp);
        const text = stamped ? undefined : fs.readFile(path);
        const facts = stamped ?? (text === undefined ? null : cache.byHash(hashText(text), path));
        if (facts) {
          ingest(facts);
          cachedFacts.push(facts);
          fromCache++;
          if (!stamped) restamped++;
        } else if (text !== undefined) jobs.push({ path, text });
      }
      done = Math.min(files.length, start + CACHE_CHUNK) - jobs.length;
      options.onProgress?.(done, files.length);
      await yieldToRequests();
    }
  } else jobs.push(...files.map((path) => ({ path })));
  let parsed = 0;
  await workers.extract(
    jobs,
    maxFileSize,
    (facts) => {
      for (const f of facts) {
        if (!keep(f.path)) continue;
        // Pooled as they come in, while the workers parse on.
        ingest(strings.intern(f));
        parsed++;
      }
      done += facts.length;
      options.onProgress?.(done, files.length);
    },
    (job) => (job.text === undefined ? analyzer.readFacts(job.path) : analyzer.factsFor(job.path, job.text)),
  );
  await workers.close();
  if (saved) analyzer.index.adoptResolutions(saved);
  analyzer.index.endBulkLoad();
  // Open documents are not taken from the cache: they alone are no reason to write it again.
  if (parsed > 0 || restamped > 0 || !saved) {
    cache?.save(analyzer.index.paths().map((p) => analyzer.index.facts(p)!), stamps, { key, byFile: analyzer.index.savedResolutions() });
  }
  void poolLater(strings, cachedFacts);
  return { files: files.length, parsed, fromCache, problems };
}

/** Pools the strings of facts a chunk at a time, between turns of the event loop. */
async function poolLater(strings: StringPool, facts: FileFacts[]): Promise<void> {
  for (let start = 0; start < facts.length; start += CACHE_CHUNK) {
    await yieldToRequests();
    for (const f of facts.slice(start, start + CACHE_CHUNK)) strings.intern(f);
  }
}
