import type { FileSystem } from '../types';
import { isSourceFile } from '../facts/parse';
import { NEXT_CONFIG_NAMES } from './next-config-reader';
import { IgnoreRules, isIgnored } from './gitignore';
import { joinPath, relativePath } from './paths';

/** Folders that never hold the app's own source. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.next', 'dist', 'out', 'build', 'coverage', '.turbo', '.vercel', '.cache', '.output']);

/**
 * Every source file below `root`, honouring `.gitignore` files on the way and never entering a
 * folder twice (symlink loops). Dot-folders such as `app/.well-known` are walked. `onFolder` sees
 * each folder walked, so that one walk also finds the apps.
 */
export function walkSourceFiles(fs: FileSystem, root: string, onFolder: (folder: string, names: ReadonlySet<string>) => void = () => {}): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  // Only a symbolic link can lead back to a folder already walked: only links are resolved.
  const walk = (folder: string, ignores: { base: string; rules: IgnoreRules }[], viaLink: boolean): void => {
    const real = viaLink ? fs.realPath(folder) : folder;
    if (visited.has(real)) return;
    visited.add(real);
    const entries = fs.readDirectory(folder);
    const names = new Set(entries.filter((e) => e.kind === 'file').map((e) => e.name));
    onFolder(folder, names);
    const own = names.has('.gitignore') ? fs.readFile(joinPath(folder, '.gitignore')) : undefined;
    const active = own === undefined ? ignores : [...ignores, { base: folder, rules: new IgnoreRules(own) }];
    for (const entry of entries) {
      const full = joinPath(folder, entry.name);
      const isDirectory = entry.kind === 'directory';
      if (isDirectory && SKIPPED_FOLDERS.has(entry.name)) continue;
      if (isIgnored(active, (base) => relativePath(base, full), isDirectory)) continue;
      if (isDirectory) walk(full, active, entry.symlink === true);
      // next.config.* is configuration, read on its own, not app code to check.
      else if (isSourceFile(entry.name) && !NEXT_CONFIG_NAMES.includes(entry.name)) files.push(full);
    }
  };
  walk(fs.realPath(root), [], false);
  return files.sort();
}
