import { createHash } from 'node:crypto';
import ts from 'typescript';
import type { FileFacts, FunctionFact } from './file-facts';
import { describeFunction } from './function-body';
import { FunctionRegistry, type RegisteredFunction } from './function-registry';
import { FunctionReuse, type EarlierFacts } from './function-reuse';
import { readModuleSyntax, type ModuleSyntax } from './module-syntax';
import { parallelCalls } from './parallel-calls';
import { firstSyntaxError, parseSource } from './parse';
import { collectSuppressions, SUPPRESSION_PREFIX } from './suppressions';
import { directivesOf, spanOf } from './syntax';
import { walkTree, type StatementWalks } from './tree-walk';
import { describeUsages } from './usages';
import { readProxyFacts } from './proxy-facts';
import { baseName } from '../project/paths';

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** React hooks only run in the browser (or in its server-side render), never in a Server Component. */
const HOOK_NAME = /^use[A-Z]/;

/** The file Next.js runs before routes: `proxy.ts` from 16 on, `middleware.ts` before (and still, deprecated). */
export const PROXY_FILE = /^(proxy|middleware)\.(ts|js|mjs|mts|cjs|cts)$/;

/** How much of a file is looked at to tell text from binary. */
const BINARY_PROBE = 8000;

/** Facts of a file that is not parsed (too large, binary): it takes part in nothing. */
export function skippedFacts(path: string, hash: string, reason: 'too-large' | 'binary'): FileFacts {
  return { ...emptyFacts(path, hash), skipped: reason };
}

/** The facts of a file's text, or why it is skipped. The one entry point for the analyzer and the workers. */
export function factsForText(path: string, text: string, maxFileSize: number, hash = hashText(text)): FileFacts {
  const reason = skipReason(text, maxFileSize);
  return reason ? skippedFacts(path, hash, reason) : extractFacts(path, text, hash);
}

/** Why a text is not parsed: too large, or not text at all. */
export function skipReason(text: string, maxFileSize: number): 'too-large' | 'binary' | null {
  if (text.length > maxFileSize) return 'too-large';
  if (text.slice(0, BINARY_PROBE).includes('\u0000')) return 'binary';
  return null;
}

function emptyFacts(path: string, hash: string): FileFacts {
  return {
    path, hash, lineStarts: [0], directive: null, usesHooks: false, prologueEndLine: 0, syntaxError: null, skipped: null,
    imports: [], reExports: [], dynamicImports: [], exports: [], declarations: {}, functions: [], usages: [], tries: [], suppressions: [], proxy: null,
  };
}

/** One parse, one pass per concern, no syntax tree kept. */
export function extractFacts(path: string, text: string, hash = hashText(text)): FileFacts {
  return factsOfTree(parseSource(path, text), hash);
}

/**
 * The facts of a parsed tree; the caller decides whether the tree is kept (open documents). Given the
 * facts from before an edit, the functions the edit left alone keep theirs; given the walks over the
 * kept tree, the statements it left alone are not walked again.
 */
export function factsOfTree(sourceFile: ts.SourceFile, hash: string, earlier?: EarlierFacts, walks?: StatementWalks): FileFacts {
  const path = sourceFile.fileName;
  const text = sourceFile.text;
  const registry = new FunctionRegistry();
  const syntax = readModuleSyntax(sourceFile, registry);
  const names = new Set([...syntax.imports.filter((i) => !i.typeOnly).flatMap((i) => i.bindings.map((b) => b.local)), ...Object.keys(syntax.declarations)]);
  // A cheap text check: an inline 'use server' beyond the module's own directive.
  const inlineActions = occurrences(text, 'use server') > (syntax.directive === 'use server' ? 1 : 0);
  const walk = walkTree(sourceFile, registry, names, { inlineActions }, walks);
  for (const entry of registry.entries) if (entry.inlineUseServer) names.add(entry.name);
  const tries = walk.tries.table();
  const usesHooks = syntax.imports.some((i) => !i.typeOnly && i.bindings.some((b) => HOOK_NAME.test(b.local)));
  const candidates = inlineActions ? walk.candidates.filter((id) => names.has(id.text)) : walk.candidates;
  const keepCall = relevantCalls(syntax);
  const spans = registry.entries.map((entry) => spanOf(entry.node, sourceFile));
  const reuse = FunctionReuse.of(earlier, syntax, tries.facts);
  const describe = (entry: RegisteredFunction, index: number): FunctionFact =>
    reuse?.reused(entry, spans[index]!, spanOf(entry.nameNode, sourceFile)) ?? describeFunction(entry, sourceFile, registry, tries, keepCall);
  return {
    ...emptyFacts(path, hash),
    lineStarts: [...sourceFile.getLineStarts()],
    directive: syntax.directive,
    usesHooks,
    prologueEndLine: prologueEndLine(sourceFile),
    syntaxError: firstSyntaxError(sourceFile),
    imports: syntax.imports,
    reExports: syntax.reExports,
    dynamicImports: walk.dynamicImports,
    exports: syntax.exports,
    declarations: syntax.declarations,
    functions: registry.entries.map(describe),
    usages: describeUsages(candidates, sourceFile, registry, syntax.directive === 'use client' || usesHooks, parallelCalls(walk.parallelCalls, sourceFile)),
    tries: tries.facts,
    suppressions: text.includes(SUPPRESSION_PREFIX) ? collectSuppressions(sourceFile) : [],
    proxy: PROXY_FILE.test(baseName(path)) ? readProxyFacts(sourceFile) : null,
  };
}

/**
 * A client module holds no action or route, and no helper an action calls: of its calls only those
 * of imported functions matter (`redirect` from next/navigation), and the refreshes after an action
 * (`router.refresh()`, SWR's `mutate()`). Skipping the rest (state setters in every event handler)
 * keeps the facts of large client components small.
 */
function relevantCalls(syntax: ModuleSyntax): ((root: string | null, members: string[]) => boolean) | undefined {
  if (syntax.directive !== 'use client') return undefined;
  const imported = new Set(syntax.imports.flatMap((i) => i.bindings.map((b) => b.local)));
  return (root, members) => (root !== null && imported.has(root)) || members[members.length - 1] === 'refresh' || root === 'mutate';
}

function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

function prologueEndLine(sourceFile: ts.SourceFile): number {
  const count = directivesOf(sourceFile.statements).length;
  const last = sourceFile.statements[count - 1];
  return last ? sourceFile.getLineAndCharacterOfPosition(last.getEnd()).line + 1 : 0;
}

