import { Node, type Block, type SourceFile } from 'ts-morph';
import type { FunctionFact } from '../facts/file-facts';
import type { ActionDef, RouteDef } from '../project/project-index';
import type { RefactorContext } from './refactor';
import { refuse } from './refactor';

/** The action or route handler a refactor works on, with its function's node in the ts-morph tree. */
export interface TargetFunction {
  kind: 'action' | 'route';
  /** The action's name, or the route's HTTP method (`ANY` for a pages/api handler). */
  name: string;
  file: string;
  fn: FunctionFact;
  node: Node;
  body: Block;
  action: ActionDef | null;
  route: RouteDef | null;
}

/** The innermost action or route handler whose function holds `offset`. */
export function findTarget(context: RefactorContext, file: string, offset: number): Omit<TargetFunction, 'node' | 'body'> {
  const { index } = context;
  // On the function, or on the line where it starts (`export const save = async () => …`).
  const starts = index.facts(file)?.lineStarts ?? [];
  const line = starts.findLastIndex((s) => s <= offset);
  const lineEnd = starts[line + 1] ?? Infinity;
  const within = (fn: FunctionFact | null): fn is FunctionFact => fn !== null && ((fn.span.start <= offset && offset <= fn.span.end) || (fn.span.start >= offset && fn.span.start < lineEnd));
  const candidates = [
    // A default export is named by its function (`export default async function save`), or `action`.
    ...index.actionsIn(file).filter((a) => within(a.fn)).map((a) => ({ kind: 'action' as const, name: a.name !== 'default' ? a.name : a.fn!.name && a.fn!.name !== 'default' ? a.fn!.name : 'action', file: a.file, fn: a.fn!, action: a, route: null })),
    ...index.routesIn(file).filter((r) => r.fnFile === file && within(r.fn)).map((r) => ({ kind: 'route' as const, name: r.method, file: r.fnFile, fn: r.fn!, action: null, route: r })),
  ].sort((a, b) => a.fn.span.end - a.fn.span.start - (b.fn.span.end - b.fn.span.start));
  return candidates[0] ?? refuse('The cursor is not inside a Server Action or a Route Handler.');
}

/** The target's function node in `source`, found by its span; its body must be a block. */
export function locate(source: SourceFile, fn: FunctionFact): { node: Node; body: Block } {
  const node = source.getDescendantAtStartWithWidth(fn.span.start, fn.span.end - fn.span.start);
  const body = node && (Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node)) ? node.getBody() : undefined;
  if (!node || !body || !Node.isBlock(body)) refuse('The function has no block body to move code out of.');
  return { node, body };
}
