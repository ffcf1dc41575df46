import type { AppInfo } from '../analysis/project/app-locator';
import { hashText } from '../analysis/facts/extract-facts';
import { dirName } from '../analysis/project/paths';
import type { FileSystem } from '../analysis/types';

/** Files package managers rewrite on every install: a changed one may link or unlink a workspace package. */
const INSTALL_MARKERS = ['node_modules/.package-lock.json', 'node_modules/.modules.yaml', 'node_modules/.yarn-state.yml', 'node_modules/.yarn-integrity'];

/**
 * What every import's resolution depends on: which source files exist, each app's compiler options,
 * and what was installed in the folders the apps resolve packages from. Resolutions saved under the
 * same key are still right.
 */
export function resolutionKey(fs: FileSystem, files: readonly string[], apps: readonly AppInfo[]): string {
  const folders = new Set<string>();
  for (const app of apps) for (let folder = app.root; ; folder = dirName(folder)) {
    folders.add(folder);
    if (dirName(folder) === folder) break;
  }
  const installs = [...folders].sort().flatMap((folder) =>
    INSTALL_MARKERS.map((marker) => {
      const stamp = fs.stamp(`${folder === '/' ? '' : folder}/${marker}`);
      return stamp ? `${folder}/${marker}:${stamp.size}:${stamp.mtimeMs}` : '';
    }).filter(Boolean),
  );
  const options = apps.map((a) => `${a.root}:${JSON.stringify(a.compilerOptions)}`).sort();
  return hashText([...[...files].sort(), ...options, ...installs].join('\n'));
}
