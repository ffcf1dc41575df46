import * as path from 'node:path';
import { inventoryRows } from '../analysis/endpoint-inventory';
import type { InventoryRow } from '../analysis/endpoint-labels';
import { EndpointReader } from '../analysis/endpoints';
import type { FileSystem } from '../analysis/types';
import { loadTargets } from './check';

/** `endpoints [paths…]`: the inventory of the apps holding `paths`, limited to the endpoints inside them. */
export async function endpoints(fs: FileSystem, paths: string[], cwd: string): Promise<{ rows: InventoryRow[]; problems: string[] }> {
  const { analyzer, settings, inTargets, problems } = await loadTargets(fs, paths, {});
  const inside = new Set(inTargets);
  const found = new EndpointReader(analyzer.index, settings, (file) => analyzer.findings(file)).all().filter((e) => inside.has(e.file));
  return { rows: inventoryRows(analyzer.index, found, (root) => path.relative(cwd, root).split(path.sep).join('/')), problems };
}
