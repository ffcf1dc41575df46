import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '..', '..');
const INJECTION = 'source.directives.next-action-advisor.injection';
const BASE: Record<string, string> = { 'source.ts': 'typescript', 'source.tsx': 'tsx', 'source.js': 'javascript', 'source.js.jsx': 'jsx' };

/** The injection grammar over the real TypeScript/JavaScript grammars, as VS Code combines them. */
describe('the directives grammar', () => {
  const grammars = new Map<string, IGrammar>();
  before(async () => {
    await loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contribution = manifest.contributes.grammars[0];
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
      loadGrammar: async (scope) => {
        const file = scope === INJECTION ? path.join(ROOT, contribution.path) : BASE[scope] ? require.resolve(`tm-grammars/grammars/${BASE[scope]}.json`) : null;
        return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scope) => (contribution.injectTo.includes(scope) ? [INJECTION] : undefined),
    });
    for (const scope of Object.keys(BASE)) grammars.set(scope, (await registry.loadGrammar(scope))!);
  });

  /** The scopes of the token holding `needle` on the last line of `source` that has it. */
  const scopesOf = (scope: string, source: string, needle: string): string[] => {
    let state = INITIAL;
    let found: string[] = [];
    for (const line of source.split('\n')) {
      const result = grammars.get(scope)!.tokenizeLine(line, state);
      state = result.ruleStack;
      const at = line.indexOf(needle);
      const token = result.tokens.find((t) => t.startIndex <= at && at < t.endIndex);
      if (at >= 0 && token) found = token.scopes;
    }
    return found;
  };

  for (const scope of Object.keys(BASE)) {
    it(`marks module and function directives in ${scope}`, () => {
      assert.ok(scopesOf(scope, "'use server'", 'use server').includes('keyword.control.directive.use-server.next-action-advisor'));
      assert.ok(scopesOf(scope, '"use client";', 'use client').includes('keyword.control.directive.use-client.next-action-advisor'));
      assert.ok(scopesOf(scope, "async function f() {\n  'use cache: remote'", 'use cache').includes('keyword.control.directive.use-cache.next-action-advisor'));
    });
  }

  it('leaves ordinary strings and comments alone', () => {
    for (const [source, needle] of [
      ["const label = 'use server'", 'use server'],
      ["// 'use server'", 'use server'],
      ["const list = [\n  'use client',\n]", 'use client'],
      ["'use servers'", 'use servers'],
    ]) {
      const scopes = scopesOf('source.tsx', source!, needle!);
      assert.ok(scopes.length > 0, `no token found in ${source}`);
      assert.ok(!scopes.some((s) => s.includes('next-action-advisor')), `${source} got ${scopes.join(' ')}`);
    }
  });
});
