import ts from 'typescript';
import type { FunctionNode, FunctionRegistry } from './function-registry';
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

/**
 * The one walk over a whole tree: it sets the parent pointers (the parser is asked for none), registers
 * inline actions, records `try` statements and collects the identifiers that may refer to the file's
 * imports and top-level bindings. The later passes (function bodies, usages) rely on the parents.
 */
export function walkTree(sourceFile: ts.SourceFile, registry: FunctionRegistry, names: ReadonlySet<string>, options: { inlineActions: boolean }): TreeWalk {
  // Inline actions are named as the walk finds them: where there may be some, every identifier is a
  // candidate and the caller filters by the final names.
  const isCandidate = options.inlineActions ? () => true : (text: string) => names.has(text);
  const tries = new TryCollector(sourceFile);
  const candidates: ts.Identifier[] = [];
  const parallelCalls: ts.CallExpression[] = [];
  const dynamicImports: string[] = [];
  let parent: ts.Node = sourceFile;
  let container: string | null = null;
  let outsideCode = false;
  const visit = (node: ts.Node): void => {
    (node as { parent: ts.Node }).parent = parent;
    const kind = node.kind;
    if (kind === SyntaxKind.Identifier) {
      if (!outsideCode && isCandidate((node as ts.Identifier).text)) candidates.push(node as ts.Identifier);
      return;
    }
    const savedContainer = container;
    const savedOutside = outsideCode;
    if (isFunctionKind(kind)) {
      const entry = registry.entryOf(node);
      if (entry) container ??= entry.name;
      else if (options.inlineActions && functionBodyDirectives(node as FunctionNode).includes('use server')) {
        const nameNode = functionName(node);
        registry.register(node as FunctionNode, nameNode && ts.isIdentifier(nameNode) ? nameNode.text : 'inline action', nameNode ?? node, container);
      }
    } else if (kind === SyntaxKind.TryStatement) tries.add(node as ts.TryStatement);
    else if (kind === SyntaxKind.CallExpression) {
      const call = node as ts.CallExpression;
      const specifier = dynamicSpecifier(call);
      if (specifier !== null) dynamicImports.push(specifier);
      else if (isParallelCall(call)) parallelCalls.push(call);
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
  forEachChild(sourceFile, visit);
  return { tries, candidates, parallelCalls, dynamicImports };
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
