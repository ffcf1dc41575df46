import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { TextChange } from './file-change';
import { hasFunctionBetween } from './morph-syntax';

/** The request APIs of `next/headers`, which return a promise since Next.js 15 and only a promise since 16. */
const REQUEST_APIS = new Set(['cookies', 'headers', 'draftMode']);

/**
 * The edits that await each call of a request API in `fn` that is not awaited yet: `cookies().get(…)`
 * becomes `(await cookies()).get(…)`, which every Next.js version since 13 accepts and 16 requires.
 * Calls inside a nested function are left alone: `await` may not be legal there.
 */
export function awaitedRequestApis(source: SourceFile, fn: Node): TextChange[] {
  const fromNextHeaders = new Set(
    source
      .getImportDeclarations()
      .filter((d) => d.getModuleSpecifierValue() === 'next/headers' && !d.isTypeOnly())
      .flatMap((d) => d.getNamedImports().filter((n) => REQUEST_APIS.has(n.getName())).map((n) => n.getAliasNode()?.getText() ?? n.getName())),
  );
  if (fromNextHeaders.size === 0) return [];
  return fn
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((call) => fromNextHeaders.has(call.getExpression().getText()) && call.getArguments().length === 0)
    .filter((call) => !Node.isAwaitExpression(call.getParent()) && !hasFunctionBetween(call, fn))
    .map((call) => {
      const parent = call.getParent();
      const read = parent !== undefined && (Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent) || Node.isCallExpression(parent));
      return { start: call.getStart(), end: call.getEnd(), newText: read ? `(await ${call.getText()})` : `await ${call.getText()}` };
    });
}
