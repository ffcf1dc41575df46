import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DECIDE_REQUEST, LANGUAGE_IDS, type DecideParams, type DecideResult } from '../../../server/src/protocol';
import { applyRefactor } from './apply-refactor';
import { scaffoldFromWizard } from './scaffold';

const TITLE = 'Server Action or Route Handler?';

type Step = DecideResult['questions'][number];
type Pick = { value: string } | 'back' | undefined;

/**
 * The recommendation's Markdown, in a file of the extension's storage that the Markdown preview shows.
 * The preview does not follow `file:` links, so the links to the rule pages are made relative to it.
 */
export class DecisionPreview {
  constructor(private readonly storage: vscode.Uri) {}

  async show(markdown: string): Promise<void> {
    const file = vscode.Uri.joinPath(this.storage, 'Server Action or Route Handler.md');
    const folder = path.dirname(file.fsPath);
    const linked = markdown.replace(/\]\((file:\/\/[^)]+)\)/g, (_, url: string) => `](${encodeURI(path.relative(folder, fileURLToPath(url)).split(path.sep).join('/'))})`);
    await vscode.workspace.fs.createDirectory(this.storage);
    await vscode.workspace.fs.stat(file).then(undefined, () => vscode.workspace.fs.writeFile(file, new Uint8Array()));
    // Through the document, not the disk: the storage folder is not watched, and an open preview follows its document.
    const document = await vscode.workspace.openTextDocument(file);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(0, 0, document.lineCount, 0), linked);
    await vscode.workspace.applyEdit(edit);
    await document.save();
    await vscode.commands.executeCommand('markdown.showPreview', file);
  }
}

/**
 * "Server Action or Route Handler?": one quick pick per question the server asks, the answers the
 * code gives pre-selected and marked, Back and Escape at every step; then the recommendation as a
 * Markdown preview, and the next step: the refactor that gets there, or a scaffold for new code.
 * The server owns the questions and the decision; this only prompts.
 */
export async function runDecisionWizard(client: LanguageClient, preview: DecisionPreview): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const inSource = editor !== undefined && editor.document.uri.scheme === 'file' && (LANGUAGE_IDS as readonly string[]).includes(editor.document.languageId);
  const at: DecideParams = inSource ? { textDocument: { uri: editor.document.uri.toString() }, position: editor.selection.active } : {};
  const ask = (answers: Record<string, string>): Promise<DecideResult | null> => client.sendRequest(DECIDE_REQUEST, { ...at, answers } satisfies DecideParams);
  const answers: Record<string, string> = {};
  let result = await ask(answers);
  if (!result) return;
  for (let i = 0; i < result.questions.length; ) {
    const question = result.questions[i]!;
    const pick = await askStep(question, i + 1, result.questions.length, result.target);
    if (pick === undefined) return;
    if (pick === 'back') {
      i = Math.max(0, i - 1);
      continue;
    }
    answers[question.id] = pick.value;
    result = await ask(answers);
    if (!result) return;
    i++;
  }
  await preview.show(result.markdown);
  await offerNextStep(client, result, inSource ? editor : undefined);
}

function askStep(question: Step, step: number, total: number, target: DecideResult['target']): Promise<Pick> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { value: string }>();
    pick.title = target ? `${TITLE} — ${target.kind === 'action' ? target.name : `the ${target.name} handler`}` : TITLE;
    pick.step = step;
    pick.totalSteps = total;
    pick.placeholder = question.title;
    pick.buttons = step > 1 ? [vscode.QuickInputButtons.Back] : [];
    pick.items = question.options.map((o) => {
      const inferred = question.inferred?.value === o.value ? question.inferred : null;
      const evidence = inferred?.evidence[0];
      return {
        value: o.value,
        label: o.label,
        description: inferred ? '(from the code)' : undefined,
        detail: evidence ? `${o.detail} — ${evidence.what} (${vscode.workspace.asRelativePath(vscode.Uri.parse(evidence.file))}:${evidence.line})` : o.detail,
      };
    });
    const current = pick.items.find((item) => item.value === question.answer);
    if (current) pick.activeItems = [current];
    let settled = false;
    const finish = (value: Pick): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish('back'));
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) finish({ value: chosen.value });
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/** The refactor that makes the code what is recommended, or for new code a scaffold of the recommended files. */
async function offerNextStep(client: LanguageClient, result: DecideResult, editor: vscode.TextEditor | undefined): Promise<void> {
  const recommendation = result.recommendation;
  if (!recommendation) return;
  if (result.target && editor) {
    if (!result.refactor) return;
    const apply = await vscode.window.showInformationMessage(`${recommendation.title}: ${result.refactor.title}?`, 'Apply', 'Not now');
    if (apply !== 'Apply') return;
    const line = result.target.line - 1;
    await applyRefactor(editor.document.uri, new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex), result.refactor.title);
    return;
  }
  if (!result.target) await scaffoldFromWizard(client, recommendation.choice);
}
