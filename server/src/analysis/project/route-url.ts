import type { AppInfo } from './app-locator';
import { baseName, isWithin, relativePath } from './paths';

export type RouteSegment =
  | { kind: 'static'; name: string }
  | { kind: 'dynamic'; name: string }
  | { kind: 'catch-all'; name: string; optional: boolean };

export interface RouteUrl {
  /** `/api/projects/[id]`, with the basePath. */
  pattern: string;
  segments: RouteSegment[];
  router: 'app' | 'pages';
}

const ROUTE_FILE = /^route\.(ts|tsx|js|jsx|mjs|mts)$/;
const PAGE_EXTENSION = /\.(ts|tsx|js|jsx|mjs|mts)$/;

/** The URL a route handler file serves, or `null` when the file is not one. */
export function routeUrlOf(app: AppInfo, file: string): RouteUrl | null {
  for (const dir of app.appDirs) {
    if (!isWithin(dir, file) || !ROUTE_FILE.test(baseName(file))) continue;
    const folders = relativePath(dir, file).split('/').slice(0, -1);
    const segments = appSegments(folders);
    return segments && build(app, segments, 'app');
  }
  for (const dir of app.pagesDirs) {
    const apiDir = `${dir}/api`;
    if (!isWithin(apiDir, file) || !PAGE_EXTENSION.test(file)) continue;
    const parts = relativePath(dir, file).replace(PAGE_EXTENSION, '').split('/');
    if (parts[parts.length - 1] === 'index') parts.pop();
    const segments = parts.map(segmentOf);
    return build(app, segments, 'pages');
  }
  return null;
}

/** App Router folders to URL segments: groups and slots vanish, private folders are not routed. */
function appSegments(folders: string[]): RouteSegment[] | null {
  const segments: RouteSegment[] = [];
  for (const folder of folders) {
    if (folder.startsWith('_')) return null;
    if (/^\(.*\)$/.test(folder) || folder.startsWith('@')) continue;
    if (/^\(\.+\)/.test(folder)) return null; // intercepting routes hold no route handlers of their own
    segments.push(segmentOf(folder));
  }
  return segments;
}

function segmentOf(name: string): RouteSegment {
  let match = /^\[\[\.\.\.(.+)\]\]$/.exec(name);
  if (match) return { kind: 'catch-all', name: match[1]!, optional: true };
  match = /^\[\.\.\.(.+)\]$/.exec(name);
  if (match) return { kind: 'catch-all', name: match[1]!, optional: false };
  match = /^\[(.+)\]$/.exec(name);
  if (match) return { kind: 'dynamic', name: match[1]! };
  return { kind: 'static', name };
}

function build(app: AppInfo, segments: RouteSegment[], router: 'app' | 'pages'): RouteUrl {
  const written = segments.map((s) => (s.kind === 'static' ? s.name : s.kind === 'dynamic' ? `[${s.name}]` : s.optional ? `[[...${s.name}]]` : `[...${s.name}]`));
  return { pattern: `${app.basePath}/${written.join('/')}`.replace(/\/+$/, '') || '/', segments, router };
}

/**
 * How well a URL path (dynamic parts written `*`) matches a route: higher is more specific, -1 is no
 * match. Static segments beat dynamic ones, which beat catch-alls, as in Next.js.
 */
export function matchScore(route: RouteUrl, basePath: string, path: string): number {
  if (basePath && !isWithin(basePath, path)) return -1;
  const parts = path.slice(basePath.length).split('/').filter((p) => p !== '');
  const segments = route.segments;
  let score = 0;
  let i = 0;
  for (const segment of segments) {
    if (segment.kind === 'catch-all') {
      const rest = parts.length - i;
      return rest > 0 || segment.optional ? score + 1 : -1;
    }
    const part = parts[i++];
    if (part === undefined) return -1;
    if (segment.kind === 'static') {
      if (part !== segment.name) return -1;
      score += 3;
    } else score += 2;
  }
  return i === parts.length ? score : -1;
}
