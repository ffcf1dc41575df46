import ts from 'typescript';
import { SyntaxKind, forEachChild } from './typescript';
import type { CallFact, FunctionFact, ParamFact, ParamType, ReturnFact, ThrowFact } from './file-facts';
import type { FunctionRegistry, RegisteredFunction } from './function-registry';
import type { TryTable } from './tries';
import { errorStatusOf } from './error-status';
import { fetchTargets } from './url';
import { bindingNames, chainOf, isFunctionKind, isFunctionLike, lastName, objectKeys, objectProperty, referencedNames, spanOf, stringValue, unwrapExpression } from './syntax';

const BODY_READERS = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob']);
const RESPONSE_CLASSES = new Set(['Response', 'NextResponse']);
const ERROR_KEYS = new Set(['error', 'errors']);
/** Discriminants that make a function a dispatcher on a name string. */
const DISPATCH_KEYS = new Set(['type', 'action', 'name', 'op', 'operation', 'kind', 'method', 'command', 'cmd', 'fn']);
/** Messages that announce a failure of the input, which a form should show rather than crash on. */
const EXPECTED_MESSAGE = /\b(required|invalid|must|missing|too (long|short|many|few)|empty|at (least|most)|already (exists|taken|in use)|not (valid|allowed|found))\b/i;
const FILE_TYPES = new Set(['File', 'Blob']);

/**
 * The facts of one function's own body; nested registered functions (inline actions) are left to
 * themselves. `keepCall` decides which calls are worth a fact (all of them by default).
 */
