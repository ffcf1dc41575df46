import type { CallChain, FetchFact, FileFacts, FunctionFact, UsageFact, ValueFact } from '../facts/file-facts';
import type { FileSystem, Span } from '../types';
import { appOf, type AppInfo } from './app-locator';
import { ModuleResolver, type Resolution } from './module-resolver';
import { isWithin } from './paths';
import { matchScore, routeUrlOf, type RouteUrl } from './route-url';

/** A binding followed through aliases, imports and re-exports to where it is declared. */
export interface Definition {
  file: string;
  name: string;
  value: ValueFact;
}

export interface ActionDef {
  file: string;
  /** Identifies the action for its callers: see `definitionKey`. */
  key: string;
  name: string;
  span: Span;
  kind: 'module' | 'inline';
  /** The function holding the action's body, when the syntax shows one. */
  fn: FunctionFact | null;
  /** `authActionClient.schema(s).action(fn)`, `withAuth(fn)`: the call the action is made by. */
  wrapper: CallChain | null;
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ANY']);

export interface RouteDef {
  file: string;
  key: string;
  /** An HTTP method, or `ANY` for a `pages/api` handler. */
  method: string;
  span: Span;
  url: RouteUrl;
  fn: FunctionFact | null;
  /** The file holding `fn`: another one for `export { GET } from './handlers'`. */
  fnFile: string;
  wrapper: CallChain | null;
}

export interface UsageRef {
  file: string;
  usage: UsageFact;
}

export interface FetchRef {
  file: string;
  fn: FunctionFact;
  fetch: FetchFact;
}

/** What one file adds to the cross-file maps, recomputed only when it, or the project's shape, changes. */
interface Contribution {
  facts: FileFacts;
  generation: number;
  importTargets: string[];
  usages: { key: string; usage: UsageFact }[];
  fetches: { key: string; ref: FetchRef }[];
}

/**
 * The cross-file view: apps, module resolution, actions and their callers, route handlers and the
 * fetches that reach them. Updated one file at a time; a change that keeps a file's export surface
 * touches only that file's contribution.
 */
export class ProjectIndex {
  private readonly resolver: ModuleResolver;
  private readonly allFacts = new Map<string, FileFacts>();
  private readonly surfaces = new Map<string, string>();
  private readonly contributions = new Map<string, Contribution>();
  private readonly resolutions = new Map<string, Map<string, Resolution>>();
  private readonly usagesByKey = new Map<string, Map<string, UsageFact[]>>();
  private readonly fetchesByRoute = new Map<string, Map<string, FetchRef[]>>();
  private readonly importers = new Map<string, Set<string>>();
  /** What a file pointed at before its latest update: those files' findings may change too. */
  private readonly formerTargets = new Map<string, Set<string>>();
  private readonly actionCache = new WeakMap<FileFacts, ActionDef[]>();
  private readonly routeCache = new Map<string, { generation: number; inputs: (FileFacts | undefined)[]; routes: RouteDef[] }>();
  private readonly routesByApp = new Map<string, { generation: number; routes: RouteDef[] }>();
  private readonly actionFilesByApp = new Map<string, { generation: number; files: string[] }>();
  private generation = 0;
  /** Counts every change of the index, to tell whether anything was computed from what it holds now. */
  private changes = 0;
  /** False while the initial scan runs: answers then use each file's own facts, without callers. */
  private crossFileReady = true;
  /** The files of the initial scan, while it runs. */
  private scanned: ReadonlySet<string> = new Set();
  /** The generation every contribution was last brought up to; past it, all are stale. */
  private refreshedGeneration = -1;
  /** Files whose own contribution is stale while the generation holds. */
  private readonly dirty = new Set<string>();
  private appList: AppInfo[] = [];
  /** The files loaded with `import()` or `require()`, until a file with such a load changes. */
  private dynamicTargets: Set<string> | null = null;
  /** `runsInBrowser` answers, good until the next refresh of the cross-file maps. */
  private readonly browserModules = new Map<string, boolean>();

  constructor(fs: FileSystem) {
    this.resolver = new ModuleResolver(fs);
  }

  get apps(): readonly AppInfo[] {
    return this.appList;
  }

  setApps(apps: AppInfo[]): void {
    this.changes++;
    this.appList = apps;
    this.resolver.clear();
    this.resolutions.clear();
    this.dynamicTargets = null;
    this.generation++;
  }

  /** Changes whenever the index does. */
  get revision(): number {
    return this.changes;
  }

