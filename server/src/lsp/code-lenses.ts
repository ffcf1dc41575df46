import type { CodeLens, CodeLensParams, Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EndpointReader, endpointTitle, type Endpoint } from '../analysis/endpoints';
import { refactorOffers } from '../analysis/fixes/offers';
import type { RefactorKind } from '../analysis/fixes/refactor';
import { COMMANDS, type CodeLensSetting } from '../protocol';
import type { Session } from '../workspace/session';
import { pathToUri, toRange, uriToPath } from './to-lsp';

/** What a counting lens carries to its resolve. */
export interface CountLensData {
  uri: string;
  kind: 'action' | 'route';
  name: string;
  start: number;
}

/** The refactors a lens offers (its arguments: the document, the function's position, the refactor's title), by the short title it shows; the first offered of each list wins. */
const REFACTOR_LENSES: { title: string; kinds: RefactorKind[] }[] = [
  { title: 'Convert to route handler', kinds: ['to-route', 'to-route-keep-action'] },
  { title: 'Convert to server action', kinds: ['to-action'] },
  { title: 'Extract to service', kinds: ['extract-service'] },
];

/**
 * Over each action and route handler: a lens whose title (callers counted at resolve) opens the call
 * sites, then the refactors that apply there. Listing reads only this file's facts.
 */
export function codeLensesFor(session: Session, document: TextDocument, params: CodeLensParams, setting: CodeLensSetting): CodeLens[] {
  const path = uriToPath(params.textDocument.uri);
  const starts = path ? session.lineStarts(path) : undefined;
  if (!path || !starts || setting === 'off') return [];
  session.sync();
  const index = session.analyzer.index;
  const lenses: CodeLens[] = [];
  const declared = [...index.actionsIn(path).map((a) => ({ kind: 'action' as const, name: a.name, span: a.span, fn: a.fn })), ...index.routesIn(path).map((r) => ({ kind: 'route' as const, name: r.method, span: r.span, fn: r.fnFile === path ? r.fn : null }))];
  for (const endpoint of declared) {
    const range = toRange(starts, endpoint.span);
    const data: CountLensData = { uri: document.uri, kind: endpoint.kind, name: endpoint.name, start: endpoint.span.start };
    lenses.push({ range, data });
    if (setting !== 'all' || !endpoint.fn) continue;
    const offers = refactorOffers(index, session.settings, path, endpoint.fn.span.start);
    for (const lens of REFACTOR_LENSES) {
      const offer = lens.kinds.map((k) => offers.find((o) => o.kind === k)).find((o) => o !== undefined);
      if (offer) lenses.push({ range, command: { title: lens.title, command: COMMANDS.applyRefactor, arguments: [document.uri, toRange(starts, { start: offer.offset, end: offer.offset }).start, offer.title] } });
    }
  }
  return lenses;
}

export function isCountLensData(data: unknown): data is CountLensData {
  const d = data as CountLensData | undefined;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && (d.kind === 'action' || d.kind === 'route') && typeof d.name === 'string' && typeof d.start === 'number';
}

/**
 * Resolves counting lenses and remembers the titles it gave, so that a change elsewhere (a caller
 * added in another file) asks the editor to refresh only when a shown title is no longer true.
 */
export class CountLenses {
  /** Per document path: the title given to each lens (`kind name`). */
  private readonly shown = new Map<string, Map<string, string>>();

  constructor(private readonly session: Session) {}

  resolve(lens: CodeLens, data: CountLensData): CodeLens {
    const path = uriToPath(data.uri);
    const endpoint = path ? this.endpoint(path, data.kind, data.name) : undefined;
    if (!path || !endpoint) return { ...lens, command: { title: data.kind === 'action' ? 'Server Action' : data.name, command: '' } };
    const title = lensTitle(endpoint);
    const titles = this.shown.get(path) ?? new Map<string, string>();
    this.shown.set(path, titles.set(`${data.kind} ${data.name}`, title));
    const locations: Location[] = endpoint.callers.flatMap((c) => {
      const starts = this.session.lineStarts(c.file);
      return starts ? [{ uri: pathToUri(c.file), range: toRange(starts, c.span) }] : [];
    });
    const command = locations.length > 0 ? { title, command: COMMANDS.showReferences, arguments: [data.uri, lens.range.start, locations] } : { title, command: '' };
    return { ...lens, command };
  }

  /** Whether a title shown for one of these files has changed. */
  staleAmong(paths: Iterable<string>): boolean {
    for (const path of paths) {
      const titles = this.shown.get(path);
      if (!titles) continue;
      for (const [key, title] of titles) {
        const [kind, name] = key.split(' ') as ['action' | 'route', string];
        const endpoint = this.endpoint(path, kind, name);
        if (!endpoint || lensTitle(endpoint) !== title) {
          this.shown.delete(path);
          return true;
        }
      }
    }
    return false;
  }

  forget(path: string): void {
    this.shown.delete(path);
  }

  private endpoint(path: string, kind: 'action' | 'route', name: string): Endpoint | undefined {
    return new EndpointReader(this.session.analyzer.index, this.session.settings).inFile(path).find((e) => e.kind === kind && e.name === name);
  }
}

/** `Server Action · public POST · 3 callers`, `POST /api/projects · 2 callers in this app · webhook`. */
export function lensTitle(endpoint: Endpoint): string {
  const n = endpoint.callers.length;
  const count = n === 0 ? 'no callers in this app' : `${n} caller${n === 1 ? '' : 's'}${endpoint.kind === 'route' ? ' in this app' : ''}`;
  const parts = endpoint.kind === 'action' ? ['Server Action', 'public POST', count] : [endpointTitle(endpoint), count, ...endpoint.signals];
  return parts.join(' · ');
}
