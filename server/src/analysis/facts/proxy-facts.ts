import ts from 'typescript';
import type { Span } from '../types';
import type { ProxyFacts } from './file-facts';
import { propertyName, stringValue } from './syntax';

/** What a `proxy.*` or `middleware.*` file tells: the paths it runs on, and the calls it always makes. */
export function readProxyFacts(sourceFile: ts.SourceFile): ProxyFacts {
  return { matcher: readProxyMatcher(sourceFile), unconditionalCalls: unconditionalCalls(sourceFile) };
}

/**
 * The calls each function of the file makes on every path that goes on past its early returns: in
 * its own statements, awaited or assigned, not under an `if`, a loop, `?:`, `&&`, `||` or `??`, nor in
 * a callback. A session check the proxy makes only for some paths (`if (isProtected(req)) await
 * auth.protect()`) protects no path this analysis can name.
 */
function unconditionalCalls(sourceFile: ts.SourceFile): Span[] {
  const spans: Span[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      spans.push({ start: node.getStart(sourceFile), end: node.getEnd() });
      collect(node.expression);
      for (const argument of node.arguments) if (!ts.isFunctionLike(argument)) collect(argument);
      return;
    }
    if (ts.isFunctionLike(node) || ts.isConditionalExpression(node)) return;
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) return collect(node.left);
    ts.forEachChild(node, collect);
  };
  const body = (fn: ts.Node): void => {
    const block = ts.isFunctionLike(fn) && 'body' in fn ? fn.body : undefined;
    if (!block) return;
    if (!ts.isBlock(block)) return collect(block);
    for (const statement of block.statements) {
      if (ts.isExpressionStatement(statement) || ts.isVariableStatement(statement) || ts.isReturnStatement(statement)) collect(statement);
      // `if (isPublic(path)) return NextResponse.next()`: its test runs on every path, its body does not.
      else if (ts.isIfStatement(statement)) collect(statement.expression);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) body(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return spans;
}

/**
 * The paths a `proxy.ts` or `middleware.ts` runs on, from `export const config = { matcher }`: the
 * patterns when they are all literals, `null` when there is no matcher (it runs on every path), and
 * `'unknown'` when a pattern is computed or conditional (`has`, `missing`), which nothing can judge.
 */
function readProxyMatcher(sourceFile: ts.SourceFile): string[] | 'unknown' | null {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'config') continue;
      const value = declaration.initializer && unwrap(declaration.initializer);
      if (!value || !ts.isObjectLiteralExpression(value)) return 'unknown';
      for (const property of value.properties) {
        if (ts.isSpreadAssignment(property)) return 'unknown';
        if (ts.isPropertyAssignment(property) && propertyName(property.name) === 'matcher') return patternsOf(unwrap(property.initializer));
      }
      return null;
    }
  }
  return null;
}

function patternsOf(node: ts.Expression): string[] | 'unknown' {
  const single = stringValue(node);
  if (single !== null) return [single];
  if (!ts.isArrayLiteralExpression(node)) return 'unknown';
  const patterns: string[] = [];
  for (const element of node.elements) {
    const text = stringValue(element);
    if (text !== null) {
      patterns.push(text);
      continue;
    }
    if (!ts.isObjectLiteralExpression(element)) return 'unknown';
    let source: string | null = null;
    for (const property of element.properties) {
      const name = ts.isPropertyAssignment(property) ? propertyName(property.name) : null;
      // A matcher that applies only when a header, cookie or query is there (or missing) is conditional.
      if (name === 'source') source = stringValue((property as ts.PropertyAssignment).initializer);
      else if (name !== 'locale') return 'unknown';
    }
    if (source === null) return 'unknown';
    patterns.push(source);
  }
  return patterns;
}

/** `{ … } satisfies Config`, `{ … } as const`, `({ … })`. */
function unwrap(node: ts.Expression): ts.Expression {
  if (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return unwrap(node.expression);
  return node;
}
