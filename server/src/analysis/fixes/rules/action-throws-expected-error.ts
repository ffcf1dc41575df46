import { Node, type InterfaceDeclaration, type SourceFile, type TypeLiteralNode, type TypeNode } from 'ts-morph';
import { readCheckOptions } from '../../project/tsconfig-reader';
import { relativeToApp } from '../extract-service';
import { applyEdits, type FileChange, type TextChange } from '../file-change';
import { styleOf } from '../imports';
import { admits, firstNewError, morphProject } from '../morph-project';
import { indentOfLine, isFunction, nodeAt, unwrapped } from '../morph-syntax';
import { refuse, type RefactorContext, type RefactorOutcome } from '../refactor';
import type { RuleFixRequest } from '../rule-fix';
import { locate } from '../target-function';
import { throwingAction, unshownError } from './action-throws-expected-error-offers';

/** The error as the action now returns it. */
const ERROR_TYPE = '{ error: string }';

/**
 * `action-throws-expected-error/return-error`: the `throw` of an expected failure returns its
 * message as `{ error }`; success returns stay as they are. The types the state of `useActionState`
 * flows through are made to admit the error where they do not: the action's return type and
 * previous-state parameter, and a state type a caller writes out (`useActionState<State, …>`). An
 * object type of optional members, written there or declared in a file the fix edits, takes an
 * `error?: string` member (so that the caller still reads its other members); any other type `T`
 * becomes `T | { error: string }`:
 *
 * ```ts
 * export type State = { message?: string }                  export type State = { message?: string; error?: string }
 * export async function addTask(_state: State,       →      export async function addTask(_state: State,
 *   formData: FormData): Promise<State> {                     formData: FormData): Promise<State> {
 *   if (!title) throw new Error('Title is required')          if (!title) return { error: 'Title is required' }
 *
 * Promise<{ saved: boolean }>                        →      Promise<{ saved: boolean } | { error: string }>
 * ```
 *
 * Refused when a `<form action>` calls the action itself (what it returns is dropped), when the
 * `throw` is in a callback, and when the result does not type-check: a caller that reads a member of
 * the state that `{ error }` lacks, say.
 */