  paths(): string[] {
    return [...this.allFacts.keys()];
  }

  facts(path: string): FileFacts | undefined {
    return this.allFacts.get(path);
  }

  /** The source files, and the apps' package.json files, which findings about dependencies are on. */
  reportedPaths(): string[] {
    return [...this.paths(), ...this.appList.map((a) => a.manifest.path)];
  }

  /** The app whose package.json this is. */
  appOfManifest(path: string): AppInfo | null {
    return this.appList.find((a) => a.manifest.path === path) ?? null;
  }

  /** Where the lines of a source file or of an app's package.json start. */
  lineStarts(path: string): readonly number[] | undefined {
    return this.allFacts.get(path)?.lineStarts ?? this.appOfManifest(path)?.manifest.lineStarts;
  }

  appOf(path: string): AppInfo | null {
    return appOf(this.appList, path);
  }

  update(facts: FileFacts): void {
    this.changes++;
    const isNew = !this.allFacts.has(facts.path);
    this.dirty.add(facts.path);
    const former = this.contributions.get(facts.path);
    if (former) this.formerTargets.set(facts.path, new Set([...(this.formerTargets.get(facts.path) ?? []), ...targetsOf(former)]));
    const before = this.allFacts.get(facts.path);
    if (isNew || (before?.dynamicImports.length ?? 0) > 0 || facts.dynamicImports.length > 0) this.dynamicTargets = null;
    this.allFacts.set(facts.path, facts);
    // Resolutions hold while the file imports the same specifiers (and no file comes or goes).
    if (!before || specifiersOf(before) !== specifiersOf(facts)) this.resolutions.delete(facts.path);
    const surface = surfaceOf(facts);
    // A new file may be what an import that resolved to nothing names. Not so the files of the
    // initial scan: they are all on disk from its start, so what it resolves meanwhile stays right.
    const appeared = isNew && !this.scanned.has(facts.path);
    if (appeared) this.resolver.clear();
    if (isNew || this.surfaces.get(facts.path) !== surface) {
      this.surfaces.set(facts.path, surface);
      this.generation++;
      if (appeared) this.resolutions.clear();
    }
  }

  remove(path: string): void {
    if (!this.allFacts.delete(path)) return;
    this.changes++;
    this.dirty.delete(path);
    this.surfaces.delete(path);
    this.withdraw(path);
    this.resolver.clear();
    this.resolutions.clear();
    this.dynamicTargets = null;
    this.generation++;
  }

  resolve(fromFile: string, specifier: string): Resolution {
    let forFile = this.resolutions.get(fromFile);
    if (!forFile) this.resolutions.set(fromFile, (forFile = new Map()));
    let resolution = forFile.get(specifier);
    if (!resolution) {
      resolution = this.resolver.resolve(specifier, fromFile, this.appOf(fromFile));
      forFile.set(specifier, resolution);
    }
    return resolution;
  }

  /** The files a file's imports and re-exports resolve to (resolved now, and kept). */
  importTargetsOf(facts: FileFacts): Set<string> {
    const targets = new Set<string>();
    for (const specifier of [...facts.imports.map((i) => i.specifier), ...facts.reExports.map((r) => r.specifier)]) {
      const target = this.resolve(facts.path, specifier);
      if (target.kind === 'file') targets.add(target.path);
    }
    return targets;
  }

  /** The project's files that some file loads with `import('…')` or `require('…')`. */
  dynamicallyImported(): ReadonlySet<string> {
    if (!this.dynamicTargets) {
      this.dynamicTargets = new Set();
      for (const [path, facts] of this.allFacts) {
        for (const specifier of facts.dynamicImports) {
          const target = this.resolve(path, specifier);
          if (target.kind === 'file') this.dynamicTargets.add(target.path);
        }
      }
    }
    return this.dynamicTargets;
  }

  /** The resolutions made so far that can be kept for a later session: those into this project's source files or out of it. */
  savedResolutions(): Map<string, Map<string, Resolution>> {
    const saved = new Map<string, Map<string, Resolution>>();
    for (const [file, bySpecifier] of this.resolutions) {
      const kept = [...bySpecifier].filter(([, r]) => r.kind !== 'file' || this.allFacts.has(r.path));
      if (kept.length > 0) saved.set(file, new Map(kept));
    }
    return saved;
  }

