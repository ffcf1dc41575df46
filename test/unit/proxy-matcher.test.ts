import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseSource } from '../../server/src/analysis/facts/parse';
import { readProxyFacts } from '../../server/src/analysis/facts/proxy-facts';
import { matcherRegex } from '../../server/src/analysis/proxy';

/** The paths of `paths` that the matcher pattern runs on. */
function runsOn(pattern: string, paths: string[]): string[] {
  const regex = matcherRegex(pattern);
  assert.ok(regex, pattern);
  return paths.filter((p) => regex.test(p));
}

const PATHS = ['/', '/api/projects', '/api/projects/p1', '/dashboard', '/dashboard/settings/team', '/_next/static/chunk.js', '/favicon.ico', '/sign-in'];

describe('proxy matchers, read as Next.js reads them', () => {
  it('run named parameters with their modifiers on the paths they name', () => {
    assert.deepEqual(runsOn('/api/:path*', PATHS), ['/api/projects', '/api/projects/p1']);
    assert.deepEqual(runsOn('/dashboard/:path*', PATHS), ['/dashboard', '/dashboard/settings/team']);
    assert.deepEqual(runsOn('/dashboard/:path+', PATHS), ['/dashboard/settings/team']);
    assert.deepEqual(runsOn('/api/projects/:id', PATHS), ['/api/projects/p1']);
    assert.deepEqual(runsOn('/api/projects/:id?', PATHS), ['/api/projects', '/api/projects/p1']);
  });

  it('run the negative look-ahead that leaves static files out on every page and route', () => {
    assert.deepEqual(runsOn('/((?!api|_next/static|_next/image|favicon.ico).*)', PATHS), ['/', '/dashboard', '/dashboard/settings/team', '/sign-in']);
    assert.deepEqual(runsOn('/((?!_next/static|_next/image|favicon.ico).*)', PATHS), ['/', '/api/projects', '/api/projects/p1', '/dashboard', '/dashboard/settings/team', '/sign-in']);
  });

  it('match a literal path exactly, a trailing slash allowed, and read nothing they cannot', () => {
    assert.deepEqual(runsOn('/sign-in', [...PATHS, '/sign-in/', '/sign-in/x']), ['/sign-in', '/sign-in/']);
    assert.equal(matcherRegex('/{en|fr}/about'), null);
    assert.equal(matcherRegex('/(unclosed'), null);
  });

  it('are read from the literal config of the proxy module, and unknown when computed or conditional', () => {
    const matcherOf = (text: string): string[] | 'unknown' | null => readProxyFacts(parseSource('/app/proxy.ts', text)).matcher;
    assert.deepEqual(matcherOf("export const config = { matcher: ['/api/:path*', { source: '/dashboard/:path*', locale: false }] }"), ['/api/:path*', '/dashboard/:path*']);
    assert.deepEqual(matcherOf("export const config = { matcher: '/admin/:path*' } satisfies Config"), ['/admin/:path*']);
    assert.equal(matcherOf('export function proxy() {}'), null);
    assert.equal(matcherOf("export const config = { runtime: 'nodejs' }"), null);
    assert.equal(matcherOf('export const config = { matcher: PATHS }'), 'unknown');
    assert.equal(matcherOf("export const config = { matcher: [{ source: '/api/:path*', has: [{ type: 'header', key: 'x-key' }] }] }"), 'unknown');
  });
});
