import ts from 'typescript';
import type { CallChain, ExportFact, ImportFact, ModuleDirective, ReExportFact, ValueFact } from './file-facts';
import type { FunctionNode, FunctionRegistry } from './function-registry';
import { chainOf, directivesOf, hasModifier, spanOf, unwrapExpression } from './syntax';

export interface ModuleSyntax {
  directive: ModuleDirective | null;
  imports: ImportFact[];
  reExports: ReExportFact[];
  exports: ExportFact[];
  declarations: Record<string, ValueFact>;
}

/** Imports, exports and top-level bindings; registers every top-level function as it goes. */
export function readModuleSyntax(sourceFile: ts.SourceFile, registry: FunctionRegistry): ModuleSyntax {
  const syntax: ModuleSyntax = { directive: moduleDirective(sourceFile), imports: [], reExports: [], exports: [], declarations: {} };
  const values = new ValueReader(registry);
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) readImport(statement, sourceFile, syntax);
    else if (ts.isExportDeclaration(statement)) readExportDeclaration(statement, sourceFile, syntax);
    else if (ts.isExportAssignment(statement)) {
      const value = values.of(statement.expression, 'default', statement);
      syntax.exports.push({ name: 'default', span: exportDefaultSpan(statement, sourceFile), value, typeOnly: false });
    } else if (ts.isFunctionDeclaration(statement)) readFunctionDeclaration(statement, sourceFile, syntax, registry);
    else if (ts.isVariableStatement(statement)) readVariableStatement(statement, sourceFile, syntax, values);
    else readOtherDeclaration(statement, sourceFile, syntax);
  }
  return syntax;
}

function moduleDirective(sourceFile: ts.SourceFile): ModuleDirective | null {
  const directives = directivesOf(sourceFile.statements);
  if (directives.includes('use server')) return 'use server';
  if (directives.includes('use client')) return 'use client';
  return null;
}

function readImport(statement: ts.ImportDeclaration, sourceFile: ts.SourceFile, syntax: ModuleSyntax): void {
  if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
  const clause = statement.importClause;
  const fact: ImportFact = { specifier: statement.moduleSpecifier.text, span: spanOf(statement, sourceFile), typeOnly: clause?.isTypeOnly ?? false, bindings: [] };
  if (clause?.name) fact.bindings.push({ local: clause.name.text, imported: 'default' });
  const named = clause?.namedBindings;
  if (named && ts.isNamespaceImport(named)) fact.bindings.push({ local: named.name.text, imported: '*' });
  if (named && ts.isNamedImports(named)) {
    for (const element of named.elements) {
      if (element.isTypeOnly) continue;
      fact.bindings.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text });
    }
  }
  syntax.imports.push(fact);
}

function readExportDeclaration(statement: ts.ExportDeclaration, sourceFile: ts.SourceFile, syntax: ModuleSyntax): void {
  const clause = statement.exportClause;
  if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    if (statement.isTypeOnly) return;
    const names = !clause
      ? null
      : ts.isNamespaceExport(clause)
        ? [{ exported: clause.name.text, imported: '*' }]
        : clause.elements.filter((e) => !e.isTypeOnly).map((e) => ({ exported: e.name.text, imported: (e.propertyName ?? e.name).text }));
    syntax.reExports.push({ specifier: statement.moduleSpecifier.text, span: spanOf(statement, sourceFile), names });
    return;
  }
  if (!clause || !ts.isNamedExports(clause)) return;
  for (const element of clause.elements) {
    syntax.exports.push({
      name: element.name.text,
      span: spanOf(element.name, sourceFile),
      value: { kind: 'alias', local: (element.propertyName ?? element.name).text },
      typeOnly: statement.isTypeOnly || element.isTypeOnly,
    });
  }
}

function readFunctionDeclaration(statement: ts.FunctionDeclaration, sourceFile: ts.SourceFile, syntax: ModuleSyntax, registry: FunctionRegistry): void {
  if (!statement.body) return; // an overload signature
  const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
  const name = statement.name?.text ?? 'default';
  const nameNode = statement.name ?? statement;
  const value: ValueFact = { kind: 'function', fn: registry.register(statement, name, nameNode, null) };
  if (statement.name) syntax.declarations[name] = value;
  if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
    const span = statement.name ? spanOf(statement.name, sourceFile) : keywordSpan(statement, sourceFile);
    syntax.exports.push({ name: isDefault ? 'default' : name, span, value, typeOnly: false });
  }
}

