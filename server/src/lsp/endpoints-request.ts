import { inventoryRows } from '../analysis/endpoint-inventory';
import { EndpointReader } from '../analysis/endpoints';
import { positionOf } from '../analysis/positions';
import type { EndpointsResult } from '../protocol';
import type { Session } from '../workspace/session';
import { pathToUri } from './to-lsp';

/** The inventory of every app, each row with where its declaration is. */
export function endpointsRequest(session: Session): EndpointsResult {
  session.sync();
  const index = session.analyzer.index;
  const endpoints = new EndpointReader(index, session.settings, (file) => session.findings(file)).all();
  const rows = inventoryRows(index, endpoints, (root) => session.relativePath(root));
  return {
    endpoints: rows.map((row, i) => {
      const endpoint = endpoints[i]!;
      return { ...row, uri: pathToUri(endpoint.file), position: positionOf(index.facts(endpoint.file)?.lineStarts ?? [0], endpoint.span.start) };
    }),
  };
}
