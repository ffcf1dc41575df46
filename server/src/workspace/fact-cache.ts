import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { FileFacts } from '../analysis/facts/file-facts';
import type { Resolution } from '../analysis/project/module-resolver';
import type { FileStamp } from '../analysis/types';
import { collectYoungGarbage } from '../garbage-collection';

const VERSION = 9;

/** Serialized bytes between two collections of the young generation while the cache is written. */
const COLLECT_EVERY = 4 * 1024 * 1024;

/** The stamp a file had when the facts with this hash were made from it. */
export interface StampedHash extends FileStamp {
  hash: string;
}

/**
 * The file is each file's facts serialized on their own (a start decodes them a chunk at a time),
 * then this index of them, then the index's length in 4 bytes.
 */
interface Stored {
  version: number;
  engine: string;
  /** Where each entry's bytes are: offset and length. */
  entries: Map<string, [number, number]>;
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

/** The facts cache's file in the storage folder (the server's compiled code sits beside it). */
export const FACTS_CACHE_FILE = 'facts-cache.bin';

/**
 * Facts from an earlier session, keyed by content hash (and extension), in the editor's storage folder
 * (never in the project). A file whose size and modification time are those it had when its facts were
 * made is not even read; one whose text hashes the same needs no parse. Any read error means no cache.
 */
export class DiskFactCache {
  private readonly file: string;
  private bytes: Uint8Array = new Uint8Array(0);
  private entries = new Map<string, [number, number]>();
  private stamps = new Map<string, StampedHash>();
  private resolutions: SavedResolutions = { key: '', byFile: new Map() };

  constructor(folder: string, private readonly engineVersion: string) {
    this.file = path.join(folder, FACTS_CACHE_FILE);
  }

  /** Reads the cache file; true when it holds entries for this engine. */
  load(): boolean {
    try {
      const bytes = fs.readFileSync(this.file);
      const indexLength = bytes.readUInt32LE(bytes.length - 4);
      if (indexLength + 4 > bytes.length) throw new Error('not a facts cache');
      const stored = v8.deserialize(bytes.subarray(bytes.length - 4 - indexLength, bytes.length - 4)) as Stored;
      if (stored.version === VERSION && stored.engine === this.engineVersion) {
        ({ entries: this.entries, stamps: this.stamps, resolutions: this.resolutions } = stored);
        this.bytes = bytes;
      }
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
    const entry = this.entries.get(keyOf(filePath, hash));
    if (!entry) return null;
    try {
      const cached = v8.deserialize(this.bytes.subarray(entry[0], entry[0] + entry[1])) as FileFacts;
      return cached.path === filePath ? cached : { ...cached, path: filePath };
    } catch {
      return null;
    }
  }

  /**
   * Replaces the cache with the facts in use now and the stamps of the files they were read from (a
   * stamp whose hash is not the facts' is left out: that file changed since), and the resolutions of
   * their imports. Written atomically; nothing is kept in memory afterwards. Each file's facts are
   * written as soon as they are serialized, and their buffers collected every few megabytes: holding
   * them until V8 collected on its own left 60-70 MB of freed but resident malloc memory behind.
   */
  save(facts: Iterable<FileFacts>, stamps: ReadonlyMap<string, StampedHash>, resolutions: SavedResolutions): void {
    this.bytes = new Uint8Array(0);
    this.entries = new Map();
    this.stamps = new Map();
    this.resolutions = { key: '', byFile: new Map() };
    const stored: Stored = { version: VERSION, engine: this.engineVersion, entries: new Map(), stamps: new Map(), resolutions };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const fd = fs.openSync(temporary, 'w');
      try {
        let offset = 0;
        let sinceCollection = 0;
        for (const f of facts) {
          if (f.skipped) continue;
          const bytes = v8.serialize(f);
          writeAll(fd, bytes);
          stored.entries.set(keyOf(f.path, f.hash), [offset, bytes.length]);
          offset += bytes.length;
          sinceCollection += bytes.length;
          if (sinceCollection > COLLECT_EVERY) {
            collectYoungGarbage();
            sinceCollection = 0;
          }
          const stamp = stamps.get(f.path);
          if (stamp?.hash === f.hash) stored.stamps.set(f.path, stamp);
        }
        const index = v8.serialize(stored);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(index.length);
        writeAll(fd, index);
        writeAll(fd, length);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, this.file);
    } catch {
      // A cache that cannot be written only costs the next start some time.
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Left for the next save to replace.
      }
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written);
}