  /** Resolutions of an earlier session over the same files, apps and installed packages: no import is resolved twice. */
  adoptResolutions(saved: ReadonlyMap<string, ReadonlyMap<string, Resolution>>): void {
    this.changes++;
    for (const [file, bySpecifier] of saved) if (this.allFacts.has(file) && !this.resolutions.has(file)) this.resolutions.set(file, new Map(bySpecifier));
  }

  /** The module an imported binding comes from, as written, with the name it exports. */
  importOf(file: FileFacts, local: string): { specifier: string; imported: string } | null {
    for (const fact of file.imports) {
      const binding = fact.bindings.find((b) => b.local === local);
      if (binding) return { specifier: fact.specifier, imported: binding.imported };
    }
    return null;
  }

  /** A top-level (or inline action) name of a file, followed to its declaration. */
  resolveLocal(path: string, name: string, depth = 0): Definition | null {
    const facts = this.allFacts.get(path);
    if (!facts || depth > 12) return null;
    const value = facts.declarations[name];
    if (value) return value.kind === 'alias' && value.local !== name ? this.resolveLocal(path, value.local, depth + 1) ?? { file: path, name, value } : { file: path, name, value };
    const imported = this.importOf(facts, name);
    if (imported) {
      const target = this.resolve(path, imported.specifier);
      return target.kind === 'file' && imported.imported !== '*' ? this.resolveExport(target.path, imported.imported, depth + 1) : null;
    }
    const inline = facts.functions.find((f) => f.name === name && f.inlineUseServer);
    return inline ? { file: path, name, value: { kind: 'function', fn: inline.id } } : null;
  }

  /** An export of a file, followed through `export { a as b }` and re-exports. */
  resolveExport(path: string, exportName: string, depth = 0): Definition | null {
    const facts = this.allFacts.get(path);
    if (!facts || depth > 12) return null;
    const own = facts.exports.find((e) => e.name === exportName && !e.typeOnly);
    if (own) {
      if (own.value.kind === 'alias') return this.resolveLocal(path, own.value.local, depth + 1);
      return { file: path, name: exportName, value: own.value };
    }
    for (const reExport of facts.reExports) {
      const mapped = reExport.names === null ? exportName : reExport.names.find((n) => n.exported === exportName)?.imported;
      if (mapped === undefined || mapped === '*') continue;
      const target = this.resolve(path, reExport.specifier);
      if (target.kind !== 'file') continue;
      const found = this.resolveExport(target.path, mapped, depth + 1);
      if (found) return found;
    }
    return null;
  }

  /** The function a definition stands for, if it is one. */
  functionOf(definition: Definition | null): FunctionFact | null {
    if (!definition || definition.value.kind !== 'function') return null;
    return this.allFacts.get(definition.file)?.functions[definition.value.fn] ?? null;
  }

  // ── actions and routes ────────────────────────────────────────────────

  actionsIn(path: string): ActionDef[] {
    const facts = this.allFacts.get(path);
    if (!facts) return [];
    let actions = this.actionCache.get(facts);
    if (!actions) this.actionCache.set(facts, (actions = collectActions(facts)));
    return actions;
  }

  routesIn(path: string): RouteDef[] {
    const cached = this.routeCache.get(path);
    const inputsOf = (routes: RouteDef[]): (FileFacts | undefined)[] => [path, ...routes.map((r) => r.fnFile)].map((p) => this.allFacts.get(p));
    if (cached && cached.generation === this.generation && inputsOf(cached.routes).every((f, i) => f === cached.inputs[i])) return cached.routes;
    const routes = this.collectRoutes(path);
    this.routeCache.set(path, { generation: this.generation, inputs: inputsOf(routes), routes });
    return routes;
  }

  /** Every route handler of an app, for URL matching (bodies may lag behind edits that keep the surface). */
  routesOfApp(app: AppInfo): RouteDef[] {
    const cached = this.routesByApp.get(app.root);
    if (cached && cached.generation === this.generation) return cached.routes;
    const routes = this.paths().filter((p) => this.appOf(p) === app && routeUrlOf(app, p)).flatMap((p) => this.routesIn(p));
    this.routesByApp.set(app.root, { generation: this.generation, routes });
    return routes;
  }

  /** Every action of an app (bodies as of each file's latest facts). */
  actionsOfApp(app: AppInfo): ActionDef[] {
    let cached = this.actionFilesByApp.get(app.root);
    if (!cached || cached.generation !== this.generation) {
      const files = this.paths().filter((p) => this.appOf(p) === app && this.actionsIn(p).length > 0);
      this.actionFilesByApp.set(app.root, (cached = { generation: this.generation, files }));
    }
    return cached.files.flatMap((p) => this.actionsIn(p));
  }

