import type { InventoryRow } from './endpoint-labels';
import { cachingLabel, type Endpoint } from './endpoints';
import { positionOf } from './positions';
import type { ProjectIndex } from './project/project-index';
import { relativePath } from './project/paths';
import type { Severity } from './types';

/** `appName`: an app's folder as the user reads it (from the workspace, or from where the checker runs). */
export function inventoryRows(index: ProjectIndex, endpoints: Endpoint[], appName: (root: string) => string): InventoryRow[] {
  return endpoints.map((e) => {
    const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of e.findings) findings[f.severity]++;
    return {
      app: appName(e.app.root) || '.',
      kind: e.kind,
      name: e.name,
      method: e.method,
      url: e.url,
      file: relativePath(e.app.root, e.file),
      line: positionOf(index.facts(e.file)?.lineStarts ?? [0], e.span.start).line + 1,
      callers: e.callers.length,
      auth: e.auth,
      caching: cachingLabel(e.caching),
      signals: e.signals,
      findings,
    };
  });
}
