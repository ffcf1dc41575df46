import type { FunctionFact } from './facts/file-facts';
import type { ActionDef, ProjectIndex, RouteDef } from './project/project-index';

/** The action or route handler whose function holds an offset: what the cursor is on. */
export type EndpointAt = { fn: FunctionFact; action: ActionDef; route: null } | { fn: FunctionFact; action: null; route: RouteDef };

/** The innermost action or route handler of `file` whose function holds `offset`, or `null`. */
export function endpointAt(index: ProjectIndex, file: string, offset: number): EndpointAt | null {
  const facts = index.facts(file);
  if (!facts || facts.skipped) return null;
  const holds = (fn: FunctionFact | null): fn is FunctionFact => fn !== null && fn.span.start <= offset && offset <= fn.span.end;
  const size = (fn: FunctionFact): number => fn.span.end - fn.span.start;
  const action = index.actionsIn(file).filter((a) => holds(a.fn)).sort((a, b) => size(a.fn!) - size(b.fn!))[0];
  const route = index.routesIn(file).filter((r) => r.fnFile === file && holds(r.fn)).sort((a, b) => size(a.fn!) - size(b.fn!))[0];
  if (action && (!route || size(action.fn!) <= size(route.fn!))) return { fn: action.fn!, action, route: null };
  return route ? { fn: route.fn!, action: null, route } : null;
}