  /** The route handlers a URL path reaches, most specific route first. */
  routesForUrl(app: AppInfo, path: string): RouteDef[] {
    let best = -1;
    let matches: RouteDef[] = [];
    for (const route of this.routesOfApp(app)) {
      const score = matchScore(route.url, app.basePath, path);
      if (score > best) {
        best = score;
        matches = [route];
      } else if (score === best && score >= 0) matches.push(route);
    }
    return best < 0 ? [] : matches;
  }

  private collectRoutes(path: string): RouteDef[] {
    const facts = this.allFacts.get(path);
    const app = this.appOf(path);
    const url = app && routeUrlOf(app, path);
    if (!facts || !url) return [];
    const routes: RouteDef[] = [];
    const add = (method: string, span: Span, definition: Definition | null): void => {
      const handler = this.handlerOf(definition);
      routes.push({ file: path, key: `${path}#${method}`, method, span, url, fn: handler.fn, fnFile: handler.file ?? path, wrapper: handler.wrapper });
    };
    if (url.router === 'pages') {
      const exported = facts.exports.find((e) => e.name === 'default');
      if (exported) add('ANY', exported.span, this.resolveExport(path, 'default'));
      return routes;
    }
    for (const method of HTTP_METHODS) {
      const exported = facts.exports.find((e) => e.name === method);
      if (exported) add(method, exported.span, this.resolveExport(path, method));
      const reExport = facts.reExports.find((r) => r.names?.some((n) => n.exported === method));
      if (reExport && !exported) add(method, reExport.span, this.resolveExport(path, method));
    }
    return routes;
  }

  /** The function holding a handler's body: the definition itself, or the last function given to its wrapper. */
  private handlerOf(definition: Definition | null): { fn: FunctionFact | null; file: string | null; wrapper: CallChain | null } {
    if (!definition) return { fn: null, file: null, wrapper: null };
    const facts = this.allFacts.get(definition.file);
    if (definition.value.kind === 'function') return { fn: facts?.functions[definition.value.fn] ?? null, file: definition.file, wrapper: null };
    if (definition.value.kind === 'call') {
      const chain = definition.value.chain;
      const last = chain.fns[chain.fns.length - 1];
      if (last !== undefined) return { fn: facts?.functions[last] ?? null, file: definition.file, wrapper: chain };
      const named = chain.identifierArgs[chain.identifierArgs.length - 1];
      const inner = named ? this.resolveLocal(definition.file, named) : null;
      return { fn: this.functionOf(inner), file: inner?.file ?? definition.file, wrapper: chain };
    }
    return { fn: null, file: definition.file, wrapper: null };
  }

  // ── callers ───────────────────────────────────────────────────────────

  /**
   * The initial scan of these files begins: until it ends, the first opened file is answered from its
   * own facts.
   */
  beginBulkLoad(files: readonly string[]): void {
    this.changes++;
    this.crossFileReady = false;
    this.scanned = new Set(files);
  }

  /**
   * The initial scan is done: every contribution is computed now, so that the first edit stays cheap.
   * TypeScript's resolution cache (some 20 MB on 3,000 files) is then dropped: the answers are kept
   * per file, and a new import is resolved without it.
   */
  endBulkLoad(): void {
    this.changes++;
    this.crossFileReady = true;
    this.scanned = new Set();
    this.refresh();
    this.resolver.clear();
  }

  /** False during the initial scan, while callers and importers are not known yet (their answers are empty). */
  callersKnown(): boolean {
    return this.crossFileReady;
  }

  /** Every reference to an action (or any definition) across the project. */
  usagesOf(key: string): UsageRef[] {
    if (!this.crossFileReady) return [];
    this.refresh();
    const byFile = this.usagesByKey.get(key);
    // In path order, whatever order the files were read in.
    return byFile ? [...byFile].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([file, usages]) => usages.map((usage) => ({ file, usage }))) : [];
  }

  /** The references of one file to actions (or any definition) and its fetches of route handlers, with their keys. */
  referencesIn(path: string): { usages: { key: string; usage: UsageFact }[]; fetches: { key: string; ref: FetchRef }[] } {
    if (!this.crossFileReady) return { usages: [], fetches: [] };
    this.refresh();
    const c = this.contributions.get(path);
    return { usages: c?.usages ?? [], fetches: c?.fetches ?? [] };
  }