export function describeFunction(
  entry: RegisteredFunction,
  sourceFile: ts.SourceFile,
  registry: FunctionRegistry,
  tries: TryTable,
  keepCall: (root: string | null, members: string[]) => boolean = () => true,
): FunctionFact {
  const node = entry.node;
  const params = node.parameters.map((p) => paramFact(p, sourceFile));
  const paramNames = new Set(params.map((p) => p.name));
  const formDataNames = new Set(params.filter((p) => p.type === 'form-data').map((p) => p.name));
  const fact: FunctionFact = {
    id: entry.id,
    name: entry.name,
    nameSpan: spanOf(entry.nameNode, sourceFile),
    span: spanOf(node, sourceFile),
    async: (ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.AsyncKeyword),
    inlineUseServer: entry.inlineUseServer,
    container: entry.container,
    params,
    calls: [],
    throws: [],
    returns: [],
    constructs: [],
    formDataReads: [],
    fileUses: [],
    headerReads: [],
    headerWrites: [],
    bodyReads: [],
    fetches: [],
    dispatch: null,
    statementCount: 0,
    branchStatements: null,
    typeChecks: false,
    assignments: [],
  };
  const ownsDirectly = (n: ts.Node): boolean => {
    for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p)) return p === node;
    return false;
  };

  // One switch on the kind per node: this walk covers most of every file, so it stays lean.
  // The pages/api method branch being walked (`if (req.method === 'GET') { … }`, `case 'GET':`).
  let branch: string | null = null;
  const visitInBranch = (method: string, n: ts.Node): void => {
    const outer = branch;
    branch = method;
    visit(n);
    branch = outer;
  };

  // Parameters of the callbacks being walked, with the call they were given to: `tx` of `db.transaction(async (tx) => …)`.
  const callbackParams = new Map<string, CallFact['rootFrom']>();
  const visitCallback = (callback: ts.ArrowFunction | ts.FunctionExpression, call: ts.CallExpression): void => {
    const chain = chainOf(call.expression);
    const named = callback.parameters.map((p) => p.name).filter(ts.isIdentifier).map((name) => name.text);
    const outer = named.map((name) => [name, callbackParams.get(name)] as const);
    for (const name of named) callbackParams.set(name, { root: chain.root, members: chain.members });
    forEachChild(callback, visit);
    for (const [name, value] of outer) {
      if (value === undefined) callbackParams.delete(name);
      else callbackParams.set(name, value);
    }
  };

  const visit = (n: ts.Node): void => {
    const kind = n.kind;
    if (n !== node && isFunctionKind(kind) && registry.has(n)) return;
    if ((kind === SyntaxKind.ArrowFunction || kind === SyntaxKind.FunctionExpression) && n.parent.kind === SyntaxKind.CallExpression && (n as ts.ArrowFunction).parameters.length > 0) {
      const call = n.parent as ts.CallExpression;
      if (call.arguments.includes(n as ts.ArrowFunction)) return visitCallback(n as ts.ArrowFunction, call);
    }
    if (kind >= SyntaxKind.FirstStatement && kind <= SyntaxKind.LastStatement) {
      fact.statementCount++;
      if (branch !== null) (fact.branchStatements ??= {})[branch] = (fact.branchStatements[branch] ?? 0) + 1;
    }
    const method = kind === SyntaxKind.IfStatement ? testedMethod((n as ts.IfStatement).expression) : kind === SyntaxKind.CaseClause ? caseMethod(n as ts.CaseClause) : null;
    if (method !== null) {
      if (ts.isIfStatement(n)) {
        visit(n.expression);
        visitInBranch(method, n.thenStatement);
        if (n.elseStatement) visit(n.elseStatement);
      } else {
        visit((n as ts.CaseClause).expression);
        for (const statement of (n as ts.CaseClause).statements) visitInBranch(method, statement);
      }
      return;
    }
    switch (kind) {
      case SyntaxKind.CallExpression:
        readCall(n as ts.CallExpression);
        break;
      case SyntaxKind.NewExpression:
        readNew(n as ts.NewExpression);
        break;
      case SyntaxKind.TaggedTemplateExpression:
        readTagged(n as ts.TaggedTemplateExpression);
        break;
      case SyntaxKind.ThrowStatement:
        if (ownsDirectly(n)) fact.throws.push(throwFact(n as ts.ThrowStatement, sourceFile, tries));
        break;
      case SyntaxKind.ReturnStatement:
        if (ownsDirectly(n)) fact.returns.push(returnFact((n as ts.ReturnStatement).expression, n, node, sourceFile));
        break;
      case SyntaxKind.SwitchStatement:
        if (isDispatchOn((n as ts.SwitchStatement).expression, paramNames)) fact.dispatch ??= spanOf((n as ts.SwitchStatement).expression, sourceFile);
        break;
      case SyntaxKind.BinaryExpression: {
        const binary = n as ts.BinaryExpression;
        if (binary.operatorToken.kind === SyntaxKind.InstanceOfKeyword && ts.isIdentifier(binary.right) && FILE_TYPES.has(binary.right.text)) fact.fileUses.push(spanOf(n, sourceFile));
        if (ts.isTypeOfExpression(binary.left) && isEquality(binary.operatorToken.kind) && insideIfCondition(binary)) fact.typeChecks = true;
        // `cart.items = …`, `params = { …params, mode }`: the value flows into the assigned name's root.
        const assigned = isAssignment(binary.operatorToken.kind) ? chainOf(binary.left).root : null;
        if (assigned !== null) fact.assignments.push({ names: [assigned], from: referencedNames([binary.right]) });
        break;
      }
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression: {
        // `req.headers.authorization`, `req.headers['x-api-key']` in pages/api handlers.
        const access = n as ts.PropertyAccessExpression | ts.ElementAccessExpression;
        const receiver = access.expression;
        if (receiver.kind !== SyntaxKind.PropertyAccessExpression || (receiver as ts.PropertyAccessExpression).name.text !== 'headers') break;
        const name = ts.isPropertyAccessExpression(access) ? access.name.text : stringValue(access.argumentExpression);
        if (name && !(ts.isCallExpression(n.parent) && n.parent.expression === n)) fact.headerReads.push({ name: name.toLowerCase(), span: spanOf(n, sourceFile) });
        break;
      }
      case SyntaxKind.VariableDeclaration: {
        const declaration = n as ts.VariableDeclaration;
        const value = declaration.initializer && unwrapExpression(declaration.initializer);
        if (value && !isFunctionLike(value)) fact.assignments.push({ names: bindingNames(declaration.name), from: referencedNames([value]) });
        break;
      }
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression:
        if (isFileType((n as ts.AsExpression).type.getText(sourceFile))) fact.fileUses.push(spanOf(n, sourceFile));
        break;
    }
    forEachChild(n, visit);
  };

  const readCall = (call: ts.CallExpression): void => {
    const chain = chainOf(call.expression);
    const span = spanOf(call, sourceFile);
    const method = lastName(chain);
    if (keepCall(chain.root, chain.members)) {
      fact.calls.push({
        root: chain.root,
        members: chain.members,
        span,
        tryIndex: tries.indexOf(call),
        firstString: stringValue(call.arguments[0]) ?? templateText(call.arguments[0]),
        argNames: namesOf(call.arguments),
        argCount: call.arguments.length,
        argReferences: orNone(referencedNames(call.arguments)),
        tagged: false,
        callback: call.arguments.some(isCallbackArgument),
        httpMethod: branch,
        rootFrom: chain.root === null ? null : callbackParams.get(chain.root) ?? null,
      });
    }
    if (chain.root === 'fetch' && chain.members.length === 0) {
      for (const target of fetchTargets(call, sourceFile)) fact.fetches.push({ span, ...target });
    }
    const headerName = stringValue(call.arguments[0])?.toLowerCase();
    if (headerName && (chain.members.at(-2) === 'headers' || (chain.root === 'headers' && chain.members.length === 1))) {
      if (method === 'get' || method === 'has') fact.headerReads.push({ name: headerName, span });
      if (method === 'set' || method === 'append') fact.headerWrites.push({ name: headerName, span });
    }
    if (method && (method === 'get' || method === 'getAll') && isFormDataReceiver(call, formDataNames)) {
      fact.formDataReads.push({ key: stringValue(call.arguments[0]), span, cast: castOf(call, sourceFile) });
    }
    if (method && BODY_READERS.has(method) && isBodyReceiver(chain.members) && chain.root && paramNames.has(chain.root)) {
      fact.bodyReads.push({ method, span });
      if (method === 'formData') for (const target of assignedNames(call)) formDataNames.add(target);
    }
    const callee = unwrapExpression(call.expression);
    if (ts.isElementAccessExpression(callee) && isDispatchOn(callee.argumentExpression, paramNames)) {
      fact.dispatch ??= spanOf(callee, sourceFile);
    }
    // `new Response(body, { headers: { 'Cache-Control': … } })` and `NextResponse.json(body, init)`.
    const init = RESPONSE_CLASSES.has(chain.root ?? '') ? call.arguments[1] : undefined;
    for (const key of objectKeys(objectProperty(init, 'headers'))) fact.headerWrites.push({ name: key.toLowerCase(), span });
  };

  // Tagged templates (`sql\`…\``) are calls for the data layer; the text tells a read from a write.
  const readTagged = (tagged: ts.TaggedTemplateExpression): void => {
    const chain = chainOf(tagged.tag);
    const template = tagged.template;
    const text = ts.isNoSubstitutionTemplateLiteral(template) ? template.text : templateText(template);
    if (keepCall(chain.root, chain.members)) fact.calls.push({ root: chain.root, members: chain.members, span: spanOf(tagged, sourceFile), tryIndex: tries.indexOf(tagged), firstString: text, argNames: NONE, argCount: 1, argReferences: orNone(referencedNames([template])), tagged: true, callback: false, httpMethod: branch, rootFrom: chain.root === null ? null : callbackParams.get(chain.root) ?? null });
  };

  const readNew = (expression: ts.NewExpression): void => {
    const name = ts.isIdentifier(expression.expression) ? expression.expression.text : null;
    if (!name) return;
    const span = spanOf(expression, sourceFile);
    fact.constructs.push({ name, span });
    if (RESPONSE_CLASSES.has(name)) {
      for (const key of objectKeys(objectProperty(expression.arguments?.[1], 'headers'))) fact.headerWrites.push({ name: key.toLowerCase(), span });
    }
  };

  if (node.body) {
    if (ts.isBlock(node.body)) forEachChild(node.body, visit);
    else {
      fact.returns.push(returnFact(node.body, node.body, node, sourceFile));
      visit(node.body);
    }
  }
  return withSharedEmptyLists(fact);
}

