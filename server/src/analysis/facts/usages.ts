import ts from 'typescript';
import type { ParallelFact, UsageContext, UsageFact } from './file-facts';
import type { FunctionRegistry } from './function-registry';
import { chainOf, isFunctionLike, lastName, propertyName, spanOf } from './syntax';
import { forEachChild } from './typescript';

/** When a reference sits in several contexts, the one that decides the advice wins. */
const PRIORITY: UsageContext[] = ['effect', 'query-fn', 'form-action', 'action-state', 'transition', 'event-handler', 'render', 'call', 'reference'];
const EFFECT_HOOKS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);
const ACTION_STATE_HOOKS = new Set(['useActionState', 'useFormState']);
const QUERY_HOOKS = new Set(['useSWR', 'useSWRImmutable', 'useSWRInfinite']);
const HTTP_METHOD_NAMES = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The references among candidate identifiers (see `walkTree`), with the context of each and the `Promise.all` (see `parallelCalls`) awaiting it. */
export function describeUsages(candidates: ts.Identifier[], sourceFile: ts.SourceFile, registry: FunctionRegistry, isClientModule: boolean, parallel: ReadonlyMap<ts.Identifier, ParallelFact>): UsageFact[] {
  return candidates.filter(isReference).map((id) => ({ ...describeUsage(id, sourceFile, registry, isClientModule), parallel: parallel.get(id) ?? null }));
}

function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isQualifiedName(parent) && parent.right === id) return false;
  if (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) return false;
  if (ts.isJsxAttribute(parent) || ts.isPropertyAssignment(parent)) return parent.initializer === id;
  const named = parent as ts.Node & { name?: ts.Node };
  if (named.name === id && !ts.isShorthandPropertyAssignment(parent)) return false;
  return !ts.isExportAssignment(parent) && !ts.isExportSpecifier(parent);
}

function describeUsage(id: ts.Identifier, sourceFile: ts.SourceFile, registry: FunctionRegistry, isClientModule: boolean): Omit<UsageFact, 'parallel'> {
  const found = new Set<UsageContext>();
  let formHasFileInput = false;
  let typedState = false;
  let container: string | null = null;
  let crossedFunction = false;
  let child: ts.Node = id;
  for (let parent = id.parent; parent && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isJsxAttribute(parent)) {
      const attribute = propertyName(parent.name) ?? '';
      const element = parent.parent.parent;
      if ((attribute === 'action' && tagName(element) === 'form') || attribute === 'formAction') {
        found.add('form-action');
        const form = attribute === 'action' ? element : enclosingForm(element);
        formHasFileInput = form !== undefined && hasFileInput(form);
      } else if (/^on[A-Z]/.test(attribute)) found.add('event-handler');
    } else if (ts.isCallExpression(parent) && parent.arguments.some((a) => a === child)) {
      const callee = lastName(chainOf(parent.expression)) ?? '';
      if (ACTION_STATE_HOOKS.has(callee) && parent.arguments[0] === child) {
        found.add('action-state');
        typedState = (parent.typeArguments?.length ?? 0) > 0;
      }
      else if (EFFECT_HOOKS.has(callee)) found.add('effect');
      else if (callee === 'startTransition') found.add('transition');
      else if (QUERY_HOOKS.has(callee) && parent.arguments[1] === child) found.add('query-fn');
    } else if (ts.isPropertyAssignment(parent) && propertyName(parent.name) === 'queryFn') {
      found.add('query-fn');
    } else if (isFunctionLike(parent)) {
      const entry = registry.entryOf(parent);
      if (entry && entry.container === null) {
        container = entry.name;
        break;
      }
      crossedFunction = true;
    }
  }
  // `GET`, `POST`… are route handlers, not components.
  const containerIsComponent = container !== null && ((/^[A-Z]/.test(container) && !HTTP_METHOD_NAMES.has(container)) || container === 'default');
  const called = ts.isCallExpression(id.parent) && id.parent.expression === id;
  if (called) found.add(!crossedFunction && containerIsComponent && !isClientModule ? 'render' : 'call');
  // An effect that starts a transition is the documented way to fire a mutation from an effect.
  if (found.has('effect') && found.has('transition')) found.delete('effect');
  const context = PRIORITY.find((c) => found.has(c)) ?? 'reference';
  return { name: id.text, span: spanOf(id, sourceFile), context, container, containerIsComponent, formHasFileInput, typedState };
}

function tagName(element: ts.Node): string | null {
  if (ts.isJsxOpeningElement(element) || ts.isJsxSelfClosingElement(element)) return ts.isIdentifier(element.tagName) ? element.tagName.text : null;
  return null;
}

function enclosingForm(node: ts.Node): ts.Node | undefined {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isJsxElement(p) && tagName(p.openingElement) === 'form') return p.openingElement;
    if (isFunctionLike(p)) return undefined;
  }
  return undefined;
}

/** Whether the `<form>` whose opening element is given holds an `<input type="file">`. */
function hasFileInput(opening: ts.Node): boolean {
  const form = opening.parent;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isJsxSelfClosingElement(n) || ts.isJsxOpeningElement(n)) && tagName(n) === 'input') {
      found = n.attributes.properties.some(
        (p) => ts.isJsxAttribute(p) && propertyName(p.name) === 'type' && p.initializer !== undefined && ts.isStringLiteral(p.initializer) && p.initializer.text === 'file',
      );
    }
    forEachChild(n, visit);
  };
  if (form && ts.isJsxElement(form)) visit(form);
  return found;
}
