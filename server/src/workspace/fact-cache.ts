import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { FileFacts } from '../analysis/facts/file-facts';

const VERSION = 6;

/** The same text parses differently as `.ts` and `.tsx`: the extension is part of the key. */
function keyOf(filePath: string, hash: string): string {
  return `${path.extname(filePath)}:${hash}`;
}

/**
 * Facts from an earlier session, keyed by content hash (and extension), in the editor's storage folder
 * (never in the project). A file whose text hashes the same needs no parse. Any read error means no cache.
 */
export class DiskFactCache {
  private readonly file: string;
  private entries = new Map<string, FileFacts>();

  constructor(folder: string, private readonly engineVersion: string) {
    this.file = path.join(folder, 'facts-cache.bin');
  }

  load(): number {
    try {
      const stored = v8.deserialize(fs.readFileSync(this.file)) as { version: number; engine: string; entries: Map<string, FileFacts> };
      if (stored.version === VERSION && stored.engine === this.engineVersion) this.entries = stored.entries;
    } catch {
      this.entries = new Map();
    }
    return this.entries.size;
  }

  /** The cached facts of this text, moved to `filePath` (a renamed file keeps its facts). */
  get(hash: string, filePath: string): FileFacts | null {
    const cached = this.entries.get(keyOf(filePath, hash));
    return cached ? (cached.path === filePath ? cached : { ...cached, path: filePath }) : null;
  }

  /** Replaces the cache with the facts in use now; written atomically. */
  save(facts: Iterable<FileFacts>): void {
    const entries = new Map<string, FileFacts>();
    for (const f of facts) if (!f.skipped) entries.set(keyOf(f.path, f.hash), f);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, v8.serialize({ version: VERSION, engine: this.engineVersion, entries }));
      fs.renameSync(temporary, this.file);
      this.entries = entries;
    } catch {
      // A cache that cannot be written only costs the next start some time.
    }
  }
}
