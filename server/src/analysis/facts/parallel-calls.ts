import ts from 'typescript';
import type { ParallelFact } from './file-facts';
import { hasModifier, isFunctionLike, spanOf, unwrapValue } from './syntax';
import { SyntaxKind, forEachChild } from './typescript';

/** The `Promise` methods that await several promises together. */
const PARALLEL_METHODS = new Set(['all', 'allSettled', 'race', 'any']);
/** Array methods whose callback runs once per item, each promise kept in the result. */
const PER_ITEM = new Set(['map', 'flatMap']);
/** Methods chained on a promise: the call before them still starts at once. */
const PROMISE_CHAIN = new Set(['then', 'catch', 'finally']);

export function isParallelCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && PARALLEL_METHODS.has(callee.name.text);
}

/**
 * The functions each `Promise.all(…)` starts together, by the identifier naming them: called in its
 * array (`[saveTitle(t), saveTags(t)]`), once per item (`ids.map((id) => deleteTask(id))`,
 * `ids.map(deleteTask)`), or through a variable holding the promises (`const saves = ids.map(…)`,
 * `saves.push(deleteTask(id))` in a loop). A call awaited before the array is built has finished by
 * then: it is left out. The first `Promise.all` to claim a call keeps it (an outer one, for nested ones).
 */
export function parallelCalls(groups: readonly ts.CallExpression[], sourceFile: ts.SourceFile): Map<ts.Identifier, ParallelFact> {
  const found = new Map<ts.Identifier, ParallelFact>();
  for (const group of groups) {
    const callee = group.expression as ts.PropertyAccessExpression;
    const span = spanOf(callee, sourceFile);
    const scope = enclosingScope(group);
    const followed = new Set<string>();
    const record = (id: ts.Identifier, repeated: boolean): void => {
      if (!found.has(id)) found.set(id, { span, method: callee.name.text, repeated });
    };

    const started = (node: ts.Expression, repeated: boolean): void => {
      const expression = unwrapValue(node);
      if (ts.isArrayLiteralExpression(expression)) for (const element of expression.elements) started(ts.isSpreadElement(element) ? element.expression : element, repeated);
      else if (ts.isConditionalExpression(expression)) {
        started(expression.whenTrue, repeated);
        started(expression.whenFalse, repeated);
      } else if (ts.isIdentifier(expression)) held(expression.text, repeated);
      else if (ts.isCallExpression(expression)) called(expression, repeated);
    };

    const called = (call: ts.CallExpression, repeated: boolean): void => {
      const target = unwrapValue(call.expression);
      if (ts.isIdentifier(target)) record(target, repeated);
      else if (isFunctionLike(target)) returnedBy(target, repeated);
      else if (ts.isPropertyAccessExpression(target)) {
        const method = target.name.text;
        if (PROMISE_CHAIN.has(method)) started(target.expression, repeated);
        else if (PER_ITEM.has(method) && call.arguments[0]) perItem(call.arguments[0]);
        else if (method === 'from' && ts.isIdentifier(target.expression) && target.expression.text === 'Array' && call.arguments[1]) perItem(call.arguments[1]);
      }
    };

    const perItem = (callback: ts.Expression): void => {
      const fn = unwrapValue(callback);
      if (ts.isIdentifier(fn)) record(fn, true);
      else if (isFunctionLike(fn)) returnedBy(fn, true);
    };

    // An async callback run per item starts every call in it once per item, awaited or not; any other
    // function gives what it returns.
    const returnedBy = (fn: ts.FunctionLikeDeclaration, repeated: boolean): void => {
      const body = fn.body;
      if (!body) return;
      if (repeated && hasModifier(fn, SyntaxKind.AsyncKeyword)) {
        visitCode(body, (n) => {
          const target = ts.isCallExpression(n) ? unwrapValue(n.expression) : undefined;
          if (target && ts.isIdentifier(target)) record(target, true);
        });
      } else if (!ts.isBlock(body)) started(body, repeated);
      else {
        visitCode(body, (n) => {
          if (ts.isReturnStatement(n) && n.expression) started(n.expression, repeated);
        });
      }
    };

    // A variable of promises: what it is set to, and what is pushed onto it (once per pass of a loop or callback).
    const held = (name: string, repeated: boolean): void => {
      if (followed.has(name)) return;
      followed.add(name);
      const visit = (n: ts.Node): void => {
        if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.initializer) started(n.initializer, repeated);
        else if (ts.isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && n.left.text === name) started(n.right, repeated);
        else if (ts.isCallExpression(n) && isPushOnto(n, name)) for (const argument of n.arguments) started(argument, repeated || repeats(n, scope));
        forEachChild(n, visit);
      };
      forEachChild(scope, visit);
    };

    if (group.arguments[0]) started(group.arguments[0], false);
  }
  return found;
}

/** The function (or the file) whose code holds the node. */
function enclosingScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isSourceFile(current) && !isFunctionLike(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

function isPushOnto(call: ts.CallExpression, name: string): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'push' && ts.isIdentifier(callee.expression) && callee.expression.text === name;
}

/** A loop or a callback lies between the node and its scope: it runs more than once. */
function repeats(node: ts.Node, scope: ts.Node): boolean {
  for (let p = node.parent; p && p !== scope; p = p.parent) {
    if (isFunctionLike(p) || ts.isForStatement(p) || ts.isForOfStatement(p) || ts.isForInStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return true;
  }
  return false;
}

/** Every node of a function's body, the functions nested in it left out. */
function visitCode(body: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (n: ts.Node): void => {
    visit(n);
    if (!isFunctionLike(n)) forEachChild(n, walk);
  };
  walk(body);
}