  /** The files that import or re-export `path`, in path order. */
  importersOf(path: string): string[] {
    if (!this.crossFileReady) return [];
    this.refresh();
    return [...(this.importers.get(path) ?? [])].sort();
  }

  /** The action a key names, or `null` when it names none (any other definition). */
  actionOf(key: string): ActionDef | null {
    const file = key.slice(0, key.lastIndexOf('#'));
    return this.actionsIn(file).find((a) => a.key === key) ?? null;
  }

  /** Every `fetch` of the project that reaches a route handler. */
  fetchesOf(routeKey: string): FetchRef[] {
    if (!this.crossFileReady) return [];
    this.refresh();
    const byFile = this.fetchesByRoute.get(routeKey);
    return byFile ? [...byFile].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([, refs]) => refs) : [];
  }

  /**
   * Files whose findings may change when `path` changes: what it imports or fetches (now and before
   * its last update), what imports it, what fetches its routes, and who calls its actions.
   */
  dependentsOf(path: string): Set<string> {
    if (!this.crossFileReady) return new Set();
    this.refresh();
    const current = this.contributions.get(path);
    const out = new Set<string>([...(this.formerTargets.get(path) ?? []), ...(current ? targetsOf(current) : [])]);
    this.formerTargets.delete(path);
    for (const importer of this.importers.get(path) ?? []) out.add(importer);
    for (const route of this.routesIn(path)) for (const ref of this.fetchesOf(route.key)) out.add(ref.file);
    for (const action of this.actionsIn(path)) for (const ref of this.usagesOf(action.key)) out.add(ref.file);
    out.delete(path);
    return out;
  }

  /**
   * Whether a module runs in the browser, decided by the module graph as well as the directive: a
   * `'use client'` module, a pages-router page (outside `pages/api`), a module with no directive that
   * uses hooks, or one whose importers all run in the browser.
   */
  runsInBrowser(path: string): boolean {
    this.refresh();
    return this.inBrowser(path, new Set());
  }

  private inBrowser(path: string, visiting: Set<string>): boolean {
    const known = this.browserModules.get(path);
    if (known !== undefined) return known;
    const facts = this.allFacts.get(path);
    if (!facts || facts.directive === 'use server' || visiting.has(path)) return false;
    let answer = facts.directive === 'use client' || facts.usesHooks || this.isPagesComponent(path);
    const importers = this.crossFileReady ? [...(this.importers.get(path) ?? [])] : [];
    if (!answer && importers.length > 0 && !this.appOf(path)?.appDirs.some((dir) => isRouterFile(dir, path))) {
      visiting.add(path);
      answer = importers.every((importer) => this.inBrowser(importer, visiting));
      visiting.delete(path);
    }
    this.browserModules.set(path, answer);
    return answer;
  }

  /** A page or component under `pages/` (not `pages/api`): rendered by React on the client and in SSR. */
  private isPagesComponent(path: string): boolean {
    const app = this.appOf(path);
    return app !== null && app.pagesDirs.some((dir) => isWithin(dir, path) && !isWithin(`${dir}/api`, path));
  }

  /** Brings every stale contribution up to date: all of them after a change of shape, else the edited files. */
  private refresh(): void {
    const stale = this.refreshedGeneration === this.generation ? [...this.dirty] : [...this.allFacts.keys()];
    if (stale.length > 0) this.browserModules.clear();
    this.refreshedGeneration = this.generation;
    this.dirty.clear();
    for (const path of stale) {
      const facts = this.allFacts.get(path);
      if (!facts) continue;
      this.withdraw(path);
      this.contribute(this.computeContribution(facts));
    }
  }

  private computeContribution(facts: FileFacts): Contribution {
    const path = facts.path;
    const importTargets = this.importTargetsOf(facts);
    const usages: Contribution['usages'] = [];
    for (const usage of facts.usages) {
      const definition = this.resolveLocal(path, usage.name);
      if (definition) usages.push({ key: definitionKey(definition), usage });
    }
    const fetches: Contribution['fetches'] = [];
    const app = this.appOf(path);
    if (app) {
      for (const fn of facts.functions) {
        for (const fetch of fn.fetches) {
          if (fetch.url?.origin !== 'own') continue;
          for (const route of this.routesForUrl(app, fetch.url.path)) {
            if (route.method === fetch.method || route.method === 'ANY') fetches.push({ key: route.key, ref: { file: path, fn, fetch } });
          }
        }
      }
    }
    return { facts, generation: this.generation, importTargets: [...importTargets], usages, fetches };
  }

  private contribute(c: Contribution): void {
    const path = c.facts.path;
    this.contributions.set(path, c);
    for (const target of c.importTargets) addTo(this.importers, target, () => new Set<string>()).add(path);
    for (const { key, usage } of c.usages) pushTo(addTo(this.usagesByKey, key, () => new Map()), path, usage);
    for (const { key, ref } of c.fetches) pushTo(addTo(this.fetchesByRoute, key, () => new Map()), path, ref);
  }

  private withdraw(path: string): void {
    const c = this.contributions.get(path);
    if (!c) return;
    this.contributions.delete(path);
    for (const target of c.importTargets) this.importers.get(target)?.delete(path);
    for (const { key } of c.usages) this.usagesByKey.get(key)?.delete(path);
    for (const { key } of c.fetches) this.fetchesByRoute.get(key)?.delete(path);
  }
}

