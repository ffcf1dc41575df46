import { endpointAt } from '../endpoint-at';
import type { FunctionFact } from '../facts/file-facts';
import type { ActionDef, ProjectIndex, RouteDef } from '../project/project-index';
import type { Finding } from '../types';

/** The action a finding is about: reported on its name, or inside its function. */
export function actionOfFinding(index: ProjectIndex, finding: Finding): (ActionDef & { fn: FunctionFact }) | null {
  const named = index.actionsIn(finding.file).find((a) => a.span.start === finding.span.start && a.span.end === finding.span.end);
  const action = named ?? endpointAt(index, finding.file, finding.span.start)?.action ?? null;
  return action?.fn ? { ...action, fn: action.fn } : null;
}

/** The route handler a finding is reported on, by the span of its export. */
export function routeOfFinding(index: ProjectIndex, finding: Finding): (RouteDef & { fn: FunctionFact }) | null {
  const route = index.routesIn(finding.file).find((r) => r.span.start === finding.span.start && r.span.end === finding.span.end);
  return route?.fn ? { ...route, fn: route.fn } : null;
}
