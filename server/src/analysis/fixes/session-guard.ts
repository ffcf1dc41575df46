import { Behaviour } from '../behaviour';
import type { FileFacts, FunctionFact } from '../facts/file-facts';
import type { AppInfo } from '../project/app-locator';
import type { ProjectIndex } from '../project/project-index';
import { callerIdentity } from '../rules/shared';
import type { AdvisorSettings } from '../settings';
import type { Finding, Span } from '../types';
import { vocabularyFor } from '../vocabulary';
import { actionOfFinding, routeOfFinding } from './finding-endpoint';
import { dependsOn } from './placement';
import type { OfferFixes } from './rule-fix';

// How an app checks the session, read from the facts: what the scaffold and the auth fixes insert.

/** A call of the app's guard, in one of its actions or route handlers. */
export interface GuardUse {
  file: string;
  span: Span;
  endpoint: 'action' | 'route';
  /** The caller keeps what it returns (`const session = await auth()`). */
  kept: boolean;
}

/** The app's own session check: the guard its actions and routes call most. */
export interface AppGuard {
  kind: 'app';
  /** The name its module exports. */
  name: string;
  /** Where it comes from, as `from` (the file of the first use) writes it. */
  specifier: string;
  from: string;
  keepsResult: boolean;
  /** Its own code throws when nobody is signed in (a `requireUser`): a caller need not check its result. */
  throws: boolean;
  uses: GuardUse[];
}

/** The check an auth library's documentation gives, when the app calls no guard yet. */
export interface LibraryGuard {
  kind: 'library';
  /** How a title names it: `Clerk's auth()`. */
  label: string;
  statements: GuardStatement[];
  /** The condition that holds when nobody is signed in. */
  signedOut: string;
  /** The signed-in user's id, once `signedOut` is false. */
  userId: string;
  /** What the statements import: from a package, or from a module of the app (`inApp`, by its path). */
  imports: { module: string; inApp: boolean; names: string[] }[];
}

/** A statement that reads the session, without its semicolon, and the names it declares. */
export interface GuardStatement {
  code: string;
  declares: string[];
}

export type SessionGuard = AppGuard | LibraryGuard;

/** Libraries whose session check is known, in the order they are looked for. */
const LIBRARIES = ['Clerk', 'Auth.js', 'better-auth', 'Supabase', 'Lucia'];

/**
 * The guard a new session check uses: the app's own (the call its actions and routes make most),
 * else the one of the auth library its package.json lists; or why there is none.
 */
export function sessionGuard(index: ProjectIndex, settings: AdvisorSettings, app: AppInfo): SessionGuard | { reason: string } {
  return (
    appGuard(index, settings, app) ??
    libraryGuard(index, app) ?? {
      reason: `None of this app's actions or route handlers checks the session, and its package.json lists no auth library this fix knows (${LIBRARIES.join(', ')}): add the check by hand.`,
    }
  );
}

/** How a title names the guard's call. */
export function guardLabel(guard: SessionGuard): string {
  return guard.kind === 'app' ? `${guard.name}()` : guard.label;
}

/**
 * The auth call the app's actions and routes make most, imported by name from a module, with no
 * arguments but imported values (`getServerSession(authOptions)`): one a new check can copy.
 */
