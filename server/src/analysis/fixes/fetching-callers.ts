import { Node, type Block, type ParameterDeclaration, type SourceFile } from 'ts-morph';
import type { UsageFact } from '../facts/file-facts';
import { applyEdits, editBetween, type FileChange, type TextChange } from './file-change';
import { relativeToApp } from './extract-service';
import { reimported, styleOf } from './imports';
import { refuse, type RefactorContext } from './refactor';

/** The route a converted action became, as its callers reach it. */
export interface RouteCall {
  url: string;
  method: string;
  /** The action returned a value: the call resolves to the route's JSON answer. */
  answers: boolean;
  /** The action revalidated: the page is refreshed once the route answers, as the action's response did by itself. */
  refreshes: boolean;
  /** The action answers failures by throwing, not with an `{ error }` value: a failed answer throws in the caller too. */
  throws: boolean;
}

/**
 * What the caller does with the route's answer, as it did with the action's: throw when the action
 * would have thrown, refresh the page when it revalidated, resolve to its value when it returned one.
 */
function answerHandling(route: RouteCall): string {
  const steps = [
    ...(route.throws ? [`if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? response.statusText)`] : []),
    ...(route.refreshes ? ['router.refresh()'] : []),
    ...(route.answers ? ['return response.json()'] : []),
  ];
  if (steps.length === 0) return '() => undefined';
  if (steps.length === 1 && route.answers) return '(response) => response.json()';
  if (steps.length === 1 && route.refreshes) return '() => router.refresh()';
  return `${route.throws ? 'async ' : ''}(response) => { ${steps.join('; ')} }`;
}

/** Types that need no import in the caller; any other parameter of a function standing for the action is `unknown`, which `JSON.stringify` takes. */
const GLOBAL_TYPES = new Set(['FormData', 'string', 'number', 'boolean']);

/**
 * A client module whose uses of the action become `fetch` calls of the route: JSON of the arguments
 * under the parameters' names (or the form data itself), resolving to the JSON answer when the action
 * returned one. A form's `action`, a `useActionState` and a `.bind(null, …)` of the action get a client
 * function that fetches the route, so that the form keeps its pending state (`useFormStatus`, the third
 * value of `useActionState`) and its error state, which the route answers as the action returned it.
 *
 * ```tsx
 * // Before
 * const [state, formAction, pending] = useActionState(createProject, {})
 * // After
 * const [state, formAction, pending] = useActionState((_state: unknown, formData: FormData) => fetch('/api/create-project', { method: 'POST', body: formData }).then((response) => response.json()), {})
 * ```
 */
export function fetchingCaller(context: RefactorContext, caller: SourceFile, usages: UsageFact[], params: ParameterDeclaration[], route: RouteCall): FileChange {
  const shown = relativeToApp(context, caller.getFilePath());
  if (context.index.facts(caller.getFilePath())?.directive !== 'use client') refuse(`${shown} runs on the server, where fetching the app's own route is a needless HTTP round trip: keep the action for it.`);
  const style = styleOf(caller);
  const q = style.quote;
  const text = caller.getFullText();
  const hasState = params.length === 2 && /FormData/.test(params[1]!.getTypeNode()?.getText() ?? '');
  const inputs = hasState ? params.slice(1) : params;
  const formData = inputs.length === 1 && /FormData/.test(inputs[0]!.getTypeNode()?.getText() ?? '');
  const request = (args: string[]): string => {
    if (route.method === 'GET') return `fetch(${queryUrl(route.url, inputs, args, q)}).then(${answerHandling(route)})`;
    const body = formData
      ? `body: ${args[0] ?? 'new FormData()'}`
      : `headers: { ${q}Content-Type${q}: ${q}application/json${q} }, body: JSON.stringify({ ${inputs.map((p, i) => (args[i] === p.getName() ? p.getName() : `${p.getName()}: ${args[i] ?? 'undefined'}`)).join(', ')} })`;
    const then = answerHandling(route);
    return `fetch(${q}${route.url}${q}, { method: ${q}${route.method}${q}, ${body} }).then(${then})`;
  };

  const edits: TextChange[] = [];
  const refreshed = new Set<Block>();
  const name = usages[0]!.name;
  for (const usage of usages) {
    const reference = caller.getDescendantAtStartWithWidth(usage.span.start, usage.span.end - usage.span.start);
    if (!reference) refuse(`${shown} changed since it was read: try again.`);
    const use = useOf(reference);
    if (!use) refuse(`${shown} passes \`${name}\` on (as a prop or a value) rather than calling it or binding it to a form: keep the action for it.`);
    if (use.kind !== 'call' && route.method === 'GET') refuse(`${shown} gives \`${name}\` to a form or binds it, which a read fetched from a GET route cannot stand for: keep the action for it.`);
    if (use.kind === 'call') edits.push({ start: use.node.getStart(), end: use.node.getEnd(), newText: request(use.args.slice(hasState ? 1 : 0)) });
    else {
      // A client function standing for the action: its parameters are those the form or hook passes.
      // The arguments bound come first, the previous state among them when it is bound too.
      const given = params.slice(use.bound.length);
      const names = given.map((p) => (hasState && p === params[0] ? `_${p.getName().replace(/^_/, '')}` : p.getName()));
      const typed = names.map((n, i) => `${n}: ${GLOBAL_TYPES.has(given[i]!.getTypeNode()?.getText() ?? '') ? given[i]!.getTypeNode()!.getText() : 'unknown'}`);
      const passed = [...use.bound, ...names].slice(hasState ? 1 : 0);
      edits.push({ start: use.node.getStart(), end: use.node.getEnd(), newText: `(${typed.join(', ')}) => ${request(passed)}` });
    }
    if (route.refreshes) edits.push(...routerIn(caller, reference, usage, refreshed, style.semicolon));
  }
  const router = refreshed.size > 0 ? [{ specifier: 'next/navigation', bindings: [{ imported: 'useRouter', local: 'useRouter', typeOnly: false }] }] : [];
  return editBetween(caller.getFilePath(), text, reimported(caller, applyEdits(text, edits), style, router))!;
}

