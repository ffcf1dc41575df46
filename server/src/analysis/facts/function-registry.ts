import ts from 'typescript';
import { functionBodyDirectives } from './syntax';

export type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export interface RegisteredFunction {
  id: number;
  node: FunctionNode;
  name: string;
  nameNode: ts.Node;
  container: string | null;
  inlineUseServer: boolean;
}

/** The functions of a file that get their own facts: top-level ones, wrapper arguments, inline actions. */
export class FunctionRegistry {
  readonly entries: RegisteredFunction[] = [];
  private readonly byNode = new Map<ts.Node, number>();

  register(node: FunctionNode, name: string, nameNode: ts.Node, container: string | null): number {
    const existing = this.byNode.get(node);
    if (existing !== undefined) return existing;
    const id = this.entries.length;
    const inlineUseServer = functionBodyDirectives(node).includes('use server');
    this.entries.push({ id, node, name, nameNode, container, inlineUseServer });
    this.byNode.set(node, id);
    return id;
  }

  has(node: ts.Node): boolean {
    return this.byNode.has(node);
  }

  entryOf(node: ts.Node): RegisteredFunction | undefined {
    const id = this.byNode.get(node);
    return id === undefined ? undefined : this.entries[id];
  }
}
