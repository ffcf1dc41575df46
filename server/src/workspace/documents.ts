import type { DirectoryEntry, FileStamp, FileSystem } from '../analysis/types';

/** The disk, with the editor's open documents laid over it: unsaved text is what gets analysed. */
export class OverlayFileSystem implements FileSystem {
  private readonly open = new Map<string, string>();

  constructor(private readonly disk: FileSystem) {}

  setOpen(path: string, text: string): void {
    this.open.set(path, text);
  }

  close(path: string): void {
    this.open.delete(path);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  readFile(path: string): string | undefined {
    return this.open.get(path) ?? this.disk.readFile(path);
  }

  fileExists(path: string): boolean {
    return this.open.has(path) || this.disk.fileExists(path);
  }

  directoryExists(path: string): boolean {
    return this.disk.directoryExists(path);
  }

  readDirectory(path: string): DirectoryEntry[] {
    return this.disk.readDirectory(path);
  }

  realPath(path: string): string {
    return this.disk.realPath(path);
  }

  fileSize(path: string): number {
    const text = this.open.get(path);
    return text === undefined ? this.disk.fileSize(path) : text.length;
  }

  /** An open document's text is the editor's: no stamp of the disk vouches for it. */
  stamp(path: string): FileStamp | undefined {
    return this.open.has(path) ? undefined : this.disk.stamp(path);
  }
}