function readVariableStatement(statement: ts.VariableStatement, sourceFile: ts.SourceFile, syntax: ModuleSyntax, values: ValueReader): void {
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  for (const declaration of statement.declarationList.declarations) {
    if (ts.isIdentifier(declaration.name)) {
      const name = declaration.name.text;
      const value = declaration.initializer ? values.of(declaration.initializer, name, declaration.name) : { kind: 'other' as const };
      syntax.declarations[name] = value;
      if (exported) syntax.exports.push({ name, span: spanOf(declaration.name, sourceFile), value, typeOnly: false });
    } else if (ts.isObjectBindingPattern(declaration.name)) {
      const init = declaration.initializer ? unwrapExpression(declaration.initializer) : undefined;
      const from = init && ts.isIdentifier(init) ? init.text : '';
      for (const element of declaration.name.elements) {
        if (!ts.isIdentifier(element.name)) continue;
        const property = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
        const value: ValueFact = { kind: 'destructured', from, property };
        syntax.declarations[element.name.text] = value;
        if (exported) syntax.exports.push({ name: element.name.text, span: spanOf(element.name, sourceFile), value, typeOnly: false });
      }
    }
  }
}

function readOtherDeclaration(statement: ts.Statement, sourceFile: ts.SourceFile, syntax: ModuleSyntax): void {
  const named = statement as ts.Statement & { name?: ts.Node };
  if (!named.name || !ts.isIdentifier(named.name)) return;
  let value: ValueFact;
  if (ts.isClassDeclaration(statement)) value = { kind: 'class' };
  else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) value = { kind: 'type' };
  else value = { kind: 'other' };
  syntax.declarations[named.name.text] = value;
  if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
    const name = hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? 'default' : named.name.text;
    syntax.exports.push({ name, span: spanOf(named.name, sourceFile), value, typeOnly: value.kind === 'type' });
  }
}

/** The `export default` keywords, where a finding about an anonymous default export goes. */
function exportDefaultSpan(statement: ts.ExportAssignment, sourceFile: ts.SourceFile): { start: number; end: number } {
  const inner = unwrapExpression(statement.expression);
  if (ts.isIdentifier(inner)) return spanOf(inner, sourceFile);
  return keywordSpan(statement, sourceFile);
}

function keywordSpan(node: ts.Node, sourceFile: ts.SourceFile): { start: number; end: number } {
  const start = node.getStart(sourceFile);
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  const last = modifiers?.[modifiers.length - 1] ?? node.getChildren(sourceFile).find((t) => t.kind === ts.SyntaxKind.DefaultKeyword) ?? node;
  return { start, end: last.getEnd() };
}

/** Classifies the value a top-level binding is initialised with, registering the functions in it. */
class ValueReader {
  constructor(private readonly registry: FunctionRegistry) {}

  of(node: ts.Expression, name: string, nameNode: ts.Node): ValueFact {
    const expression = unwrapExpression(node);
    if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) {
      return { kind: 'function', fn: this.registry.register(expression, name, nameNode, null) };
    }
    if (ts.isIdentifier(expression)) return { kind: 'alias', local: expression.text };
    if (ts.isCallExpression(expression)) return { kind: 'call', chain: this.chain(expression, name, nameNode) };
    if (ts.isClassExpression(expression)) return { kind: 'class' };
    const literal = literalValue(expression);
    return literal === undefined ? { kind: 'other' } : { kind: 'other', literal };
  }

  private chain(call: ts.CallExpression, name: string, nameNode: ts.Node): CallChain {
    const { root, members } = chainOf(call.expression);
    const chain: CallChain = { root, members, fns: [], identifierArgs: [] };
    this.collectArguments(call, chain, name, nameNode);
    return chain;
  }

  /** Arguments of every call along the chain, and of calls nested as arguments (`withA(withB(fn))`). */
  private collectArguments(call: ts.CallExpression, chain: CallChain, name: string, nameNode: ts.Node): void {
    const inner = unwrapExpression(call.expression);
    if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
      const receiver = unwrapExpression(inner.expression);
      if (ts.isCallExpression(receiver)) this.collectArguments(receiver, chain, name, nameNode);
    }
    for (const argument of call.arguments) {
      const value = unwrapExpression(argument);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
        chain.fns.push(this.registry.register(value as FunctionNode, name, nameNode, null));
      } else if (ts.isIdentifier(value)) {
        chain.identifierArgs.push(value.text);
      } else if (ts.isCallExpression(value)) {
        this.collectArguments(value, chain, name, nameNode);
      }
    }
  }
}

/** The value of a string, number or boolean literal (`60`, `-1`, `'force-static'`, `false`). */
function literalValue(node: ts.Expression): string | number | boolean | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}
