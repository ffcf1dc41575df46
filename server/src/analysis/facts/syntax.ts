import ts from 'typescript';
import { SyntaxKind, forEachChild } from './typescript';
import type { Span } from '../types';

export function spanOf(node: ts.Node, sourceFile: ts.SourceFile): Span {
  return { start: node.getStart(sourceFile), end: node.getEnd() };
}

/** The text of a string literal or a template without substitutions. */
export function stringValue(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

export function unwrapExpression(node: ts.Expression): ts.Expression {
  let current = unwrapValue(node);
  while (ts.isAwaitExpression(current)) current = unwrapValue(current.expression);
  return current;
}

/** The expression inside parentheses, `as`, `satisfies`, `!` and type assertions: the same value, `await` kept. */
export function unwrapValue(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}

const NO_MEMBERS: string[] = [];

export interface Chain {
  root: string | null;
  members: string[];
}

/**
 * Names along a callee: `prisma.project.create` → prisma / [project, create];
 * `db.insert(t).values` → db / [insert, values]; `(await cookies()).set` → cookies / [set].
 */
export function chainOf(expression: ts.Expression): Chain {
  // Most callees are a bare name: they share one empty list of members.
  let members: string[] = NO_MEMBERS;
  let current: ts.Expression = expression;
  for (;;) {
    current = unwrapExpression(current);
    if (ts.isPropertyAccessExpression(current)) {
      members = [current.name.text, ...members];
      current = current.expression;
    } else if (ts.isElementAccessExpression(current)) {
      const key = stringValue(current.argumentExpression);
      if (key !== null) members = [key, ...members];
      current = current.expression;
    } else if (ts.isCallExpression(current)) {
      current = current.expression;
    } else if (ts.isIdentifier(current)) {
      return { root: current.text, members };
    } else if (current.kind === SyntaxKind.ThisKeyword) {
      return { root: 'this', members };
    } else {
      return { root: null, members };
    }
  }
}

/** The last name of a chain: the method called. */
export function lastName(chain: Chain): string | null {
  return chain.members.length > 0 ? chain.members[chain.members.length - 1]! : chain.root;
}

/**
 * The names an expression reads, property names and types left out. Of the functions in it only
 * expression-bodied arrows are entered (`items.filter((i) => i.id !== input.id)`): a block-bodied
 * callback's statements are facts of their own.
 */
export function referencedNames(nodes: readonly ts.Node[]): string[] {
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (n.kind === SyntaxKind.Identifier) {
      if (!isNamePosition(n as ts.Identifier)) names.add((n as ts.Identifier).text);
    } else if (n.kind === SyntaxKind.ArrowFunction) {
      const body = (n as ts.ArrowFunction).body;
      if (!ts.isBlock(body)) visit(body);
    } else if (!isFunctionKind(n.kind) && !ts.isTypeNode(n)) forEachChild(n, visit);
  };
  for (const node of nodes) visit(node);
  return [...names];
}

/** `name` in `a.name` and in `{ name: value }`: a property, not a variable. */
function isNamePosition(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === identifier) || (ts.isPropertyAssignment(parent) && parent.name === identifier);
}

/** The names a parameter or declaration binds: `a`, or `id` and `rest` of `{ id, ...rest }`. */
export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

export function isFunctionLike(node: ts.Node): node is ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration {
  return isFunctionKind(node.kind);
}

export function isFunctionKind(kind: ts.SyntaxKind): boolean {
  return kind === SyntaxKind.ArrowFunction || kind === SyntaxKind.FunctionExpression || kind === SyntaxKind.FunctionDeclaration || kind === SyntaxKind.MethodDeclaration;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** The directive prologue of a block or file: `'use server'`, `'use client'`… */
export function directivesOf(statements: ts.NodeArray<ts.Statement>): string[] {
  const found: string[] = [];
  for (const statement of statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    found.push(statement.expression.text);
  }
  return found;
}

export function functionBodyDirectives(fn: ts.SignatureDeclaration): string[] {
  const body = (fn as { body?: ts.Node }).body;
  return body && ts.isBlock(body) ? directivesOf(body.statements) : [];
}

/** The property name of an object literal member or JSX attribute, when it is static. */
export function propertyName(name: ts.PropertyName | ts.JsxAttributeName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return null;
}

/** The value of a property in an object literal, by name. */
export function objectProperty(node: ts.Node | undefined, name: string): ts.Expression | undefined {
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}

export function objectKeys(node: ts.Node | undefined): string[] {
  if (!node || !ts.isObjectLiteralExpression(node)) return [];
  const keys: string[] = [];
  for (const property of node.properties) {
    if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) || ts.isMethodDeclaration(property)) && property.name) {
      const key = propertyName(property.name);
      if (key !== null) keys.push(key);
    }
  }
  return keys;
}
