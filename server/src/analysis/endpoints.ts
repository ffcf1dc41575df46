import { Behaviour } from './behaviour';
import type { AuthKind } from './endpoint-labels';
import type { FileFacts, FunctionFact, UsageContext } from './facts/file-facts';
import type { AppInfo } from './project/app-locator';
import type { ActionDef, ProjectIndex, RouteDef } from './project/project-index';
import type { AdvisorSettings } from './settings';
import type { Finding, Span } from './types';
import { vocabularyFor, type Vocabulary } from './vocabulary';


/** What the cache can do with its answers. */
export type Caching =
  | { kind: 'uncacheable'; why: string }
  | { kind: 'dynamic'; why: string }
  | { kind: 'static'; why: string }
  | { kind: 'revalidate'; seconds: number; why: string }
  /** A GET with no segment config that reads nothing of the request, in an app of unknown Next.js version: the default, which Next.js 15 changed. */
  | { kind: 'default'; why: string };

export interface EndpointCaller {
  file: string;
  span: Span;
  /** `TaskForm (form action)`, `loadTasks (fetch)`. */
  how: string;
}

export interface Endpoint {
  kind: 'action' | 'route';
  app: AppInfo;
  /** The action's name, or the route handler's method. */
  name: string;
  /** `POST` for an action; an HTTP method, or `ANY` for a `pages/api` handler. */
  method: string;
  /** The route's URL with the basePath; `null` for an action (its URL is the page that posts it). */
  url: string | null;
  /** Where it is declared (the export). */
  file: string;
  span: Span;
  /** The function holding its body, and its file. */
  fn: FunctionFact | null;
  fnFile: string;
  callers: EndpointCaller[];
  auth: AuthKind;
  caching: Caching;
  /** What shows a caller outside this app: a webhook, a bearer token, an API key, CORS. */
  signals: string[];
  /** Its findings: those in its function, and on its declaration. */
  findings: Finding[];
}

const HOW: Record<UsageContext, string> = {
  'form-action': 'form action',
  'action-state': 'useActionState',
  effect: 'in an effect',
  'query-fn': 'query function',
  transition: 'in a transition',
  'event-handler': 'event handler',
  render: 'awaited while rendering',
  call: 'call',
  reference: 'reference',
};

/** A function's callers, signals and protection, from the index and the settings' vocabulary. */
export class EndpointReader {
  private readonly vocabulary: Vocabulary;
  private readonly behaviour: Behaviour;

  constructor(
    private readonly index: ProjectIndex,
    settings: AdvisorSettings,
    private readonly findingsOf: (file: string) => Finding[] = () => [],
  ) {
    this.vocabulary = vocabularyFor(settings);
    this.behaviour = new Behaviour(index, this.vocabulary);
  }

  /** Every Server Action and Route Handler of the apps, by app, then file, then position. */
  all(apps: readonly AppInfo[] = this.index.apps): Endpoint[] {
    return apps.flatMap((app) => {
      const actions = this.index.actionsOfApp(app).map((a) => this.ofAction(app, a));
      const routes = this.index.routesOfApp(app).map((r) => this.ofRoute(app, r));
      return [...actions, ...routes].sort((a, b) => (a.file === b.file ? a.span.start - b.span.start : a.file < b.file ? -1 : 1));
    });
  }

  /** The endpoints declared in one file. */
  inFile(file: string): Endpoint[] {
    const app = this.index.appOf(file);
    if (!app) return [];
    return [...this.index.actionsIn(file).map((a) => this.ofAction(app, a)), ...this.index.routesIn(file).map((r) => this.ofRoute(app, r))].sort((a, b) => a.span.start - b.span.start);
  }

  /** Callers only: what a lens counts, without reading protection or findings. */
  callersOf(endpoint: { kind: 'action' | 'route'; key: string }): EndpointCaller[] {
    if (endpoint.kind === 'action') {
      return this.index.usagesOf(endpoint.key).map((ref) => ({ file: ref.file, span: ref.usage.span, how: `${ref.usage.container ?? 'module'} (${HOW[ref.usage.context]})` }));
    }
    return this.index.fetchesOf(endpoint.key).map((ref) => ({ file: ref.file, span: ref.fetch.span, how: `${ref.fn.name} (fetch)` }));
  }

  ofAction(app: AppInfo, action: ActionDef): Endpoint {
    const facts = this.index.facts(action.file);
    const fn = action.fn;
    return {
      kind: 'action',
      app,
      name: action.name,
      method: 'POST',
      url: null,
      file: action.file,
      span: action.span,
      fn,
      fnFile: action.file,
      callers: this.callersOf({ kind: 'action', key: action.key }),
      auth: facts && fn ? this.auth(facts, action.file, fn, action.wrapper) : 'none',
      caching: { kind: 'uncacheable', why: 'a Server Action is a POST: never cached' },
      signals: fn ? this.signals(fn, []) : [],
      findings: this.findingsIn(action.file, action.span, fn),
    };
  }