/** Most functions have no throws, fetches, header reads…: their empty lists are one shared list. */
function withSharedEmptyLists(fact: FunctionFact): FunctionFact {
  return {
    ...fact,
    calls: orNone(fact.calls),
    throws: orNone(fact.throws),
    returns: orNone(fact.returns),
    constructs: orNone(fact.constructs),
    formDataReads: orNone(fact.formDataReads),
    fileUses: orNone(fact.fileUses),
    headerReads: orNone(fact.headerReads),
    headerWrites: orNone(fact.headerWrites),
    bodyReads: orNone(fact.bodyReads),
    fetches: orNone(fact.fetches),
    assignments: orNone(fact.assignments),
  };
}

/** `File`, `Blob` and their arrays (`as File[]` after `formData.getAll`). */
export function isFileType(text: string): boolean {
  return FILE_TYPES.has(text.endsWith('[]') ? text.slice(0, -2) : text);
}

/** `request.json()`, and `request.clone().text()` which reads the same bytes. */
function isBodyReceiver(members: string[]): boolean {
  return members.length === 1 || (members.length === 2 && members[0] === 'clone');
}

function isCallbackArgument(argument: ts.Expression): boolean {
  const value = unwrapExpression(argument);
  if (isFunctionLike(value)) return true;
  return ts.isObjectLiteralExpression(value) && value.properties.some((p) => ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && isFunctionLike(unwrapExpression(p.initializer))));
}