/** App Router files that Next.js renders itself (pages, layouts, routes): Server Components unless they say otherwise. */
function isRouterFile(appDir: string, path: string): boolean {
  return isWithin(appDir, path) && /\/(page|layout|template|default|route|loading|error|not-found|opengraph-image|twitter-image|icon|sitemap)\.[cm]?[jt]sx?$/.test(path);
}

function specifiersOf(facts: FileFacts): string {
  return [...facts.imports.map((i) => i.specifier), ...facts.reExports.map((r) => r.specifier)].join('\n');
}

function targetsOf(c: Contribution): string[] {
  const fileOf = (key: string): string => key.slice(0, key.lastIndexOf('#'));
  return [...c.importTargets, ...c.usages.map((u) => fileOf(u.key)), ...c.fetches.map((f) => fileOf(f.key))];
}

/** Functions are keyed by their id, so that a default export and its declared name meet. */
export function definitionKey(definition: Definition): string {
  return definition.value.kind === 'function' ? `${definition.file}#fn${definition.value.fn}` : `${definition.file}#${definition.name}`;
}

/** Module actions (exports of a `'use server'` file) and inline actions of one file. */
function collectActions(facts: FileFacts): ActionDef[] {
  const actions: ActionDef[] = [];
  if (facts.directive === 'use server') {
    for (const exported of facts.exports) {
      if (exported.typeOnly) continue;
      let name = exported.name;
      let value = exported.value;
      for (let hops = 0; value.kind === 'alias' && hops < 12; hops++) {
        const next = facts.declarations[value.local];
        if (!next) break;
        name = value.local;
        value = next;
      }
      const key = definitionKey({ file: facts.path, name, value });
      if (value.kind === 'function') {
        actions.push({ file: facts.path, key, name: exported.name, span: exported.span, kind: 'module', fn: facts.functions[value.fn] ?? null, wrapper: null });
      } else if (value.kind === 'call') {
        const last = value.chain.fns[value.chain.fns.length - 1];
        const named = value.chain.identifierArgs[value.chain.identifierArgs.length - 1];
        const local = named ? facts.declarations[named] : undefined;
        const fnId = last ?? (local?.kind === 'function' ? local.fn : undefined);
        actions.push({ file: facts.path, key, name: exported.name, span: exported.span, kind: 'module', fn: fnId === undefined ? null : facts.functions[fnId] ?? null, wrapper: value.chain });
      }
    }
  }
  // In a 'use client' module an inline 'use server' is no action at all (a rule says so).
  if (facts.directive === 'use client') return actions;
  for (const fn of facts.functions) {
    if (!fn.inlineUseServer || facts.directive === 'use server') continue;
    actions.push({ file: facts.path, key: `${facts.path}#fn${fn.id}`, name: fn.name, span: fn.nameSpan, kind: 'inline', fn, wrapper: null });
  }
  return actions;
}

/** What other files see of this one: a change elsewhere in it touches no other file's contribution. */
function surfaceOf(facts: FileFacts): string {
  return JSON.stringify([
    facts.directive,
    facts.exports.map((e) => [e.name, e.value.kind, e.value.kind === 'alias' ? e.value.local : e.value.kind === 'function' ? e.value.fn : 0]),
    facts.reExports.map((r) => [r.specifier, r.names]),
    Object.keys(facts.declarations),
    facts.functions.filter((f) => f.inlineUseServer).map((f) => f.name),
  ]);
}

function addTo<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  addTo(map, key, () => []).push(value);
}
