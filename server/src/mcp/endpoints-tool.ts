import { z } from 'zod';
import { inventoryRows } from '../analysis/endpoint-inventory';
import type { InventoryRow } from '../analysis/endpoint-labels';
import { EndpointReader } from '../analysis/endpoints';
import { isWithin } from '../analysis/project/paths';
import { shownPath, workspacePath, type ToolContext } from './tool-context';

export const endpointsInput = {
  paths: z.array(z.string()).optional().describe('Only the endpoints declared inside these files or folders, relative to the workspace; all of them when left out.'),
};

export const endpointsOutput = {
  endpoints: z.array(z.object({ kind: z.enum(['action', 'route']), file: z.string(), line: z.number(), callers: z.number(), auth: z.string(), caching: z.string() }).passthrough()),
};

/** The inventory of actions and routes (URL, callers, auth, caching, findings), as `endpoints --format json` gives it. */
export function endpointsTool(context: ToolContext, { paths }: { paths?: string[] | undefined }): { endpoints: InventoryRow[] } {
  const { session } = context;
  const targets = (paths ?? ['.']).map((p) => workspacePath(context, p));
  const found = new EndpointReader(session.analyzer.index, session.settings, (file) => session.findings(file)).all().filter((e) => targets.some((t) => isWithin(t, e.file)));
  return { endpoints: inventoryRows(session.analyzer.index, found, (root) => shownPath(context, root)) };
}