/** `case 'GET':` in a `switch (req.method)`. */
function caseMethod(clause: ts.CaseClause): string | null {
  return isMethodAccess(clause.parent.parent.expression) ? stringValue(clause.expression)?.toUpperCase() ?? null : null;
}

/** The HTTP method an `if` tests for: `req.method === 'GET'`, alone or within `&&`. */
function testedMethod(condition: ts.Expression): string | null {
  const test = unwrapExpression(condition);
  if (!ts.isBinaryExpression(test)) return null;
  if (test.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) return testedMethod(test.left) ?? testedMethod(test.right);
  if (test.operatorToken.kind !== SyntaxKind.EqualsEqualsEqualsToken && test.operatorToken.kind !== SyntaxKind.EqualsEqualsToken) return null;
  const [access, literal] = isMethodAccess(test.left) ? [test.left, test.right] : [test.right, test.left];
  return isMethodAccess(access) ? stringValue(literal)?.toUpperCase() ?? null : null;
}

function isMethodAccess(node: ts.Expression): boolean {
  const value = unwrapExpression(node);
  return ts.isPropertyAccessExpression(value) && value.name.text === 'method';
}

function isEquality(kind: ts.SyntaxKind): boolean {
  return kind === SyntaxKind.EqualsEqualsEqualsToken || kind === SyntaxKind.ExclamationEqualsEqualsToken || kind === SyntaxKind.EqualsEqualsToken || kind === SyntaxKind.ExclamationEqualsToken;
}

function insideIfCondition(node: ts.Node): boolean {
  for (let child = node, p = node.parent; p && !isFunctionLike(p); child = p, p = p.parent) {
    if (ts.isIfStatement(p)) return p.expression === child;
  }
  return false;
}

/** The one empty list that facts share (facts are never changed once built). */
const NONE: never[] = [];

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;
}

function orNone<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list;
}

function namesOf(args: ts.NodeArray<ts.Expression>): string[] {
  const names = args.filter(ts.isIdentifier).map((a) => a.text);
  return names.length === 0 ? NONE : names;
}

function paramFact(parameter: ts.ParameterDeclaration, sourceFile: ts.SourceFile): ParamFact {
  const name = ts.isIdentifier(parameter.name) ? parameter.name.text : parameter.name.getText(sourceFile);
  return { name, names: bindingNames(parameter.name), span: spanOf(parameter, sourceFile), type: paramType(parameter.type, sourceFile) };
}

function paramType(type: ts.TypeNode | undefined, sourceFile: ts.SourceFile): ParamType {
  if (!type) return 'none';
  switch (type.kind) {
    case SyntaxKind.AnyKeyword:
      return 'any';
    case SyntaxKind.UnknownKeyword:
      return 'unknown';
    case SyntaxKind.ObjectKeyword:
      return 'object';
  }
  if (ts.isTypeReferenceNode(type)) {
    const name = type.typeName.getText(sourceFile);
    if (name === 'FormData') return 'form-data';
    if (FILE_TYPES.has(name)) return 'file';
    if (name === 'Record' || name === 'Object') return 'record';
  }
  if (ts.isTypeLiteralNode(type) && type.members.length === 1 && ts.isIndexSignatureDeclaration(type.members[0]!)) return 'record';
  return 'other';
}

/** `formData.get(…)` on a parameter typed `FormData`, a variable read from `request.formData()`, or one named so. */
function isFormDataReceiver(call: ts.CallExpression, formDataNames: Set<string>): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const receiver = unwrapExpression(call.expression.expression);
  if (ts.isIdentifier(receiver)) return formDataNames.has(receiver.text) || /^(form)?data$|formdata$|^fd$/i.test(receiver.text);
  return ts.isCallExpression(receiver) && lastName(chainOf(receiver.expression)) === 'formData';
}

function castOf(call: ts.CallExpression, sourceFile: ts.SourceFile): string | null {
  let parent = call.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) parent = parent.parent;
  if (ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) return parent.type.getText(sourceFile);
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && ['String', 'Number', 'Boolean'].includes(parent.expression.text)) {
    return parent.expression.text.toLowerCase();
  }
  return null;
}