  ofRoute(app: AppInfo, route: RouteDef): Endpoint {
    const facts = this.index.facts(route.fnFile);
    const fn = route.fn;
    const siblings = this.index.routesIn(route.file).map((r) => r.method);
    return {
      kind: 'route',
      app,
      name: route.method,
      method: route.method,
      url: route.url.pattern,
      file: route.file,
      span: route.span,
      fn,
      fnFile: route.fnFile,
      callers: this.callersOf({ kind: 'route', key: route.key }),
      auth: facts && fn ? this.auth(facts, route.fnFile, fn, route.wrapper) : 'none',
      caching: this.routeCaching(route, fn),
      signals: [...(fn ? this.signals(fn, siblings) : []), ...(servesMobile(app, route.file) ? ['mobile client'] : [])],
      findings: this.findingsIn(route.file, route.span, route.fnFile === route.file ? fn : null),
    };
  }

  private auth(facts: FileFacts, file: string, fn: FunctionFact, wrapper: ActionDef['wrapper']): AuthKind {
    if (this.behaviour.wrapperAuthenticates(file, wrapper)) return 'wrapper';
    if (this.behaviour.authCalls(facts, fn).length > 0) return 'checked';
    if (this.behaviour.signatureChecks(fn).length > 0) return 'signature';
    return this.behaviour.verifiesCaller(fn) ? 'token' : 'none';
  }

  private signals(fn: FunctionFact, siblingMethods: string[]): string[] {
    const signals = new Set<string>();
    if (this.behaviour.webhookSignal(fn)) signals.add('webhook');
    for (const header of fn.headerReads) {
      if (header.name === 'authorization') signals.add('bearer token');
      else if (this.vocabulary.credentialHeaders.has(header.name)) signals.add('API key');
    }
    if (fn.headerWrites.some((h) => this.vocabulary.corsHeaders.has(h.name)) || siblingMethods.includes('OPTIONS')) signals.add('CORS');
    return [...signals];
  }

  /** The segment config of the route file (`dynamic`, `revalidate`), then what the handler reads. */
  private routeCaching(route: RouteDef, fn: FunctionFact | null): Caching {
    if (route.method !== 'GET' && route.method !== 'HEAD') return { kind: 'dynamic', why: `${route.method === 'ANY' ? 'a pages/api handler' : route.method} is never cached` };
    const config = (name: string): string | number | boolean | undefined => {
      const value = this.index.facts(route.file)?.exports.find((e) => e.name === name)?.value;
      return value?.kind === 'other' ? value.literal : undefined;
    };
    const dynamic = config('dynamic');
    const revalidate = config('revalidate');
    if (dynamic === 'force-static' || dynamic === 'error') return { kind: 'static', why: `dynamic = '${dynamic}'` };
    if (dynamic === 'force-dynamic') return { kind: 'dynamic', why: "dynamic = 'force-dynamic'" };
    if (revalidate === 0) return { kind: 'dynamic', why: 'revalidate = 0' };
    if (typeof revalidate === 'number' && revalidate > 0) return { kind: 'revalidate', seconds: revalidate, why: `revalidate = ${revalidate}` };
    if (revalidate === false) return { kind: 'static', why: 'revalidate = false' };
    const readsRequest = fn !== null && (fn.params.length > 0 || fn.headerReads.length > 0 || fn.calls.some((c) => c.members.length === 0 && (c.root === 'cookies' || c.root === 'headers')));
    if (readsRequest) return { kind: 'dynamic', why: 'reads the request' };
    // Next.js 15 stopped caching such a GET by default: the app's version says which default holds.
    const major = this.index.appOf(route.file)?.versions.next?.major ?? null;
    if (major !== null && major <= 14) return { kind: 'static', why: `static by default in Next.js ${major} (no segment config, reads nothing of the request)` };
    if (major !== null) return { kind: 'dynamic', why: `not cached by default since Next.js 15 (this app has ${major})` };
    return { kind: 'default', why: 'static by default up to Next.js 14, dynamic from 15' };
  }

  private findingsIn(file: string, declaration: Span, fn: FunctionFact | null): Finding[] {
    const inside = (span: Span): boolean => (span.start >= declaration.start && span.end <= declaration.end) || (fn !== null && span.start >= fn.span.start && span.end <= fn.span.end);
    return this.findingsOf(file).filter((f) => inside(f.span));
  }
}

/** A route kept for a mobile app: a `mobile` folder or `(mobile)` route group on its path. */
function servesMobile(app: AppInfo, file: string): boolean {
  const dir = [...app.appDirs, ...app.pagesDirs].find((d) => file.startsWith(`${d}/`));
  return dir !== undefined && file.slice(dir.length + 1).split('/').some((segment) => /^\(?mobile\)?$/i.test(segment));
}

/** `Server Action`, `POST /api/projects`, `pages/api /api/legacy`. */
export function endpointTitle(endpoint: Pick<Endpoint, 'kind' | 'method' | 'url'>): string {
  if (endpoint.kind === 'action') return 'Server Action';
  return `${endpoint.method === 'ANY' ? 'ANY' : endpoint.method} ${endpoint.url}`;
}

/** `static GET`, `revalidate 60 s`, `uncacheable (POST)`. */
export function cachingLabel(caching: Caching): string {
  switch (caching.kind) {
    case 'uncacheable':
      return 'uncacheable (POST)';
    case 'revalidate':
      return `revalidate ${caching.seconds} s`;
    case 'static':
      return 'static GET';
    case 'default':
      return 'GET (default caching)';
    case 'dynamic':
      return 'dynamic';
  }
}