export function appGuard(index: ProjectIndex, settings: AdvisorSettings, app: AppInfo): AppGuard | null {
  const behaviour = new Behaviour(index, vocabularyFor(settings));
  const counts = new Map<string, AppGuard>();
  for (const path of index.paths().filter((p) => index.appOf(p) === app)) {
    const facts = index.facts(path);
    if (!facts) continue;
    const endpoints = [
      ...index.actionsIn(path).map((a) => ({ fn: a.fn, endpoint: 'action' as const })),
      ...index.routesIn(path).filter((r) => r.fnFile === path).map((r) => ({ fn: r.fn, endpoint: 'route' as const })),
    ];
    for (const { fn, endpoint } of endpoints) {
      if (!fn) continue;
      for (const call of behaviour.authCalls(facts, fn)) {
        if (!call.root || call.members.length > 0 || call.callback || call.firstString !== null || !call.argReferences.every((name) => index.importOf(facts, name))) continue;
        const imported = index.importOf(facts, call.root);
        if (!imported || imported.imported === 'default' || imported.imported === '*') continue;
        const target = index.resolve(path, imported.specifier);
        const key = `${target.kind === 'file' ? target.path : imported.specifier}#${imported.imported}`;
        const keepsResult = fn.assignments.some((a) => a.from.includes(call.root!));
        const known = counts.get(key) ?? { kind: 'app', name: imported.imported, specifier: imported.specifier, from: path, keepsResult, throws: throwsItself(index, facts, call.root), uses: [] };
        known.keepsResult ||= keepsResult;
        known.uses.push({ file: path, span: call.span, endpoint, kept: keepsResult });
        counts.set(key, known);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.uses.length - a.uses.length)[0] ?? null;
}

/** A guard of the project whose own code throws (a library's guard is read as returning nothing instead). */
function throwsItself(index: ProjectIndex, facts: FileFacts, local: string): boolean {
  return (index.functionOf(index.resolveLocal(facts.path, local))?.throws.length ?? 0) > 0;
}

/**
 * The documented session check of the auth library the app depends on; a library whose check
 * lives in a module of the app (Auth.js's `auth`, Supabase's server client) needs that module.
 * `null` when the app depends on none of them, the reason when its module is not found.
 */
function libraryGuard(index: ProjectIndex, app: AppInfo): LibraryGuard | { reason: string } | null {
  const context = { app };
  const exporting = (name: string, from: string, also?: string): string | null =>
    index.paths().find((p) => {
      const facts = index.facts(p);
      const imports = (specifier: string): boolean => facts?.imports.some((i) => i.specifier === specifier || i.specifier.startsWith(`${specifier}/`)) === true;
      return index.appOf(p) === app && facts?.exports.some((e) => e.name === name && !e.typeOnly) === true && imports(from) && (!also || imports(also));
    }) ?? null;
  const missing = (library: string, what: string): { reason: string } => ({ reason: `The app depends on ${library}, but no module of it exports ${what}: add the check by hand, or that module first.` });
  if (dependsOn(context, '@clerk/nextjs')) {
    const statements = [{ code: 'const { userId } = await auth()', declares: ['userId'] }];
    return { kind: 'library', label: "Clerk's auth()", statements, signedOut: '!userId', userId: 'userId', imports: [{ module: '@clerk/nextjs/server', inApp: false, names: ['auth'] }] };
  }
  if (dependsOn(context, 'next-auth')) {
    const session = { signedOut: '!session?.user', userId: 'session.user.id' };
    const v5 = exporting('auth', 'next-auth');
    if (v5) return { kind: 'library', label: 'Auth.js auth()', statements: [{ code: 'const session = await auth()', declares: ['session'] }], ...session, imports: [{ module: v5, inApp: true, names: ['auth'] }] };
    const v4 = exporting('authOptions', 'next-auth');
    if (v4) {
      const imports = [{ module: 'next-auth', inApp: false, names: ['getServerSession'] }, { module: v4, inApp: true, names: ['authOptions'] }];
      return { kind: 'library', label: 'getServerSession(authOptions)', statements: [{ code: 'const session = await getServerSession(authOptions)', declares: ['session'] }], ...session, imports };
    }
    return missing('Auth.js', '`auth` (`export const { auth } = NextAuth(…)`) or `authOptions`');
  }
  if (dependsOn(context, 'better-auth')) {
    const module = exporting('auth', 'better-auth');
    if (!module) return missing('better-auth', '`auth` (`export const auth = betterAuth(…)`)');
    const imports = [{ module, inApp: true, names: ['auth'] }, { module: 'next/headers', inApp: false, names: ['headers'] }];
    const statements = [{ code: 'const session = await auth.api.getSession({ headers: await headers() })', declares: ['session'] }];
    return { kind: 'library', label: 'auth.api.getSession()', statements, signedOut: '!session', userId: 'session.user.id', imports };
  }
  if (dependsOn(context, '@supabase/ssr')) {
    // The server client reads the cookies; the browser client is exported under the same name.
    const module = exporting('createClient', '@supabase/ssr', 'next/headers');
    if (!module) return missing('Supabase', 'a server `createClient` (over `@supabase/ssr` and `next/headers`)');
    const statements = [
      { code: 'const supabase = await createClient()', declares: ['supabase'] },
      { code: 'const { data: { user } } = await supabase.auth.getUser()', declares: ['user'] },
    ];
    return { kind: 'library', label: 'supabase.auth.getUser()', statements, signedOut: '!user', userId: 'user.id', imports: [{ module, inApp: true, names: ['createClient'] }] };
  }
  if (dependsOn(context, 'lucia')) {
    const module = index.paths().find((p) => index.appOf(p) === app && index.facts(p)?.exports.some((e) => e.name === 'validateRequest')) ?? null;
    if (!module) return missing('Lucia', '`validateRequest` (as its guide writes it)');
    const statements = [{ code: 'const { user } = await validateRequest()', declares: ['user'] }];
    return { kind: 'library', label: 'validateRequest()', statements, signedOut: '!user', userId: 'user.id', imports: [{ module, inApp: true, names: ['validateRequest'] }] };
  }
  return null;
}

/**
 * How the app's actions answer an error: the first `return { error }` or `throw` after their
 * session check, in the file's actions first, else the most common one among the app's.
 */
export function errorAnswer(index: ProjectIndex, settings: AdvisorSettings, app: AppInfo, file: string): 'return' | 'throw' | null {
  const behaviour = new Behaviour(index, vocabularyFor(settings));
  const answersIn = (path: string): ('return' | 'throw')[] => {
    const facts = index.facts(path);
    if (!facts) return [];
    return index.actionsIn(path).flatMap((action) => {
      const check = action.fn && behaviour.authCalls(facts, action.fn)[0];
      if (!action.fn || !check) return [];
      const exits = [
        ...action.fn.returns.filter((r) => r.kind === 'error-object').map((r) => ({ at: r.span.start, answer: 'return' as const })),
        ...action.fn.throws.map((t) => ({ at: t.span.start, answer: 'throw' as const })),
      ].filter((e) => e.at > check.span.end);
      return exits.sort((a, b) => a.at - b.at).slice(0, 1).map((e) => e.answer);
    });
  };
  const own = answersIn(file);
  if (own.length > 0) return own[0]!;
  const all = index.paths().filter((p) => p !== file && index.appOf(p) === app).flatMap(answersIn);
  if (all.length === 0) return null;
  return all.filter((a) => a === 'return').length * 2 >= all.length ? 'return' : 'throw';
}

/** A session check to insert: into which function, with which guard, and what the fix is called. */
export interface GuardPlan {
  /** The action's or the route's key. */
  key: string;
  fn: FunctionFact;
  /** The file holding the function (a route's handler may be re-exported from another one). */
  file: string;
  name: string;
  guard: SessionGuard;
  /** The parameter or form field that names whose data the action writes. */
  identity: string | null;
  title: string;
}

/**
 * The session check the auth fix of a finding inserts, read from the facts (the offer and the fix
 * agree on it), or why there is none.
 */
export function guardPlan(index: ProjectIndex, settings: AdvisorSettings, finding: Finding, endpoint: 'action' | 'route'): GuardPlan | { reason: string; title: string } {
  const title = 'Check the session first';
  const target = endpoint === 'action' ? actionOfFinding(index, finding) : routeOfFinding(index, finding);
  const app = index.appOf(finding.file);
  const facts = target && index.facts('fnFile' in target ? target.fnFile : target.file);
  if (!target || !app || !facts) return { reason: 'The function is no longer there: ask for the fix again.', title };
  const name = 'fnFile' in target ? `The ${target.method} handler` : `"${target.name}"`;
  if ('fnFile' in target && target.url.router === 'pages') return { reason: 'A pages/api handler reads its session from `req` and answers through `res`: add the check by hand.', title };
  if (!target.fn.async) return { reason: `${name} is not async, and the check awaits the session: make it async first.`, title };
  const behaviour = new Behaviour(index, vocabularyFor(settings));
  if (behaviour.authCalls(facts, target.fn).length > 0) return { reason: `${name} checks the session only after the write: move that check before the write.`, title };
  const guard = sessionGuard(index, settings, app);
  if ('reason' in guard) return { reason: guard.reason, title };
  const identity = endpoint === 'action' ? callerIdentity(target.fn) : null;
  const answered = endpoint === 'route' ? ', answering 401' : identity ? ` and that "${identity}" is the signed-in user` : '';
  return { key: target.key, fn: target.fn, file: facts.path, name, guard, identity, title: `${title} with ${guardLabel(guard)}${answered}` };
}

/** The one fix of a missing session check: listed disabled, with the reason, when no guard can be told. */
export function guardOffers(fix: string, endpoint: 'action' | 'route'): OfferFixes {
  return (finding, { index, settings }) => {
    const plan = guardPlan(index, settings, finding, endpoint);
    if ('reason' in plan) return [{ fix, title: plan.title, preferred: true, local: true, disabled: plan.reason }];
    return [{ fix, title: plan.title, preferred: true, local: plan.file === finding.file }];
  };
}
