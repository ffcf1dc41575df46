import * as fs from 'node:fs';
import type { DirectoryEntry, FileStamp, FileSystem } from '../analysis/types';
import { normalizePath } from '../analysis/project/paths';

/** The disk, for the CLI and for files the editor has not opened. Errors read as absence. */
export class NodeFileSystem implements FileSystem {
  readFile(path: string): string | undefined {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  // `throwIfNoEntry: false`: a missing file is the common answer here, and exceptions are slow.
  fileExists(path: string): boolean {
    try {
      return fs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  }

  directoryExists(path: string): boolean {
    try {
      return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  }

  readDirectory(path: string): DirectoryEntry[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path, { withFileTypes: true });
    } catch {
      return [];
    }
    const out: DirectoryEntry[] = [];
    for (const entry of entries) {
      const symlink = entry.isSymbolicLink();
      let kind: DirectoryEntry['kind'] | null = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : null;
      if (symlink) kind = this.directoryExists(`${path}/${entry.name}`) ? 'directory' : this.fileExists(`${path}/${entry.name}`) ? 'file' : null;
      if (kind) out.push(symlink ? { name: entry.name, kind, symlink } : { name: entry.name, kind });
    }
    return out;
  }

  realPath(path: string): string {
    try {
      return normalizePath(fs.realpathSync.native(path));
    } catch {
      return normalizePath(path);
    }
  }

  fileSize(path: string): number {
    try {
      return fs.statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      return 0;
    }
  }

  stamp(path: string): FileStamp | undefined {
    try {
      const stat = fs.statSync(path, { throwIfNoEntry: false });
      return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }
}
