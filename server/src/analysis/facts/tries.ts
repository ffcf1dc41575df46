import ts from 'typescript';
import { forEachChild } from './typescript';
import type { TryFact } from './file-facts';
import { chainOf, isFunctionLike, lastName } from './syntax';

/** Calls in a `catch` that let Next.js navigation errors through when followed by a throw. */
const NAVIGATION_ERROR_CHECKS = new Set(['isRedirectError', 'isNotFoundError', 'isNavigationError', 'isHTTPAccessFallbackError', 'isNextRouterError']);

export interface TryTable {
  facts: TryFact[];
  /** Index of the innermost `try` block holding a node within its own function, or -1. */
  indexOf(node: ts.Node): number;
}

/** Gathers the `try` statements met by the walk over a tree, and answers which one holds a node. */
export class TryCollector {
  private readonly facts: TryFact[] = [];
  private readonly indexes = new Map<ts.TryStatement, number>();

  constructor(private readonly sourceFile: ts.SourceFile) {}

  add(node: ts.TryStatement): void {
    this.indexes.set(node, this.facts.length);
    this.facts.push({
      span: { start: node.getStart(this.sourceFile), end: node.tryBlock.getStart(this.sourceFile) },
      hasCatch: node.catchClause !== undefined,
      rethrowsNavigation: node.catchClause ? catchRethrowsNavigation(node.catchClause) : true,
      lastStatement: spanOfLast(node.tryBlock.statements, this.sourceFile),
      catchExits: exits(node.catchClause?.block.statements.at(-1)),
    });
  }

  /** Parent pointers must be set by then. */
  table(): TryTable {
    const { facts, indexes } = this;
    if (facts.length === 0) return { facts, indexOf: () => -1 };
    return {
      facts,
      indexOf(node) {
        let child = node;
        for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
          if (isFunctionLike(parent)) return -1;
          if (ts.isTryStatement(parent) && parent.tryBlock === child) return indexes.get(parent) ?? -1;
        }
        return -1;
      },
    };
  }
}

function spanOfLast(statements: ts.NodeArray<ts.Statement>, sourceFile: ts.SourceFile): { start: number; end: number } | null {
  const last = statements.at(-1);
  return last ? { start: last.getStart(sourceFile), end: last.getEnd() } : null;
}

function exits(statement: ts.Statement | undefined): boolean {
  return statement !== undefined && (ts.isReturnStatement(statement) || ts.isThrowStatement(statement));
}

function catchRethrowsNavigation(clause: ts.CatchClause): boolean {
  const variable = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : null;
  // A bare `throw e` as a statement of the catch block rethrows everything, navigation included.
  if (variable && clause.block.statements.some((s) => isThrowOf(s, variable))) return true;
  let rethrowCall = false;
  let errorCheck = false;
  let throwsVariable = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = lastName(chainOf(node.expression));
      if (name === 'unstable_rethrow') rethrowCall = true;
      if (name && NAVIGATION_ERROR_CHECKS.has(name)) errorCheck = true;
    }
    if (variable && isThrowOf(node, variable)) throwsVariable = true;
    forEachChild(node, visit);
  };
  visit(clause.block);
  return rethrowCall || (errorCheck && throwsVariable);
}

function isThrowOf(node: ts.Node, variable: string): boolean {
  return ts.isThrowStatement(node) && ts.isIdentifier(node.expression) && node.expression.text === variable;
}
