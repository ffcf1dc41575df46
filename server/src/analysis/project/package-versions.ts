import semver from 'semver';
import ts from 'typescript';
import type { FileSystem, Span } from '../types';
import { readLockfile, type Lockfile } from './lockfiles';
import { dirName, joinPath, relativePath } from './paths';

/** The packages whose versions the rules read: the framework, React and what ships on their surface. */
export const VERSIONED_PACKAGES = ['next', 'react', 'react-dom', 'react-server-dom-webpack', 'react-server-dom-turbopack', 'react-server-dom-parcel', '@clerk/nextjs'] as const;

/** A dependency as the app has it: what package.json asks for, and what a lockfile resolved it to. */
export interface DependencyVersion {
  name: string;
  /** The range package.json states (`^15.2.3`), or null when only a lockfile names the package. */
  range: string | null;
  /** The installed version, from a lockfile or an exact pin in package.json; null when unknown. */
  version: string | null;
  /** The major version: of `version`, else of a range that allows one major only (`^15.1.0`, `15.x`). */
  major: number | null;
  /** Where the version was read: `package-lock.json`, `pnpm-lock.yaml`, `yarn.lock`, `bun.lock` or `package.json`. */
  source: string;
  /** The range's string in package.json, where a finding about the dependency is reported. */
  span: Span | null;
}

export interface PackageManifest {
  path: string;
  lineStarts: number[];
  /** Every dependency and devDependency, by name, with its range and the span of that range. */
  dependencies: Map<string, { range: string; span: Span }>;
}

/** package.json read with TypeScript's JSON parser, which keeps the spans; an unreadable one has no dependencies. */
export function readManifest(fs: FileSystem, root: string): PackageManifest {
  const path = joinPath(root, 'package.json');
  const dependencies = new Map<string, { range: string; span: Span }>();
  const text = fs.readFile(path);
  if (text === undefined) return { path, lineStarts: [0], dependencies };
  const json = ts.parseJsonText(path, text);
  const lineStarts = [...json.getLineStarts()];
  const top = json.statements[0]?.expression;
  if (!top || !ts.isObjectLiteralExpression(top)) return { path, lineStarts, dependencies };
  for (const section of top.properties) {
    if (!ts.isPropertyAssignment(section) || !ts.isStringLiteral(section.name) || !['dependencies', 'devDependencies'].includes(section.name.text)) continue;
    if (!ts.isObjectLiteralExpression(section.initializer)) continue;
    for (const entry of section.initializer.properties) {
      if (!ts.isPropertyAssignment(entry) || !ts.isStringLiteral(entry.name) || !ts.isStringLiteral(entry.initializer)) continue;
      // `dependencies` wins over `devDependencies`, as the package manager installs it.
      if (dependencies.has(entry.name.text) && section.name.text === 'devDependencies') continue;
      dependencies.set(entry.name.text, { range: entry.initializer.text, span: { start: entry.initializer.getStart(json), end: entry.initializer.getEnd() } });
    }
  }
  return { path, lineStarts, dependencies };
}

/**
 * The versions of `VERSIONED_PACKAGES` that the app at `root` installs: the lockfile nearest above it
 * (a monorepo keeps one at its root) says what was resolved for this app; without one, only an exact
 * pin in package.json is a version. Nothing is run and nothing is fetched.
 */
export function readVersions(fs: FileSystem, root: string, manifest: PackageManifest): Map<string, DependencyVersion> {
  const lockfile = nearestLockfile(fs, root);
  const versions = new Map<string, DependencyVersion>();
  for (const name of VERSIONED_PACKAGES) {
    const declared = manifest.dependencies.get(name);
    const locked = lockfile?.versionOf(name, declared?.range ?? null) ?? null;
    const pinned = declared && semver.valid(declared.range) ? semver.valid(declared.range) : null;
    const version = locked && semver.valid(locked) ? semver.valid(locked) : pinned;
    if (!declared && !version) continue;
    versions.set(name, {
      name,
      range: declared?.range ?? null,
      version,
      major: version ? semver.major(version) : declared ? singleMajor(declared.range) : null,
      source: locked && version === semver.valid(locked) ? lockfile!.name : 'package.json',
      span: declared?.span ?? null,
    });
  }
  return versions;
}

/** The one major version a range allows (`^15.1.0`, `~15.1`, `15.x`), or null (`>=14`, `*`, `latest`, `workspace:*`). */
function singleMajor(range: string): number | null {
  if (!semver.validRange(range)) return null;
  const lowest = semver.minVersion(range);
  if (!lowest) return null;
  return semver.intersects(range, `>=${lowest.major + 1}.0.0-0`, { includePrerelease: true }) ? null : lowest.major;
}

/**
 * The lockfile that installs the app: in its own folder, else in the workspace root above it that
 * lists it (a `pnpm-workspace.yaml`, or a package.json with `workspaces`), as package managers look.
 */
function nearestLockfile(fs: FileSystem, root: string): (Lockfile & { name: string }) | null {
  const own = readLockfile(fs, root, '.');
  if (own) return own;
  for (let folder = dirName(root), depth = 0; depth < 12 && folder !== dirName(folder); folder = dirName(folder), depth++) {
    if (isWorkspaceRoot(fs, folder)) return readLockfile(fs, folder, relativePath(folder, root));
  }
  return null;
}

function isWorkspaceRoot(fs: FileSystem, folder: string): boolean {
  if (fs.fileExists(joinPath(folder, 'pnpm-workspace.yaml'))) return true;
  const text = fs.readFile(joinPath(folder, 'package.json'));
  if (text === undefined) return false;
  try {
    return (JSON.parse(text) as { workspaces?: unknown }).workspaces !== undefined;
  } catch {
    return false;
  }
}
