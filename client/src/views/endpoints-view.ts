import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AUTH_LABELS, findingCount, findingsLabel, isUnprotected, rowTitle } from '../../../server/src/analysis/endpoint-labels';
import { ENDPOINTS_CHANGED_NOTIFICATION, ENDPOINTS_REQUEST, type EndpointsResult } from '../../../server/src/protocol';

type Row = EndpointsResult['endpoints'][number];
export type EndpointFilter = 'all' | 'unprotected' | 'findings';

export const ENDPOINTS_VIEW = 'nextActionAdvisor.endpoints';
export const ENDPOINT_COMMANDS = {
  refresh: 'nextActionAdvisor.endpoints.refresh',
  unprotected: 'nextActionAdvisor.endpoints.showUnprotected',
  findings: 'nextActionAdvisor.endpoints.showWithFindings',
  all: 'nextActionAdvisor.endpoints.showAll',
} as const;

const FILTER_DESCRIPTIONS: Record<EndpointFilter, string | undefined> = { all: undefined, unprotected: 'unprotected only', findings: 'with findings only' };

type Node = { app: string; rows: Row[] } | Row;

/**
 * "Next.js Endpoints" in the Explorer: per app, every Server Action and Route Handler with what it
 * is on the wire, its callers, its protection, its caching and its findings. Asked of the server
 * when shown, and again when the server says the code changed.
 */
export class EndpointsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private filter: EndpointFilter = 'all';
  private listening: LanguageClient | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(ENDPOINTS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      vscode.commands.registerCommand(ENDPOINT_COMMANDS.refresh, () => this.refresh()),
      vscode.commands.registerCommand(ENDPOINT_COMMANDS.unprotected, () => this.show('unprotected')),
      vscode.commands.registerCommand(ENDPOINT_COMMANDS.findings, () => this.show('findings')),
      vscode.commands.registerCommand(ENDPOINT_COMMANDS.all, () => this.show('all')),
    );
    void vscode.commands.executeCommand('setContext', 'nextActionAdvisor.endpointsFilter', this.filter);
  }

  /** Called once the client has started: the server's change notices refresh the view. */
  listen(client: LanguageClient): void {
    if (this.listening === client) return;
    this.listening = client;
    this.disposables.push(client.onNotification(ENDPOINTS_CHANGED_NOTIFICATION, () => this.refresh()));
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  private show(filter: EndpointFilter): void {
    this.filter = filter;
    this.view.description = FILTER_DESCRIPTIONS[filter];
    void vscode.commands.executeCommand('setContext', 'nextActionAdvisor.endpointsFilter', filter);
    this.refresh();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return 'rows' in node ? node.rows : [];
    const client = this.client();
    if (!client?.isRunning()) return [];
    const result = await client.sendRequest<EndpointsResult>(ENDPOINTS_REQUEST);
    const kept = result.endpoints.filter((row) => this.filter === 'all' || (this.filter === 'unprotected' ? isUnprotected(row) : findingCount(row) > 0));
    const apps = [...new Set(result.endpoints.map((r) => r.app))];
    this.view.message = kept.length === 0 ? (result.endpoints.length === 0 ? 'No Server Action or Route Handler in this workspace.' : `No endpoint ${FILTER_DESCRIPTIONS[this.filter]?.replace(' only', '')}.`) : undefined;
    return apps.map((app) => ({ app, rows: kept.filter((r) => r.app === app) })).filter((a) => a.rows.length > 0);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('rows' in node) {
      const item = new vscode.TreeItem(node.app, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.rows.length} endpoint${node.rows.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('folder');
      item.contextValue = 'app';
      return item;
    }
    const item = new vscode.TreeItem(rowTitle(node), vscode.TreeItemCollapsibleState.None);
    const callers = `${node.callers} caller${node.callers === 1 ? '' : 's'}`;
    const findings = findingCount(node);
    item.description = [node.kind === 'action' ? 'Server Action' : null, callers, `auth: ${AUTH_LABELS[node.auth]}`, node.caching, findings > 0 ? findingsLabel(node) : null].filter((p) => p !== null).join(' · ');
    const color = node.findings.error > 0 ? 'list.errorForeground' : findings > 0 ? 'list.warningForeground' : undefined;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'action' ? 'symbol-event' : 'globe', color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = tooltip(node);
    item.contextValue = node.kind;
    const position = new vscode.Position(node.position.line, node.position.character);
    item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri), { selection: new vscode.Range(position, position) } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function tooltip(row: Row): vscode.MarkdownString {
  const lines = [
    `**${rowTitle(row)}** — ${row.kind === 'action' ? 'Server Action (a public POST endpoint)' : 'Route Handler'}`,
    '',
    `- File: ${row.file}:${row.line}`,
    `- Callers in this app: ${row.callers}`,
    `- Auth: ${AUTH_LABELS[row.auth]}`,
    `- Caching: ${row.caching}`,
    ...(row.signals.length > 0 ? [`- Signals: ${row.signals.join(', ')}`] : []),
    `- Findings: ${findingsLabel(row)}`,
  ];
  return new vscode.MarkdownString(lines.join('\n'));
}