/** A GET route's URL with the arguments in its query string: `` `/api/tasks?${new URLSearchParams({ projectId })}` ``. */
function queryUrl(url: string, params: ParameterDeclaration[], args: string[], q: string): string {
  if (params.length === 0) return `${q}${url}${q}`;
  if (args.length !== params.length) refuse(`A call passes ${args.length} of the ${params.length} arguments, which the query string needs all of: pass them all first.`);
  const fields = params.map((p, i) => {
    const value = p.getTypeNode()?.getText() === 'string' ? args[i] : `String(${args[i]})`;
    return value === p.getName() ? value : `${p.getName()}: ${value}`;
  });
  return `\`${url}?\${new URLSearchParams({ ${fields.join(', ')} })}\``;
}

type Use = { kind: 'call'; node: Node; args: string[] } | { kind: 'function'; node: Node; bound: string[] };

/**
 * How the reference uses the action: called; bound with `.bind(null, …)`; or given where React calls
 * it (a form's `action` or `formAction`, `useActionState`, React 18's `useFormState`). `null` for anything else.
 */
function useOf(reference: Node): Use | null {
  const parent = reference.getParent();
  if (parent && Node.isCallExpression(parent) && parent.getExpression() === reference) return { kind: 'call', node: parent, args: parent.getArguments().map((a) => a.getText()) };
  const bind = parent && Node.isPropertyAccessExpression(parent) && parent.getName() === 'bind' ? parent.getParent() : undefined;
  if (bind && Node.isCallExpression(bind) && ['null', 'undefined'].includes(bind.getArguments()[0]?.getText() ?? '')) {
    return { kind: 'function', node: bind, bound: bind.getArguments().slice(1).map((a) => a.getText()) };
  }
  return reactCalls(reference) ? { kind: 'function', node: reference, bound: [] } : null;
}

function reactCalls(node: Node): boolean {
  const parent = node.getParent();
  if (parent && Node.isJsxExpression(parent)) {
    const attribute = parent.getParent();
    return attribute !== undefined && Node.isJsxAttribute(attribute) && ['action', 'formAction'].includes(attribute.getNameNode().getText());
  }
  return parent !== undefined && Node.isCallExpression(parent) && parent.getArguments()[0] === node && /^(React\.|ReactDOM\.)?(useActionState|useFormState)$/.test(parent.getExpression().getText());
}

/**
 * `const router = useRouter()` first in the component (or hook) holding the use, once per component:
 * an action's response carried the revalidated page, a fetch's does not.
 */
function routerIn(caller: SourceFile, reference: Node, usage: UsageFact, done: Set<Block>, semicolon: string): TextChange[] {
  const shown = caller.getBaseName();
  const container = usage.container;
  if (!container || !(usage.containerIsComponent || /^use[A-Z]/.test(container))) refuse(`${shown} uses the action outside a component, where the page cannot be refreshed after the route revalidates it: keep the action.`);
  const declaration = caller.getFunction(container) ?? caller.getVariableDeclaration(container)?.getInitializer();
  const body = declaration && (Node.isFunctionDeclaration(declaration) || Node.isArrowFunction(declaration) || Node.isFunctionExpression(declaration)) ? declaration.getBody() : undefined;
  if (!body || !Node.isBlock(body) || !body.containsRange(reference.getStart(), reference.getEnd())) refuse(`\`${container}\` in ${shown} has no block body to hold \`useRouter()\`: give it one first.`);
  if (done.has(body)) return [];
  done.add(body);
  const existing = body.getStatements().flatMap((s) => (Node.isVariableStatement(s) ? s.getDeclarations() : [])).find((d) => d.getName() === 'router');
  if (existing?.getInitializer()?.getText() === 'useRouter()') return [];
  if (existing) refuse(`\`${container}\` in ${shown} has a \`router\` that is not \`useRouter()\`: rename it first.`);
  const first = body.getStatements()[0];
  const indent = first ? caller.getFullText().slice(first.getStartLinePos(), first.getStart()) : '';
  const eol = caller.getFullText().includes('\r\n') ? '\r\n' : '\n';
  const at = first ? first.getStartLinePos() : body.getStart() + 1;
  return [{ start: at, end: at, newText: `${indent}const router = useRouter()${semicolon}${eol}` }];
}
