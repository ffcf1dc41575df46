import type { RefactorKind } from '../../analysis/fixes/refactor';
import { defineCommand, UsageError } from '../command-line';
import { locationOf } from './location';

export interface RefactorOptions {
  kind: RefactorKind;
  file: string;
  line: number;
}

const REFACTOR_NAMES = ['extract-service', 'to-route', 'to-action'] as const;

export const refactorCommand = defineCommand({
  name: 'refactor',
  summary: 'apply one refactor to the action or route handler at a line',
  synopsis: `<${REFACTOR_NAMES.join('|')}> <file>:<line> [options]`,
  description: `Applies one refactor to the action or route handler at that line, on disk, and prints the files it
created, changed and deleted.`,
  arguments: [
    ['extract-service', 'move its data logic into lib/<domain>/service.ts'],
    ['to-route', 'turn an action into app/api/<name>/route.ts'],
    ['to-action', 'turn a route handler that only this app fetches into an action, and rewrite those fetches'],
    ['<file>:<line>', 'where the action or route handler is'],
  ],
  options: {
    'keep-action': { type: 'boolean', description: 'with to-route: the action stays too' },
    'rewrite-callers': { type: 'boolean', description: "with to-route: the app's calls of the action become fetches of the route" },
    'remove-route': { type: 'boolean', description: 'with to-action: the route file goes too, when it held only that handler' },
  },
  exitCodes: [
    [0, 'refactored'],
    [1, 'refused, with the reason; no file changed'],
    [2, 'bad usage, or no such file'],
  ],
  read(values, [name, location, extra]): RefactorOptions {
    const { 'keep-action': keep, 'rewrite-callers': rewrite, 'remove-route': remove } = values;
    if (!REFACTOR_NAMES.includes(name as never)) throw new UsageError(`refactor takes one of ${REFACTOR_NAMES.join(', ')}, not ${name ?? 'nothing'}`);
    if (extra !== undefined) throw new UsageError(`refactor takes one location, not also ${extra}`);
    const at = locationOf(location);
    if (!at) throw new UsageError('refactor takes a location as <file>:<line>');
    if ((keep || rewrite) && name !== 'to-route') throw new UsageError(`${keep ? '--keep-action' : '--rewrite-callers'} goes with to-route`);
    if (keep && rewrite) throw new UsageError('--keep-action and --rewrite-callers exclude each other');
    if (remove && name !== 'to-action') throw new UsageError('--remove-route goes with to-action');
    const kind: RefactorKind = name === 'to-route' ? (keep ? 'to-route-keep-action' : rewrite ? 'to-route-rewrite-callers' : 'to-route') : name === 'to-action' && remove ? 'to-action-remove-route' : (name as RefactorKind);
    return { kind, ...at };
  },
});
