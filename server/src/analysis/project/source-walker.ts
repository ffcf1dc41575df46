import type { FileSystem } from '../types';
import { isSourceFile } from '../facts/parse';
import { NEXT_CONFIG_NAMES } from './next-config-reader';
import { IgnoreRules } from './gitignore';
import { joinPath, relativePath } from './paths';

/** Folders that never hold the app's own source. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.next', 'dist', 'out', 'build', 'coverage', '.turbo', '.vercel', '.cache', '.output']);

/**
 * Every source file below `root`, honouring `.gitignore` files on the way and never entering a
 * folder twice (symlink loops). Dot-folders such as `app/.well-known` are walked. `onFolder` sees
 * each folder walked, so that one walk also finds the apps.
 */
export function walkSourceFiles(fs: FileSystem, root: string, onFolder: (folder: string) => void = () => {}): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const walk = (folder: string, ignores: { base: string; rules: IgnoreRules }[]): void => {
    const real = fs.realPath(folder);
    if (visited.has(real)) return;
    visited.add(real);
    onFolder(folder);
    const own = fs.readFile(joinPath(folder, '.gitignore'));
    const active = own === undefined ? ignores : [...ignores, { base: folder, rules: new IgnoreRules(own) }];
    for (const entry of fs.readDirectory(folder)) {
      const full = joinPath(folder, entry.name);
      const isDirectory = entry.kind === 'directory';
      if (isDirectory && SKIPPED_FOLDERS.has(entry.name)) continue;
      if (active.some((i) => i.rules.ignores(relativePath(i.base, full), isDirectory))) continue;
      if (isDirectory) walk(full, active);
      // next.config.* is configuration, read on its own, not app code to check.
      else if (isSourceFile(entry.name) && !NEXT_CONFIG_NAMES.includes(entry.name)) files.push(full);
    }
  };
  walk(root, []);
  return files.sort();
}
