import * as path from 'node:path';

/** Paths in the core are absolute and use `/`, whatever the platform. */
export function normalizePath(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/'));
}

export function joinPath(...parts: string[]): string {
  return path.posix.join(...parts);
}

export function dirName(p: string): string {
  return path.posix.dirname(p);
}

export function baseName(p: string): string {
  return path.posix.basename(p);
}

export function relativePath(from: string, to: string): string {
  return path.posix.relative(from, to);
}

/** `to` lies in `folder` (or is it). */
export function isWithin(folder: string, to: string): boolean {
  return to === folder || to.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
