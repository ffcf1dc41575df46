import ts from 'typescript';
import type { FileSystem } from '../types';
import { joinPath } from './paths';

/** What a lockfile resolved a package to, for one app (`appPath`, relative to the lockfile's folder). */
export interface Lockfile {
  name: string;
  /** The version installed for `name`, asked for with `range` in the app's package.json. */
  versionOf(name: string, range: string | null): string | null;
}

type Reader = (text: string, appPath: string) => Lockfile['versionOf'] | null;

/** The lockfiles of npm, pnpm, yarn (classic and berry) and bun, in the order a folder is searched. */
const READERS: [string, Reader][] = [
  ['pnpm-lock.yaml', pnpmVersions],
  ['package-lock.json', npmVersions],
  ['yarn.lock', yarnVersions],
  ['bun.lock', bunVersions],
];

/** The lockfile in `folder` that resolves the app at `appPath`, or null; an unreadable one is none. */
export function readLockfile(fs: FileSystem, folder: string, appPath: string): Lockfile | null {
  for (const [name, read] of READERS) {
    const text = fs.readFile(joinPath(folder, name));
    if (text === undefined) continue;
    const versionOf = read(text, appPath);
    if (versionOf) return { name, versionOf };
  }
  return null;
}

/** `packages["apps/web/node_modules/next"]`, else the hoisted `packages["node_modules/next"]` (lockfile v2, v3); v1's `dependencies`. */
function npmVersions(text: string, appPath: string): Lockfile['versionOf'] | null {
  let json: { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return null;
  }
  const prefix = appPath === '.' ? '' : `${appPath}/`;
  return (name) => json.packages?.[`${prefix}node_modules/${name}`]?.version ?? json.packages?.[`node_modules/${name}`]?.version ?? json.dependencies?.[name]?.version ?? null;
}

/**
 * `importers[app].dependencies[name].version` (lockfile v6 and later: `15.2.3(react@19.0.0)`), or
 * `importers[app].dependencies[name]` (v5: `15.2.3_react@19.0.0`); a single project's v5 and v6 files have no importers.
 */
function pnpmVersions(text: string, appPath: string): Lockfile['versionOf'] | null {
  const scalars = yamlScalars(text, (path) => path[0] === 'importers' || path[0] === 'dependencies' || path[0] === 'devDependencies');
  const read = (path: string[]): string | null => {
    const value = scalars.get(path.join('\0')) ?? null;
    return value === null ? null : value.replace(/^\//, '').split(/[(_]/)[0]!.replace(/^.*@(?=\d)/, '');
  };
  return (name) => {
    for (const section of ['dependencies', 'devDependencies']) {
      const own = read(['importers', appPath, section, name, 'version']) ?? read(['importers', appPath, section, name]);
      // A single project's lockfile before v9 has no importers: its sections are at the top (v6 with `version:` under the name).
      const value = own ?? (appPath === '.' ? read([section, name, 'version']) ?? read([section, name]) : null);
      if (value) return value;
    }
    return null;
  };
}

/**
 * Classic (`"next@^15.0.0", next@15:` then `  version "15.2.3"`) and berry (`"next@npm:^15.0.0":`
 * then `  version: 15.2.3`): the entry whose descriptors hold the range package.json asks for, else
 * the one version the file has of the package.
 */
function yarnVersions(text: string): Lockfile['versionOf'] | null {
  const entries: { descriptors: string[]; version: string }[] = [];
  let descriptors: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line) && line.endsWith(':')) {
      descriptors = line.slice(0, -1).split(',').map((d) => d.trim().replace(/^"|"$/g, ''));
      continue;
    }
    const version = /^ {2}version:? "?([^"\s]+)"?$/.exec(line);
    if (descriptors && version) {
      entries.push({ descriptors, version: version[1]! });
      descriptors = null;
    }
  }
  if (entries.length === 0) return null;
  return (name, range) => {
    const of = entries.filter((e) => e.descriptors.some((d) => d.startsWith(`${name}@`)));
    const wanted = range === null ? undefined : of.find((e) => e.descriptors.some((d) => d === `${name}@${range}` || d === `${name}@npm:${range}`));
    const versions = new Set(of.map((e) => e.version));
    return wanted?.version ?? (versions.size === 1 ? [...versions][0]! : null);
  };
}

/** bun's text lockfile (JSON with trailing commas): `packages[name][0]` is `"next@15.2.3"`. */
function bunVersions(text: string): Lockfile['versionOf'] | null {
  const file = ts.parseJsonText('bun.lock', text);
  const json = ts.convertToObject(file, []) as { packages?: Record<string, unknown[]> } | null;
  if (!json || typeof json !== 'object' || !json.packages) return null;
  return (name) => {
    const resolved = json.packages?.[name]?.[0];
    return typeof resolved === 'string' && resolved.startsWith(`${name}@`) ? resolved.slice(name.length + 1) : null;
  };
}

/**
 * The scalar values of a YAML file's block mappings, by their path of keys (joined with NUL), for
 * the paths `wanted` accepts (by their first key): enough of YAML for the lockfiles, which are
 * machine-written block mappings. Sequences and flow collections are skipped.
 */
function yamlScalars(text: string, wanted: (path: string[]) => boolean): Map<string, string> {
  const values = new Map<string, string>();
  const stack: { indent: number; key: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^( *)('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s#'"][^:]*?):(?: +(.*))?$/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    const key = unquote(match[2]!);
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    stack.push({ indent, key });
    const path = stack.map((s) => s.key);
    const value = match[3]?.trim();
    if (value && !value.startsWith('{') && !value.startsWith('[') && wanted(path)) values.set(path.join('\0'), unquote(value));
  }
  return values;
}

function unquote(text: string): string {
  if (text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  if (text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  return text;
}
