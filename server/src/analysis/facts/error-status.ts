import ts from 'typescript';
import { forEachChild } from './typescript';
import { bindingNames, chainOf, isFunctionLike, lastName, objectProperty, stringValue, unwrapExpression } from './syntax';

/**
 * The words that tell which failure an error response reports, most telling first: a message that
 * names a missing session is a 401 even when it also says "invalid".
 */
const STATUS_WORDS: [number, RegExp][] = [
  [401, /\b(unauthori[sz]ed|unauthenticated|not (signed|logged) in|sign(ed)? ?in|log(ged)? ?in|login|session|credentials?|token|api key|auth|authenticat\w*|authori[sz]\w*|current user)\b/],
  [403, /\b(forbidden|not (allowed|permitted)|permissions?|access denied|denied|owner|admin|role|can (edit|delete|update|manage|access|view|read|write))\b/],
  [404, /\b(not found|no such|(does|do)(n't| not) exist|unknown)\b/],
  [409, /\b(already|exists|existing|duplicate|conflict|taken|in use)\b/],
  [400, /\b(invalid|required|missing|must|malformed|bad request|too (long|short|many|few|large|big)|empty|expected|validation|validate|success|safe parse|body|input|params?|payload|form data|type of)\b/],
];

/** A callee that looks something up: a falsy result is a 404. */
const LOOKUP = /^(find|get|fetch|load|lookup|retrieve|select|read)/i;

/**
 * The status an error response calls for: from its message first, then from the condition of the
 * innermost `if` the return sits in (the names it tests, then the calls those names were computed
 * by: `!project` after `db.project.findUnique(…)` is a 404); 500 in a `catch`, or when nothing tells.
 */
export function errorStatusOf(body: ts.Expression | undefined, at: ts.Node, fn: ts.Node): number {
  const fromMessage = statusOfWords(wordsOf(messageOf(body) ?? ''));
  if (fromMessage !== null) return fromMessage;
  for (let child = at, p = at.parent; p && p !== fn && !isFunctionLike(p); child = p, p = p.parent) {
    if (ts.isCatchClause(p)) return 500;
    if (ts.isIfStatement(p) && p.expression !== child) return conditionStatus(p.expression, fn) ?? 500;
  }
  return 500;
}

function statusOfWords(words: string): number | null {
  return STATUS_WORDS.find(([, pattern]) => pattern.test(words))?.[0] ?? null;
}

/** The text of the `error`, `errors` or `message` property of the body (`JSON.stringify` of it too). */
function messageOf(body: ts.Expression | undefined): string | null {
  if (!body) return null;
  const value = unwrapExpression(body);
  if (ts.isCallExpression(value) && lastName(chainOf(value.expression)) === 'stringify') return messageOf(value.arguments[0]);
  for (const key of ['error', 'errors', 'message']) {
    const text = stringValue(objectProperty(value, key));
    if (text !== null) return text;
  }
  return null;
}

/** `getServerSession` → `get server session`; `'Not Found'` → `not found`. */
function wordsOf(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9']+/g, ' ');
}

function conditionStatus(condition: ts.Expression, fn: ts.Node): number | null {
  const names = new Set<string>();
  const parts: string[] = [];
  const read = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) names.add(n.text);
    if (ts.isIdentifier(n) || ts.isStringLiteral(n)) parts.push(n.text);
    else if (ts.isTypeOfExpression(n)) parts.push('type of');
    forEachChild(n, read);
  };
  read(condition);
  const fromCondition = statusOfWords(wordsOf(parts.join(' ')));
  if (fromCondition !== null) return fromCondition;
  let found: number | null = null;
  const declared = (n: ts.Node): void => {
    if (found !== null) return;
    if (ts.isVariableDeclaration(n) && n.initializer && bindingNames(n.name).some((name) => names.has(name))) {
      const value = unwrapExpression(n.initializer);
      if (ts.isCallExpression(value)) {
        const chain = chainOf(value.expression);
        found = statusOfWords(wordsOf([chain.root ?? '', ...chain.members].join(' '))) ?? (LOOKUP.test(lastName(chain) ?? '') ? 404 : null);
      }
    }
    if (n === fn || !isFunctionLike(n)) forEachChild(n, declared);
  };
  declared(fn);
  return found;
}