/** Names a call's result is stored in: `const form = await request.formData()`. */
function assignedNames(call: ts.CallExpression): string[] {
  let parent = call.parent;
  while (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? [parent.name.text] : [];
}

/** `input.type`, `action`, `payload.name`… taken from a parameter. */
function isDispatchOn(expression: ts.Expression, paramNames: Set<string>): boolean {
  const chain = chainOf(expression);
  if (!chain.root || !paramNames.has(chain.root)) return false;
  const key = chain.members.length > 0 ? chain.members[chain.members.length - 1]! : chain.root;
  return DISPATCH_KEYS.has(key);
}

function throwFact(statement: ts.ThrowStatement, sourceFile: ts.SourceFile, tries: TryTable): ThrowFact {
  const thrown = unwrapExpression(statement.expression);
  let expected = false;
  if (ts.isNewExpression(thrown) || ts.isCallExpression(thrown)) {
    const message = stringValue(thrown.arguments?.[0]) ?? templateText(thrown.arguments?.[0]);
    expected = message !== null && EXPECTED_MESSAGE.test(message);
  }
  if (!expected) expected = guardedByValidationResult(statement);
  return { span: spanOf(statement, sourceFile), tryIndex: tries.indexOf(statement), expected };
}

/** `if (!parsed.success) throw …`: the throw reports a failed validation. */
function guardedByValidationResult(statement: ts.ThrowStatement): boolean {
  for (let p: ts.Node = statement.parent; p && !isFunctionLike(p); p = p.parent) {
    if (ts.isIfStatement(p)) {
      let found = false;
      const visit = (n: ts.Node): void => {
        if (ts.isPropertyAccessExpression(n) && n.name.text === 'success') found = true;
        forEachChild(n, visit);
      };
      visit(p.expression);
      if (found) return true;
    }
  }
  return false;
}

function returnFact(expression: ts.Expression | undefined, at: ts.Node, fn: ts.Node, sourceFile: ts.SourceFile): ReturnFact {
  const span = spanOf(at, sourceFile);
  const none = { status: null, errorBody: false, errorStatus: null };
  if (!expression) return { span, kind: 'empty', ...none };
  const value = unwrapExpression(expression);
  if (value.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || ts.isVoidExpression(value)) {
    return { span, kind: 'empty', ...none };
  }
  const response = (status: number | null, body: ts.Expression | undefined, errorBody: boolean): ReturnFact => ({ span, kind: 'response', status, errorBody, errorStatus: errorBody ? errorStatusOf(body, at, fn) : null });
  if (ts.isNewExpression(value) && ts.isIdentifier(value.expression) && RESPONSE_CLASSES.has(value.expression.text)) {
    return response(statusOf(value.arguments?.[1]), value.arguments?.[0], isErrorBody(value.arguments?.[0]));
  }
  if (ts.isCallExpression(value)) {
    const chain = chainOf(value.expression);
    if (chain.root && RESPONSE_CLASSES.has(chain.root) && chain.members.length === 1) {
      const status = chain.members[0] === 'redirect' ? 307 : statusOf(value.arguments[1]);
      return response(status, value.arguments[0], chain.members[0] === 'json' && isErrorBody(value.arguments[0]));
    }
  }
  if (isErrorBody(value)) return { span, kind: 'error-object', status: null, errorBody: true, errorStatus: null };
  return { span, kind: 'value', ...none };
}

function statusOf(init: ts.Expression | undefined): number | null {
  if (!init) return null;
  if (ts.isNumericLiteral(init)) return Number(init.text);
  if (!ts.isObjectLiteralExpression(init)) return -1;
  const status = objectProperty(init, 'status');
  if (!status) return objectKeys(init).includes('status') ? -1 : null;
  return ts.isNumericLiteral(status) ? Number(status.text) : -1;
}

function isErrorBody(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  const value = unwrapExpression(node);
  if (ts.isCallExpression(value) && lastName(chainOf(value.expression)) === 'stringify') return isErrorBody(value.arguments[0]);
  // `{ success: true, errors }` reports a partial success, and `{ data, error: null }` a success.
  if (objectProperty(value, 'success')?.kind === SyntaxKind.TrueKeyword) return false;
  return objectKeys(value).some((key) => ERROR_KEYS.has(key) && !isNothing(objectProperty(value, key)));
}

function isNothing(node: ts.Expression | undefined): boolean {
  return node !== undefined && (node.kind === SyntaxKind.NullKeyword || node.kind === SyntaxKind.FalseKeyword || (ts.isIdentifier(node) && node.text === 'undefined'));
}

function templateText(node: ts.Node | undefined): string | null {
  if (!node || !ts.isTemplateExpression(node)) return null;
  return node.head.text + node.templateSpans.map((s) => ` ${s.literal.text}`).join('');
}