export function fixReturnError(request: RuleFixRequest, context: RefactorContext): RefactorOutcome {
  const { finding } = request;
  const { index } = context;
  const action = throwingAction(index, finding);
  if (!action?.fn) refuse('The throw is no longer in a Server Action: ask for the fix again.');
  const unshown = unshownError(index, action);
  if (unshown) refuse(unshown);
  const stateUses = index.usagesOf(action.key).filter((u) => u.usage.context === 'action-state');
  const callers = [...new Set(stateUses.map((u) => u.file))].filter((f) => f !== finding.file);
  const { sources } = morphProject(context.fs, context.app, [finding.file, ...callers], readCheckOptions(context.fs, context.app.root));
  const source = sources[0]!;
  const { node: fn } = locate(source, action.fn);
  if (!(Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn) || Node.isMethodDeclaration(fn))) refuse('The action is no longer a function: ask for the fix again.');

  const thrown = nodeAt(source, finding.span);
  if (!thrown || !Node.isThrowStatement(thrown)) refuse('The throw is no longer there: ask for the fix again.');
  if (thrown.getFirstAncestor(isFunction) !== fn) refuse('The throw is inside a callback of the action: a return there would not return from the action.');
  const error = unwrapped(thrown.getExpression());
  const callee = Node.isNewExpression(error) || Node.isCallExpression(error) ? error.getExpression().getText() : '';
  const args = Node.isNewExpression(error) || Node.isCallExpression(error) ? error.getArguments() : [];
  if (!/Error$/.test(callee) || args.length !== 1) refuse('The action throws something other than an error with a message: return the error by hand.');
  const edits = new Map<SourceFile, TextChange[]>([[source, [{ start: thrown.getStart(), end: thrown.getExpression().getEnd(), newText: `return { error: ${args[0]!.getText()} }` }]]]);
  const edit = (file: SourceFile, change: TextChange): void => void edits.set(file, [...(edits.get(file) ?? []), change]);
  const opened = new Set<Node>();
  // The files the fix may change: the action's, and those of callers that write the state type out.
  const typed = stateUses.filter((u) => u.usage.typedState);
  const editable = [source, ...sources.filter((s) => typed.some((u) => u.file === s.getFilePath()))];
  const widen = (node: TypeNode | undefined): void => {
    if (!node || admits(node, ERROR_TYPE)) return;
    // An object of optional members (`{ message?: string }`, where it is written or declared) takes `error?` among them.
    const open = optionalObject(node, editable);
    if (open && !opened.has(open)) {
      opened.add(open);
      edit(open.getSourceFile(), errorMember(open));
    } else if (!open) {
      const grouped = Node.isFunctionTypeNode(node) || Node.isConstructorTypeNode(node) || Node.isConditionalTypeNode(node) ? `(${node.getText()})` : node.getText();
      edit(node.getSourceFile(), { start: node.getStart(), end: node.getEnd(), newText: `${grouped} | ${ERROR_TYPE}` });
    }
  };

  const returnType = fn.getReturnTypeNode();
  if (returnType) {
    const promised = Node.isTypeReference(returnType) && returnType.getTypeName().getText() === 'Promise' ? returnType.getTypeArguments()[0] : undefined;
    if (!promised) refuse(`The action's return type (${returnType.getText()}) is not written as Promise<…>: add { error: string } to it by hand.`);
    widen(promised);
  }
  // What the action returns comes back as its previous state, and is the state the caller reads.
  const params = fn.getParameters();
  if (stateUses.length > 0 && params.length >= 2) widen(params[0]!.getTypeNode());
  for (const { file, usage } of typed) {
    const hook = nodeAt(sources.find((s) => s.getFilePath() === file)!, usage.span)?.getParent();
    if (hook && Node.isCallExpression(hook)) widen(hook.getTypeArguments()[0]);
  }

  const texts = new Map([...edits].map(([file, changes]) => [file.getFilePath(), applyEdits(file.getFullText(), changes)]));
  const changes: FileChange[] = [...edits].map(([file, changes]) => ({ kind: 'edit', path: file.getFilePath(), edits: changes }));
  const broken = firstNewError(sources, texts);
  if (broken) refuse(`Returning the error would not compile in ${relativeToApp(context, broken.file)} (line ${broken.line}): ${broken.message.replace(/\.?$/, '.')} Adapt the state type by hand.`);
  return { ok: true, title: 'Return the error instead of throwing it', changes };
}

/** The object type a type node writes or names, when all its members are optional and it is declared in one of `files`. */
function optionalObject(node: TypeNode, files: SourceFile[]): TypeLiteralNode | InterfaceDeclaration | undefined {
  let object: Node | undefined = node;
  if (Node.isTypeReference(node)) {
    const symbol = node.getTypeName().getSymbol();
    const declaration = (symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol)?.getDeclarations()[0];
    object = Node.isTypeAliasDeclaration(declaration) ? declaration.getTypeNode() : declaration;
  }
  if (!(Node.isTypeLiteral(object) || (Node.isInterfaceDeclaration(object) && object.getExtends().length === 0)) || !files.includes(object.getSourceFile())) return undefined;
  const members = object.getMembers();
  const optional = members.length > 0 && members.every((m) => Node.isPropertySignature(m) && m.hasQuestionToken() && m.getName() !== 'error');
  return optional ? object : undefined;
}

/** `error?: string` after the last member, on a line of its own when the members have theirs, with their separator. */
function errorMember(object: TypeLiteralNode | InterfaceDeclaration): TextChange {
  const last = object.getMembers().at(-1)!;
  const text = object.getSourceFile().getFullText();
  const separator = /[;,]$/.exec(last.getText())?.[0];
  const member = `error?: string${separator ?? ''}`;
  const newText = object.getText().includes('\n') ? `${styleOf(object.getSourceFile()).eol}${indentOfLine(text, last.getStart())}${member}` : `${separator ? ' ' : '; '}${member}`;
  return { start: last.getEnd(), end: last.getEnd(), newText };
}
