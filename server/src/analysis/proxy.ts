import type { Behaviour } from './behaviour';
import type { AppInfo } from './project/app-locator';
import { dirName, joinPath } from './project/paths';
import type { ProjectIndex } from './project/project-index';
import type { RouteSegment } from './project/route-url';
import type { Span } from './types';

const EXTENSIONS = ['ts', 'js', 'mts', 'mjs', 'cts', 'cjs'];

/** The file Next.js runs before the app's routes, as this version of Next.js names it. */
export interface ProxyFile {
  file: string;
  /** `proxy` (Next.js 16 on) or `middleware`, the name of the function it exports. */
  name: 'proxy' | 'middleware';
  /** The paths it runs on: every path when null. */
  matcher: string[] | null;
  /** Its exported function, where findings point to it. */
  span: Span;
}

/**
 * The app's `proxy.ts` (Next.js 16 on) or `middleware.ts`, beside its `app/` or `pages/` folder; a
 * Next.js before 16 does not run `proxy.ts`. Null when there is none, or when its matcher cannot be read.
 */
export function proxyFileOf(index: ProjectIndex, app: AppInfo): ProxyFile | null {
  const folder = dirName(app.appDirs[0] ?? app.pagesDirs[0] ?? joinPath(app.root, 'app'));
  const major = app.versions.next?.major ?? null;
  const names: ('proxy' | 'middleware')[] = major !== null && major < 16 ? ['middleware'] : ['proxy', 'middleware'];
  for (const name of names) {
    for (const extension of EXTENSIONS) {
      const file = joinPath(folder, `${name}.${extension}`);
      const facts = index.facts(file);
      if (!facts) continue;
      const exported = facts.exports.find((e) => e.name === name) ?? facts.exports.find((e) => e.name === 'default');
      const matcher = facts.proxy?.matcher ?? null;
      return matcher === 'unknown' ? null : { file, name, matcher, span: exported?.span ?? { start: 0, end: 0 } };
    }
  }
  return null;
}

/** The app's proxy when it checks a session before the request goes on (in its body, or by the auth library it is built with). */
export function authenticatingProxy(index: ProjectIndex, behaviour: Behaviour, app: AppInfo): ProxyFile | null {
  const proxy = proxyFileOf(index, app);
  if (!proxy) return null;
  return [proxy.name, 'default'].some((name) => behaviour.proxyAuthenticates(proxy.file, name)) ? proxy : null;
}

/** Whether the proxy runs on a route of these segments (any value of its dynamic segments). */
export function proxyRunsOn(proxy: ProxyFile, segments: RouteSegment[]): boolean {
  if (proxy.matcher === null) return true;
  const path = `/${segments.map((s) => (s.kind === 'static' ? s.name : s.kind === 'dynamic' ? 'x1' : s.optional ? '' : 'x1')).filter(Boolean).join('/')}`;
  return proxy.matcher.some((pattern) => matcherRegex(pattern)?.test(path) === true);
}

/** Whether the proxy runs on every page: a Server Action can be posted to any of them. */
export function proxyRunsEverywhere(proxy: ProxyFile): boolean {
  return ['/', '/x1/x2/x3'].every((path) => proxy.matcher === null || proxy.matcher.some((pattern) => matcherRegex(pattern)?.test(path) === true));
}

/**
 * A matcher pattern as Next.js reads it (path-to-regexp: `:name`, `:name*`, `:name+`, `:name?` and
 * `(regex)` groups, case-insensitive, a trailing slash allowed); null for what it cannot read.
 */
export function matcherRegex(pattern: string): RegExp | null {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    // A parameter or group takes the slash before it as its prefix: `/:path*` also matches nothing.
    const prefixed = pattern[i] === '/' && (pattern[i + 1] === ':' || pattern[i + 1] === '(');
    let j = prefixed ? i + 1 : i;
    if (pattern[j] !== ':' && pattern[j] !== '(') {
      if (pattern[i] === '{' || pattern[i] === '}') return null;
      out += escape(pattern[i]!);
      i++;
      continue;
    }
    let body = '[^/#?]+?';
    if (pattern[j] === ':') {
      let end = j + 1;
      while (end < pattern.length && /\w/.test(pattern[end]!)) end++;
      if (end === j + 1) return null;
      j = end;
    }
    if (pattern[j] === '(') {
      const end = closingParenthesis(pattern, j);
      if (end < 0) return null;
      body = pattern.slice(j + 1, end);
      j = end + 1;
    }
    const modifier = '?*+'.includes(pattern[j] ?? '-') ? pattern[j++]! : '';
    const prefix = prefixed ? '/' : '';
    const one = `${prefix}(?:${body})`;
    out += modifier === '' ? one : modifier === '?' ? `(?:${one})?` : `(?:${one}(?:${one})*)${modifier === '*' ? '?' : ''}`;
    i = j;
  }
  try {
    return new RegExp(`^${out}/?$`, 'i');
  } catch {
    return null;
  }
}

function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function escape(char: string): string {
  return /[.*+?^${}()|[\]\\]/.test(char) ? `\\${char}` : char;
}
