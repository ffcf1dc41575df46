/** A half-open range of UTF-16 offsets into one file's text. */
export interface Span {
  start: number;
  end: number;
}

/** The only I/O the analysis core performs; the server and the CLI each supply one. */
export interface FileSystem {
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** Entries of a folder, or an empty list when it cannot be read. */
  readDirectory(path: string): DirectoryEntry[];
  /** The canonical path, used to break symlink loops. */
  realPath(path: string): string;
  fileSize(path: string): number;
  /** Size and modification time, or `undefined` for a missing file or one whose text is not the disk's. */
  stamp(path: string): FileStamp | undefined;
}

/** What tells, without reading it, that a file is the one a cache entry was made from. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory';
  /** Reached through a symbolic link: the walk resolves it to break loops. */
  symlink?: boolean;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  file: string;
  span: Span;
  message: string;
}

/** One finding of one rule, in plain offsets: the LSP and the CLI convert it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  span: Span;
  message: string;
  related: RelatedLocation[];
}

/** 0-based line and character, as LSP and the CLI both derive them from line starts. */
export interface LineColumn {
  line: number;
  character: number;
}
