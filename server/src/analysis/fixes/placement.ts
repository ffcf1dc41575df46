import { DEFAULT_SETTINGS } from '../settings';
import type { AppInfo } from '../project/app-locator';
import { baseName, dirName, isWithin, joinPath, relativePath } from '../project/paths';
import type { FileSystem } from '../types';

/** The pattern of a service module's path, from the app root (`src/` is added when the app uses it). */
export const DEFAULT_SERVICE_FILE = DEFAULT_SETTINGS.serviceFile;

/** A leading verb of a function name: `create` in `createProject`. */
const LEADING_VERB = /^[a-z]+(?=[A-Z])/;
const SOURCE_EXTENSION = /\.(tsx?|jsx?|mts|cts)$/;
/** A module's ending written in a specifier: `.js` for a `.ts` file under Node's resolution, or `.ts` itself. */
const SPELLED_ENDING = /\.([cm]?[jt]sx?)$/;

/**
 * The domain a function belongs to, plural and lower-case: `createProject` → `projects`; a name with
 * nothing after its verb (`POST`, `submit`) takes the nearest named folder of its file
 * (`app/projects/[projectId]/tasks/actions.ts` → `tasks`).
 */
export function domainOf(functionName: string, file: string, app: AppInfo): string {
  const noun = LEADING_VERB.test(functionName) ? /^[A-Z][a-z0-9]*/.exec(functionName.replace(LEADING_VERB, ''))?.[0] : undefined;
  if (noun) return plural(noun.toLowerCase());
  // A folder name, made fit for a path and for the names built from it: `llms.txt` → `llms-txt`.
  const routerDir = [...app.appDirs, ...app.pagesDirs].find((dir) => isWithin(dir, file));
  const segments = relativePath(routerDir ?? app.root, dirName(file)).split('/');
  const named = segments.filter((s) => s !== '' && s !== '.' && s !== '..' && s !== 'api' && !/^[([@]/.test(s));
  return named.at(-1)?.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'app';
}

function plural(word: string): string {
  if (word.endsWith('s')) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Where the service of a domain lives: `src/lib/projects/service.ts` in an app that keeps its code in `src/`. */
export function servicePath(app: AppInfo, domain: string, pattern: string = DEFAULT_SERVICE_FILE): string {
  const usesSrc = [...app.appDirs, ...app.pagesDirs].some((dir) => isWithin(joinPath(app.root, 'src'), dir));
  return joinPath(app.root, usesSrc ? 'src' : '', pattern.replace('{domain}', domain));
}

/**
 * How `fromFile` imports `target`: through the project's path alias when one covers it (`@/lib/db`),
 * else relatively (`../lib/db`); never with the `.ts` ending.
 */
export function importSpecifier(app: AppInfo, fromFile: string, target: string): string {
  const bare = target.replace(SOURCE_EXTENSION, '').replace(/\/index$/, '');
  const options = app.compilerOptions;
  const base = (options.pathsBasePath as string | undefined) ?? options.baseUrl ?? app.root;
  for (const [pattern, targets] of Object.entries(options.paths ?? {})) {
    if (!pattern.endsWith('/*')) continue;
    for (const mapped of targets) {
      if (!mapped.endsWith('/*')) continue;
      const folder = joinPath(base, mapped.slice(0, -2));
      if (isWithin(folder, bare)) return `${pattern.slice(0, -2)}/${relativePath(folder, bare)}`;
    }
  }
  return relativeSpecifier(fromFile, bare);
}

/**
 * How `fromFile` imports `target` in the manner of `like`, a specifier it writes already: relative
 * stays relative, and an ending it spells out (`./actions.js`) is spelled out again.
 */
export function importSpecifierLike(app: AppInfo, fromFile: string, target: string, like: string): string {
  const ending = SPELLED_ENDING.exec(like)?.[0] ?? '';
  const bare = target.replace(SOURCE_EXTENSION, '');
  return (like.startsWith('.') ? relativeSpecifier(fromFile, bare) : importSpecifier(app, fromFile, target)) + ending;
}

function relativeSpecifier(fromFile: string, bare: string): string {
  const relative = relativePath(dirName(fromFile), bare);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** `wanted`, or `wanted2`, `wanted3`… : the first that `taken` does not hold. */
export function freeName(wanted: string, taken: (name: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken(`${wanted}${i}`)) return `${wanted}${i}`;
}

/** `folder/file` when no file is there yet, else the first free `folder2/file`, `folder3/file`… */
export function freeFolder(fs: FileSystem, folder: string, file: string): string {
  const parent = dirName(folder);
  const name = baseName(folder);
  return joinPath(parent, freeName(name, (candidate) => fs.fileExists(joinPath(parent, candidate, file))), file);
}

/** Whether the app's package.json lists the package among its dependencies. */
export function dependsOn(context: { app: AppInfo }, name: string): boolean {
  return context.app.dependencies.includes(name);
}
