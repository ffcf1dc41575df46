import * as fs from 'node:fs';
import type { DirectoryEntry, FileSystem } from '../analysis/types';
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

  fileExists(path: string): boolean {
    try {
      return fs.statSync(path).isFile();
    } catch {
      return false;
    }
  }

  directoryExists(path: string): boolean {
    try {
      return fs.statSync(path).isDirectory();
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
      let kind: DirectoryEntry['kind'] | null = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : null;
      if (entry.isSymbolicLink()) kind = this.directoryExists(`${path}/${entry.name}`) ? 'directory' : this.fileExists(`${path}/${entry.name}`) ? 'file' : null;
      if (kind) out.push({ name: entry.name, kind });
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
      return fs.statSync(path).size;
    } catch {
      return 0;
    }
  }
}
