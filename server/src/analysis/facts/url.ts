import ts from 'typescript';
import type { UrlFact } from './file-facts';
import { chainOf, stringValue, unwrapExpression } from './syntax';

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
