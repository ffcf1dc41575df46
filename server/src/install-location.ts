import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Files shipped with the product (rule pages, the manifest) sit beside the bundle (`dist/..`); from
 * the sources they are a few folders up. Rule links are local files: no network is involved.
 */
function findUp(start: string, relative: string): string | null {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

export function docsUrlFor(start: string): (ruleId: string) => string {
  const docs = findUp(start, path.join('docs', 'rules'));
  // Asked for every diagnostic of every keystroke: a file URL is built once per rule.
  const urls = new Map<string, string>();
  return (ruleId) => {
    let url = urls.get(ruleId);
    if (url === undefined) urls.set(ruleId, (url = docs ? pathToFileURL(path.join(docs, `${ruleId}.md`)).href : `https://www.npmjs.com/package/next-action-advisor#${ruleId}`));
    return url;
  };
}

export function versionFrom(start: string): string {
  const manifest = findUp(start, 'package.json');
  try {
    return manifest ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Identifies this build, so that facts cached by another build are not trusted. */
export function buildId(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}-${Math.round(stat.mtimeMs)}`;
  } catch {
    return 'unknown';
  }
}

/** A folder of the user's cache for one workspace (`$XDG_CACHE_HOME` or `~/.cache`), never inside the project. */
export function userCacheFolder(kind: string, workspace: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'next-action-advisor', kind, createHash('sha1').update(workspace).digest('hex').slice(0, 16));
}
