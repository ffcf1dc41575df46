import ts from 'typescript';
import type { FunctionNode, FunctionRegistry, RegisteredFunction } from './function-registry';
import { isParallelCall } from './parallel-calls';
import { functionBodyDirectives, isFunctionKind, stringValue } from './syntax';
import { TryCollector } from './tries';
import { SyntaxKind, forEachChild } from './typescript';

export interface TreeWalk {
  tries: TryCollector;
  /** Identifiers named like an import or a top-level binding, outside imports, exports and types. */
  candidates: ts.Identifier[];
  /** `Promise.all(…)`, `Promise.allSettled(…)`, `Promise.race(…)`, `Promise.any(…)`. */
  parallelCalls: ts.CallExpression[];
  /** Specifiers of `import('…')` and `require('…')`. */
  dynamicImports: string[];
}

/** What the walk found in one top-level statement, in the order of the text. */
interface StatementFinds {
  candidates: ts.Identifier[];
  tries: ts.TryStatement[];
  parallelCalls: ts.CallExpression[];
  dynamicImports: string[];
  inlineActions: Pick<RegisteredFunction, 'node' | 'name' | 'nameNode' | 'container'>[];
}

/**
 * What the walks over an open document's trees found in each top-level statement. TypeScript's
 * incremental parser keeps the statements an edit did not reach (the very nodes, moved), so the walk
 * over the re-parsed tree takes their finds again and walks only the statements the parser made anew.
 * Finds hold while the names sought are the same.
 */
export class StatementWalks {
  private sought = '';
  private finds = new Map<ts.Statement, StatementFinds>();

  /** The finds of the last walk, if it sought the same names; then the finds of this walk replace them. */
  swap(sought: string, finds: Map<ts.Statement, StatementFinds>): ReadonlyMap<ts.Statement, StatementFinds> {
    const earlier = sought === this.sought ? this.finds : new Map<ts.Statement, StatementFinds>();
    this.sought = sought;
    this.finds = finds;
    return earlier;
  }
}

/**
 * The one walk over a whole tree: it sets the parent pointers (the parser is asked for none), registers
 * inline actions, records `try` statements and collects the identifiers that may refer to the file's
 * imports and top-level bindings. The later passes (function bodies, usages) rely on the parents.
 * Given the walks over the tree before an edit, statements the edit left alone are not walked again.
 */
export function walkTree(sourceFile: ts.SourceFile, registry: FunctionRegistry, names: ReadonlySet<string>, options: { inlineActions: boolean }, walks?: StatementWalks): TreeWalk {
  // Inline actions are named as the walk finds them: where there may be some, every identifier is a
  // candidate and the caller filters by the final names.
  const isCandidate = options.inlineActions ? () => true : (text: string) => names.has(text);
  const finds = new Map<ts.Statement, StatementFinds>();
  const earlier = walks?.swap(`${options.inlineActions}:${[...names].join(',')}`, finds);
  let found: StatementFinds = noFinds();
  let parent: ts.Node = sourceFile;
  let container: string | null = null;
  let outsideCode = false;
  const visit = (node: ts.Node): void => {
    (node as { parent: ts.Node }).parent = parent;
    const kind = node.kind;
    if (kind === SyntaxKind.Identifier) {
      if (!outsideCode && isCandidate((node as ts.Identifier).text)) found.candidates.push(node as ts.Identifier);
      return;
    }
    const savedContainer = container;
    const savedOutside = outsideCode;
    if (isFunctionKind(kind)) {
      const entry = registry.entryOf(node);
      if (entry) container ??= entry.name;
      else if (options.inlineActions && functionBodyDirectives(node as FunctionNode).includes('use server')) {
        const nameNode = functionName(node);
        const inline = { node: node as FunctionNode, name: nameNode && ts.isIdentifier(nameNode) ? nameNode.text : 'inline action', nameNode: nameNode ?? node, container };
        registry.register(inline.node, inline.name, inline.nameNode, inline.container);
        found.inlineActions.push(inline);
      }
    } else if (kind === SyntaxKind.TryStatement) found.tries.push(node as ts.TryStatement);
    else if (kind === SyntaxKind.CallExpression) {
      const call = node as ts.CallExpression;
      const specifier = dynamicSpecifier(call);
      if (specifier !== null) found.dynamicImports.push(specifier);
      else if (isParallelCall(call)) found.parallelCalls.push(call);
    }
    else if (kind === SyntaxKind.ImportDeclaration || kind === SyntaxKind.ExportDeclaration || (kind >= SyntaxKind.FirstTypeNode && kind <= SyntaxKind.LastTypeNode)) {
      outsideCode = true;
    }
    parent = node;
    forEachChild(node, visit);
    parent = node.parent;
    container = savedContainer;
    outsideCode = savedOutside;
  };
  const walk: TreeWalk = { tries: new TryCollector(sourceFile), candidates: [], parallelCalls: [], dynamicImports: [] };
  for (const statement of sourceFile.statements) {
    const kept = earlier?.get(statement);
    if (kept) {
      (statement as { parent: ts.Node }).parent = sourceFile;
      for (const inline of kept.inlineActions) registry.register(inline.node, inline.name, inline.nameNode, inline.container);
      found = kept;
    } else {
      found = noFinds();
      visit(statement);
    }
    finds.set(statement, found);
    for (const node of found.tries) walk.tries.add(node);
    append(walk.candidates, found.candidates);
    append(walk.parallelCalls, found.parallelCalls);
    append(walk.dynamicImports, found.dynamicImports);
  }
  visit(sourceFile.endOfFileToken);
  return walk;
}

/** A loop, not a spread: a statement may hold more identifiers than a call takes arguments. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function noFinds(): StatementFinds {
  return { candidates: [], tries: [], parallelCalls: [], dynamicImports: [], inlineActions: [] };
}

/** The module `import('./actions')` or `require('./actions')` loads. */
function dynamicSpecifier(call: ts.CallExpression): string | null {
  const callee = call.expression;
  const loads = callee.kind === SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
  return loads && call.arguments.length === 1 ? stringValue(call.arguments[0]) : null;
}

/** The name an inline function goes by: its own, or the variable or property holding it. */
function functionName(node: ts.Node): ts.Node | undefined {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name;
  return undefined;
}
