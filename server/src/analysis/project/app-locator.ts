import ts from 'typescript';
import type { FileSystem } from '../types';
import { NEXT_CONFIG_NAMES, readNextConfig } from './next-config-reader';
import { readManifest, readVersions, type DependencyVersion } from './package-versions';
import { isWithin, joinPath } from './paths';
import { readTsconfig } from './tsconfig-reader';

/** One Next.js app of the workspace (a monorepo has several). */
export interface AppInfo {
  root: string;
  /** `app/` and `src/app/` where they exist. */
  appDirs: string[];
  /** `pages/` and `src/pages/` where they exist. */
  pagesDirs: string[];
  basePath: string;
  bodySizeLimit: string;
  compilerOptions: ts.CompilerOptions;
  /** The packages its package.json depends on (`dependencies` and `devDependencies`), by name. */
  dependencies: string[];
  /** Its package.json, where findings about a dependency are reported, with the offsets its lines start at. */
  manifest: { path: string; lineStarts: number[] };
  /** The installed versions of `next`, `react` and the packages on their surface, as package.json and the lockfile say. */
  versions: Record<string, DependencyVersion>;
  /** `experimental.authInterrupts` in next.config: null when the config cannot be read to the end (a spread, a syntax error). */
  authInterrupts: boolean | null;
  /** The next.config file, if any. */
  configPath: string | null;
  /** What could not be read (a broken tsconfig or next.config), said once to the user. */
  problems: string[];
}

const ROUTER_DIRS = ['app', 'src/app', 'pages', 'src/pages'];

/**
 * A folder is an app when it has a `next.config.*`, or depends on `next` and has a router folder.
 * `names`, the folder's file names when the caller has listed it already, spares the lookups.
 */
export function isAppRoot(fs: FileSystem, folder: string, names?: ReadonlySet<string>): boolean {
  const has = (name: string): boolean => (names ? names.has(name) : fs.fileExists(joinPath(folder, name)));
  if (NEXT_CONFIG_NAMES.some(has)) return true;
  if (!has('package.json')) return false;
  const manifest = fs.readFile(joinPath(folder, 'package.json'));
  if (manifest === undefined || !dependsOnNext(manifest)) return false;
  return ROUTER_DIRS.some((dir) => fs.directoryExists(joinPath(folder, dir)));
}

function dependsOnNext(manifest: string): boolean {
  const json = parseManifest(manifest);
  return Boolean(json.dependencies?.next ?? json.devDependencies?.next ?? json.peerDependencies?.next);
}

type Manifest = Record<string, Record<string, string> | undefined>;

/** A package.json's fields; an unreadable or half-written one says nothing. */
function parseManifest(text: string | undefined): Manifest {
  try {
    return (JSON.parse(text ?? '{}') as Manifest | null) ?? {};
  } catch {
    return {};
  }
}

export function describeApp(fs: FileSystem, root: string): AppInfo {
  const config = readNextConfig(fs, root);
  const tsconfig = readTsconfig(fs, root);
  const existing = (dirs: string[]): string[] => dirs.map((d) => joinPath(root, d)).filter((d) => fs.directoryExists(d));
  const manifest = readManifest(fs, root);
  return {
    root,
    appDirs: existing(['app', 'src/app']),
    pagesDirs: existing(['pages', 'src/pages']),
    basePath: config.basePath,
    bodySizeLimit: config.bodySizeLimit,
    compilerOptions: tsconfig.options,
    dependencies: [...manifest.dependencies.keys()],
    manifest: { path: manifest.path, lineStarts: manifest.lineStarts },
    versions: Object.fromEntries(readVersions(fs, root, manifest)),
    authInterrupts: config.authInterrupts,
    configPath: config.configPath,
    problems: [...config.problems, ...tsconfig.problems],
  };
}

/** The innermost app holding a file. */
export function appOf(apps: readonly AppInfo[], file: string): AppInfo | null {
  let best: AppInfo | null = null;
  for (const app of apps) if (isWithin(app.root, file) && (!best || app.root.length > best.root.length)) best = app;
  return best;
}
