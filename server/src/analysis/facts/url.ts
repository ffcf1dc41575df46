import ts from 'typescript';
import type { UrlFact } from './file-facts';
import { chainOf, isFunctionLike, objectProperty, stringValue, unwrapExpression } from './syntax';

/** Variables that hold this app's own origin, by the names teams give them. */
const OWN_ORIGIN_ENV = /(SITE|APP|BASE|VERCEL|NEXTAUTH|PUBLIC|DEPLOYMENT)_?URL$|ORIGIN$/;
const OWN_ORIGIN_IDENTIFIER = /^(base|site|app|own)(url|origin)$|^origin$/i;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]']);

/** Where a `fetch` goes, as far as its first argument tells. */
export function urlOf(node: ts.Expression | undefined): UrlFact | null {
  if (!node) return null;
  const expression = unwrapExpression(node);
  const literal = stringValue(expression);
  if (literal !== null) return fromText(literal);
  if (ts.isTemplateExpression(expression)) return fromTemplate(expression);
  if (ts.isNewExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'URL') {
    const path = stringValue(expression.arguments?.[0]);
    return path !== null && path.startsWith('/') ? { path: withoutQuery(path), origin: 'own' } : null;
  }
  return null;
}

function fromText(text: string): UrlFact | null {
  if (text.startsWith('/')) return { path: withoutQuery(text), origin: 'own' };
  const match = /^https?:\/\/([^/]+)(\/.*)?$/i.exec(text);
  if (!match) return null;
  const host = match[1]!.replace(/:\d+$/, '').toLowerCase();
  return { path: withoutQuery(match[2] ?? '/'), origin: LOCAL_HOSTS.has(host) ? 'own' : 'external' };
}

function fromTemplate(template: ts.TemplateExpression): UrlFact | null {
  const [first, ...rest] = template.templateSpans;
  if (template.head.text === '' && first && isOwnOrigin(first.expression)) {
    const path = first.literal.text + rest.map((span) => `*${span.literal.text}`).join('');
    return path.startsWith('/') ? { path: withoutQuery(path), origin: 'own' } : null;
  }
  const text = template.head.text + template.templateSpans.map((span) => `*${span.literal.text}`).join('');
  return fromText(text);
}

function isOwnOrigin(expression: ts.Expression): boolean {
  const inner = unwrapExpression(expression);
  if (ts.isIdentifier(inner)) return OWN_ORIGIN_IDENTIFIER.test(inner.text);
  const chain = chainOf(inner);
  if (chain.root === 'process' && chain.members[0] === 'env' && chain.members.length === 2) {
    return OWN_ORIGIN_ENV.test(chain.members[1]!);
  }
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
    return isOwnOrigin(inner.left);
  }
  return false;
}

function withoutQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut < 0 ? path : path.slice(0, cut);
}

/**
 * Where a `fetch(url, init)` goes, and with which method: the URL and the method may be held in a
 * `const` of an enclosing block, and either may be a conditional (`step ? … : …`), which gives one
 * target per branch; two conditionals on the same test pair up branch by branch.
 */
export function fetchTargets(call: ts.CallExpression, sourceFile: ts.SourceFile): { url: UrlFact | null; method: string }[] {
  const url = valueOf(call.arguments[0], call);
  const method = valueOf(objectProperty(call.arguments[1], 'method'), call);
  const urls = branchesOf(url);
  const methods = branchesOf(method).map((m) => (m ? stringValue(m)?.toUpperCase() ?? 'GET' : 'GET'));
  if (url && method && ts.isConditionalExpression(url) && ts.isConditionalExpression(method) && url.condition.getText(sourceFile) === method.condition.getText(sourceFile)) {
    return urls.map((u, i) => ({ url: urlOf(u), method: methods[i]! }));
  }
  return urls.flatMap((u) => [...new Set(methods)].map((m) => ({ url: urlOf(u), method: m })));
}

function branchesOf(node: ts.Expression | undefined): (ts.Expression | undefined)[] {
  if (node && ts.isConditionalExpression(node)) return [unwrapExpression(node.whenTrue), unwrapExpression(node.whenFalse)];
  return [node];
}

/** An expression, or the initializer of the `const` it names in an enclosing block. */
function valueOf(node: ts.Expression | undefined, at: ts.Node): ts.Expression | undefined {
  if (!node) return undefined;
  const value = unwrapExpression(node);
  if (!ts.isIdentifier(value)) return value;
  for (let scope: ts.Node | undefined = at.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === value.text);
      if (declaration?.initializer) return unwrapExpression(declaration.initializer);
    }
    const owner = scope.parent;
    if (owner && isFunctionLike(owner) && owner.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === value.text)) return value;
  }
  return value;
}
