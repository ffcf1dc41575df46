import { Behaviour } from '../behaviour';
import type { FunctionFact } from '../facts/file-facts';
import type { AppInfo } from '../project/app-locator';
import type { ProjectIndex } from '../project/project-index';
import { baseName, dirName, isWithin, relativePath } from '../project/paths';
import type { AdvisorSettings } from '../settings';
import { vocabularyFor } from '../vocabulary';

/** One `revalidatePath(path, type)`: a URL, or a route's folder path with `page` or `layout`. */
export interface RevalidatedPath {
  path: string;
  type: 'page' | 'layout' | null;
}

export interface Revalidation {
  paths: RevalidatedPath[];
  /** What the action writes, as its calls name it. */
  models: string[];
  /** No page was found reading it: the page of the action's own folder stands in. */
  fallback: boolean;
}

const PAGE_FILE = /^page\.([cm]?[jt]sx?|mdx)$/;
/** More pages than this are revalidated through the layout they share. */
const MAX_PAGES = 3;

/**
 * What to revalidate after an action writes: the App Router pages whose files read what it writes
 * (the same table or model, through the project's helpers too), else the page of its own folder or
 * the nearest one above it; the reason when there is neither.
 */
export function revalidationOf(index: ProjectIndex, settings: AdvisorSettings, app: AppInfo, file: string, fn: FunctionFact): Revalidation | { reason: string } {
  const behaviour = new Behaviour(index, vocabularyFor(settings));
  const facts = index.facts(file);
  const models = facts ? [...behaviour.models(facts, fn, true)] : [];
  const written = new Set(models.map(modelKey));
  const pages = index.paths().filter((p) => index.appOf(p) === app && routedFolders(app, p) !== null).sort();
  const reading = pages.filter((p) => {
    const page = index.facts(p);
    return page?.functions.some((f) => [...behaviour.models(page, f, false)].some((m) => written.has(modelKey(m)))) === true;
  });
  if (reading.length > 0) return { paths: pathsOf(app, reading), models, fallback: false };
  const appDir = app.appDirs.find((dir) => isWithin(dir, file));
  for (let dir = dirName(file); appDir && isWithin(appDir, dir); dir = dirName(dir)) {
    const own = pages.find((p) => dirName(p) === dir);
    if (own) return { paths: pathsOf(app, [own]), models, fallback: true };
  }
  const what = models.length > 0 ? `"${models[0]}"` : 'what it writes';
  return { reason: `No page of the app reads ${what}, and no page is in the action's folder or above it: call revalidatePath() for the pages that show the data by hand.` };
}

/** How a title lists the paths: `/projects and /projects/[id]`. */
export function describePaths(paths: RevalidatedPath[]): string {
  const shown = paths.map((p) => (p.type === 'layout' ? `${p.path} (layout)` : p.path));
  return shown.length <= 2 ? shown.join(' and ') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** `Project`, `projects` and `project` name one model. */
function modelKey(model: string): string {
  return model.toLowerCase().replace(/s$/, '');
}

/** The folders from the app folder to a page file, or `null` for any other file and for pages never routed. */
function routedFolders(app: AppInfo, path: string): string[] | null {
  const appDir = app.appDirs.find((dir) => isWithin(dir, path));
  if (!appDir || !PAGE_FILE.test(baseName(path))) return null;
  const folders = relativePath(appDir, dirName(path)).split('/').filter((f) => f !== '');
  // Private folders are not routed; an intercepting route is the page of another one.
  return folders.some((f) => f.startsWith('_') || /^\(\.+\)/.test(f)) ? null : folders;
}

/**
 * A static page by its URL; a dynamic one by its folder path and `page` (route groups included, as
 * Next.js tags it); more pages than `MAX_PAGES` by the layout of the folder they share.
 */
function pathsOf(app: AppInfo, pages: string[]): RevalidatedPath[] {
  // Shallow pages first: a list before the pages of its items.
  const folders = pages.map((p) => routedFolders(app, p)!).sort((a, b) => a.length - b.length || a.join('/').localeCompare(b.join('/')));
  if (folders.length > MAX_PAGES) {
    const shared = folders.reduce((common, f) => {
      const differs = common.findIndex((segment, i) => f[i] !== segment);
      return differs === -1 ? common : common.slice(0, differs);
    });
    return [{ path: `/${shared.join('/')}`, type: 'layout' }];
  }
  return folders.map((f) =>
    f.some((segment) => segment.startsWith('['))
      ? { path: `/${f.join('/')}`, type: 'page' }
      : { path: `/${f.filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@')).join('/')}`, type: null },
  );
}
