import { Node, SyntaxKind, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { joinPath } from '../../project/paths';
import type { FileChange } from '../file-change';
import { styleOf } from '../imports';
import { morphProject } from '../morph-project';
import { propertyAdded } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';

/**
 * `auth-interrupt-without-flag/enable-flag`: `experimental.authInterrupts` is set in the object
 * next.config exports (through `export default`, `module.exports` and wrappers such as
 * `withSentryConfig(nextConfig)`), or a `next.config.mjs` is created when the app has none:
 *
 * ```ts
 * const nextConfig: NextConfig = {              const nextConfig: NextConfig = {
 *   experimental: { typedRoutes: true },   →      experimental: { typedRoutes: true, authInterrupts: true },
 * }                                             }
 * ```
 */
export function fixAuthInterruptsFlag(_request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { app } = context;
  const title = 'Enable experimental.authInterrupts in next.config';
  if (!app.configPath) {
    const text = "/** @type {import('next').NextConfig} */\nconst nextConfig = {\n  experimental: { authInterrupts: true },\n}\n\nexport default nextConfig\n";
    return { ok: true, title, changes: [{ kind: 'create', path: joinPath(app.root, 'next.config.mjs'), text }] };
  }
  const { sources } = morphProject(context.fs, app, [app.configPath]);
  const source = sources[0]!;
  const config = exportedConfig(source) ?? refuse('The object next.config exports could not be found (it is built by a function, or imported): set experimental.authInterrupts there by hand.');
  const { eol } = styleOf(source);
  const experimental = config.getProperty('experimental');
  let change: FileChange;
  if (!experimental) change = { kind: 'edit', path: app.configPath, edits: [propertyAdded(config, 'experimental: { authInterrupts: true }', eol)] };
  else {
    const value = Node.isPropertyAssignment(experimental) ? experimental.getInitializer() : undefined;
    if (!value || !Node.isObjectLiteralExpression(value)) refuse('next.config computes its `experimental` options: set authInterrupts there by hand.');
    const flag = value.getProperty('authInterrupts');
    const current = flag && Node.isPropertyAssignment(flag) ? flag.getInitializer() : undefined;
    if (flag && !current) refuse('next.config sets authInterrupts in a way that cannot be changed safely: set it to true by hand.');
    change = { kind: 'edit', path: app.configPath, edits: [current ? { start: current.getStart(), end: current.getEnd(), newText: 'true' } : propertyAdded(value, 'authInterrupts: true', eol)] };
  }
  return { ok: true, title, changes: [change] };
}

/** The object literal a next.config exports, followed through variables and the calls that wrap it. */
function exportedConfig(source: SourceFile): ObjectLiteralExpression | null {
  const exported = source.getExportAssignments().find((a) => !a.isExportEquals())?.getExpression()
    ?? source.getStatements().flatMap((s) => (Node.isExpressionStatement(s) ? [s.getExpression()] : [])).find((e) => Node.isBinaryExpression(e) && e.getLeft().getText() === 'module.exports' && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken)?.asKind(SyntaxKind.BinaryExpression)?.getRight();
  return exported ? objectOf(source, exported, 0) : null;
}

function objectOf(source: SourceFile, expression: Expression, depth: number): ObjectLiteralExpression | null {
  if (depth > 5) return null;
  const inner = Node.isSatisfiesExpression(expression) || Node.isAsExpression(expression) || Node.isParenthesizedExpression(expression) ? expression.getExpression() : expression;
  if (Node.isObjectLiteralExpression(inner)) return inner;
  if (Node.isIdentifier(inner)) {
    const initializer = source.getVariableDeclaration(inner.getText())?.getInitializer();
    return initializer ? objectOf(source, initializer, depth + 1) : null;
  }
  if (Node.isCallExpression(inner)) {
    // `withSentryConfig(nextConfig, options)`: the config is the first argument.
    const first = inner.getArguments()[0];
    return first && Node.isExpression(first) ? objectOf(source, first, depth + 1) : null;
  }
  return null;
}
