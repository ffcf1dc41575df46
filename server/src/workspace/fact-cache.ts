import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { FileFacts } from '../analysis/facts/file-facts';
import type { Resolution } from '../analysis/project/module-resolver';
import type { FileStamp } from '../analysis/types';

const VERSION = 8;

/** The stamp a file had when the facts with this hash were made from it. */
export interface StampedHash extends FileStamp {
  hash: string;
}

interface Stored {
  version: number;
  engine: string;
  /** Each file's facts serialized on their own, so that a start decodes them a chunk at a time. */
  entries: Map<string, Uint8Array>;
  stamps: Map<string, StampedHash>;
  resolutions: SavedResolutions;
}

/** Import resolutions by importing file and specifier, good while their key holds. */
export interface SavedResolutions {
  key: string;
  byFile: Map<string, Map<string, Resolution>>;
}

/** The same text parses differently as `.ts` and `.tsx`: the extension is part of the key. */
function keyOf(filePath: string, hash: string): string {
  return `${path.extname(filePath)}:${hash}`;
}

/**
 * Facts from an earlier session, keyed by content hash (and extension), in the editor's storage folder
 * (never in the project). A file whose size and modification time are those it had when its facts were
 * made is not even read; one whose text hashes the same needs no parse. Any read error means no cache.
 */
export class DiskFactCache {
  private readonly file: string;
  private entries = new Map<string, Uint8Array>();
  private stamps = new Map<string, StampedHash>();
  private resolutions: SavedResolutions = { key: '', byFile: new Map() };

  constructor(folder: string, private readonly engineVersion: string) {
    this.file = path.join(folder, 'facts-cache.bin');
  }

  /** Reads the cache file; true when it holds entries for this engine. */
  load(): boolean {
    try {
      const stored = v8.deserialize(fs.readFileSync(this.file)) as Stored;
      if (stored.version === VERSION && stored.engine === this.engineVersion) ({ entries: this.entries, stamps: this.stamps, resolutions: this.resolutions } = stored);
    } catch {
      this.entries = new Map();
      this.stamps = new Map();
    }
    return this.entries.size > 0;
  }

  /** The saved resolutions, when they were made under this key; null otherwise. */
  resolutionsFor(key: string): Map<string, Map<string, Resolution>> | null {
    return this.resolutions.key === key ? this.resolutions.byFile : null;
  }

  /** The cached facts of `filePath` when the file still has the stamp it had: no read, no hash. */
  byStamp(filePath: string, stamp: FileStamp): FileFacts | null {
    const known = this.stamps.get(filePath);
    return known && known.size === stamp.size && known.mtimeMs === stamp.mtimeMs ? this.byHash(known.hash, filePath) : null;
  }

  /** The cached facts of this text, moved to `filePath` (a renamed file keeps its facts). */
  byHash(hash: string, filePath: string): FileFacts | null {
    const encoded = this.entries.get(keyOf(filePath, hash));
    if (!encoded) return null;
    try {
      const cached = v8.deserialize(encoded) as FileFacts;
      return cached.path === filePath ? cached : { ...cached, path: filePath };
    } catch {
      return null;
    }
  }

  /**
   * Replaces the cache with the facts in use now and the stamps of the files they were read from (a
   * stamp whose hash is not the facts' is left out: that file changed since), and the resolutions of
   * their imports. Written atomically; nothing is kept in memory afterwards.
   */
  save(facts: Iterable<FileFacts>, stamps: ReadonlyMap<string, StampedHash>, resolutions: SavedResolutions): void {
    const stored: Stored = { version: VERSION, engine: this.engineVersion, entries: new Map(), stamps: new Map(), resolutions };
    for (const f of facts) {
      if (f.skipped) continue;
      stored.entries.set(keyOf(f.path, f.hash), v8.serialize(f));
      const stamp = stamps.get(f.path);
      if (stamp?.hash === f.hash) stored.stamps.set(f.path, stamp);
    }
    this.entries = new Map();
    this.stamps = new Map();
    this.resolutions = { key: '', byFile: new Map() };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, v8.serialize(stored));
      fs.renameSync(temporary, this.file);
    } catch {
      // A cache that cannot be written only costs the next start some time.
    }
  }
}
