import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, DIAGNOSTIC_SOURCE, INDEXED_NOTIFICATION, LANGUAGE_IDS, type IndexedParams } from '../../server/src/protocol';

/**
 * The language status item beside the language mode: the server's state, the apps and files it
 * indexed, and the findings in Problems; its action lists Restart and Show Output.
 */
export class AdvisorStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('nextActionAdvisor.status', LANGUAGE_IDS.map((language) => ({ language })));
  private readonly disposables: vscode.Disposable[] = [this.item];
  private indexed: IndexedParams | null = null;
  private state: State = State.Starting;

  constructor() {
    this.item.name = 'Next.js Action Advisor';
    this.item.command = { title: 'Actions…', command: COMMANDS.statusActions };
    this.disposables.push(vscode.languages.onDidChangeDiagnostics(() => this.render()));
    this.render();
  }

  attach(client: LanguageClient): void {
    this.disposables.push(
      client.onDidChangeState((change) => {
        this.state = change.newState;
        if (change.newState === State.Starting) this.indexed = null;
        this.render();
      }),
      client.onNotification(INDEXED_NOTIFICATION, (params: IndexedParams) => {
        this.indexed = params;
        this.render();
      }),
    );
  }

  private render(): void {
    const item = this.item;
    if (this.state === State.Stopped) {
      item.busy = false;
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.text = '$(error) Next.js Action Advisor: stopped';
      item.detail = 'Restart it from its actions';
      return;
    }
    item.severity = vscode.LanguageStatusSeverity.Information;
    if (!this.indexed) {
      item.busy = true;
      item.text = 'Next.js Action Advisor: indexing…';
      item.detail = undefined;
      return;
    }
    const { apps, files, milliseconds, fromCache } = this.indexed;
    // As the Problems view counts them: hints are shown only in the editor.
    const findings = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity !== vscode.DiagnosticSeverity.Hint).length, 0);
    item.busy = false;
    item.text = `Next.js: ${apps.length} app${apps.length === 1 ? '' : 's'} · ${files} files · ${findings} finding${findings === 1 ? '' : 's'}`;
    item.detail = `Indexed in ${(milliseconds / 1000).toFixed(1)} s${fromCache > 0 ? ` (${fromCache} from the cache)` : ''}: ${apps.join(', ')}`;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The status item's action: what a user wants of a running server. */
export async function statusActions(): Promise<void> {
  const picks = [
    { label: '$(debug-restart) Restart Server', command: COMMANDS.restartServer },
    { label: '$(output) Show Output', command: COMMANDS.showOutput },
    { label: '$(checklist) Check Whole Workspace', command: COMMANDS.checkWorkspace },
  ];
  const chosen = await vscode.window.showQuickPick(picks, { title: 'Next.js Action Advisor' });
  if (chosen) await vscode.commands.executeCommand(chosen.command);
}
