import ts from 'typescript';

/**
 * TypeScript's module object answers every export through a getter, which costs a call on each
 * `ts.SyntaxKind.X` or `ts.forEachChild` in a walk over millions of nodes. These are read once.
 */
export const SyntaxKind: typeof ts.SyntaxKind = ts.SyntaxKind;
export const forEachChild: typeof ts.forEachChild = ts.forEachChild;
