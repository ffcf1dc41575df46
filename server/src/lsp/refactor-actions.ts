import { CodeActionKind, type ClientCapabilities, type CodeAction, type CodeActionParams, type CreateFile, type DeleteFile, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import type { FileChange } from '../analysis/fixes/file-change';
import { refactorOffers } from '../analysis/fixes/offers';
import { REFACTOR_KINDS, type RefactorContext, type RefactorKind } from '../analysis/fixes/refactor';
import { COMMANDS, type DiagnosticData } from '../protocol';
import { loadFixes } from '../workspace/fixes-loader';
import type { Session } from '../workspace/session';
import { pathToUri, uriToPath } from './to-lsp';

/** What a listed refactor carries to its resolve: where, on which version, nothing else. */
export interface RefactorData {
  refactor: RefactorKind;
  uri: string;
  version: number;
  offset: number;
}

/** Whether the client can take a refactor: resolve it lazily, and create files in a workspace edit. */
export function refactorSupport(capabilities: ClientCapabilities): string | null {
  const edit = capabilities.workspace?.workspaceEdit;
  const creates = edit?.documentChanges === true && edit.resourceOperations?.includes('create') === true && edit.resourceOperations.includes('delete');
  if (!resolves(capabilities)) return 'This editor cannot resolve code actions lazily, which refactors need.';
  if (!creates) return 'This editor cannot create and delete files through a workspace edit, which refactors need.';
  return null;
}

/** Whether the client can take a fix: resolve it lazily (a fix that moves code to a new file also needs what refactors need). */
export function fixSupport(capabilities: ClientCapabilities): string | null {
  return resolves(capabilities) ? null : 'This editor cannot resolve code actions lazily, which fixes need.';
}

function resolves(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
}

/**
 * The refactors of the action or route handler under the cursor, listed cheaply (no ts-morph); each
 * is also the quick fix of the findings it remedies.
 */
export function refactorActions(session: Session, document: TextDocument, params: CodeActionParams, unsupported: string | null): CodeAction[] {
  const path = uriToPath(document.uri);
  if (!path) return [];
  session.sync();
  const offers = refactorOffers(session.analyzer.index, session.settings, path, document.offsetAt(params.range.start));
  const only = params.context.only;
  const wanted = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  for (const offer of offers) {
    const data: RefactorData = { refactor: offer.kind, uri: document.uri, version: document.version, offset: offer.offset };
    const base = { title: offer.title, data, ...(unsupported ? { disabled: { reason: unsupported } } : {}) };
    if (wanted(offer.codeActionKind)) actions.push({ ...base, kind: offer.codeActionKind });
    const remedied = params.context.diagnostics.filter((d) => offer.remedies.includes((d.data as DiagnosticData | undefined)?.ruleId ?? ''));
    if (remedied.length > 0 && wanted(CodeActionKind.QuickFix)) actions.push({ ...base, kind: CodeActionKind.QuickFix, diagnostics: remedied });
  }
  return actions;
}

export function isRefactorData(data: unknown): data is RefactorData {
  const d = data as RefactorData | undefined;
  return typeof d === 'object' && d !== null && REFACTOR_KINDS.includes(d.refactor) && typeof d.uri === 'string' && typeof d.version === 'number' && typeof d.offset === 'number';
}

/**
 * The edit of a listed refactor, built now from the current text. A document that moved on since the
 * listing is refused rather than answered with an edit for another text.
 */
export function resolveRefactor(session: Session, documents: TextDocuments<TextDocument>, action: CodeAction, data: RefactorData, openFileCommand: boolean): { action: CodeAction; refused: string | null } {
  const at = editContext(session, documents, data, 'refactor');
  if ('refused' in at) return { action, refused: at.refused };
  const outcome = loadFixes().buildRefactor({ kind: data.refactor, file: at.path, offset: data.offset }, at.context);
  if (!outcome.ok) return { action, refused: outcome.reason };
  // The file the refactor creates is where the user goes next.
  const created = outcome.changes.find((c) => c.kind === 'create');
  const command = created && openFileCommand ? { command: { title: 'Open', command: COMMANDS.openFile, arguments: [pathToUri(created.path)] } } : {};
  return { action: { ...action, title: outcome.title, edit: workspaceEdit(outcome.changes, documents, (p) => session.fs.readFile(p)), ...command }, refused: null };
}

/**
 * What an edit listed on a document's version is built from, once the document is still at that
 * version: its path and the context of its app. Refused otherwise, with what the user is told.
 */
export function editContext(session: Session, documents: TextDocuments<TextDocument>, data: { uri: string; version: number }, what: 'refactor' | 'fix'): { path: string; context: RefactorContext } | { refused: string } {
  const document = documents.get(data.uri);
  const path = uriToPath(data.uri);
  if (!document || !path || document.version !== data.version) return { refused: `The file changed since the ${what} was offered: ask for it again.` };
  session.sync();
  const app = session.analyzer.index.appOf(path);
  if (!app) return { refused: 'The file is in no Next.js app.' };
  return { path, context: { fs: session.fs, app, index: session.analyzer.index, settings: session.settings } };
}

/** One workspace edit for all the changes, so that one undo restores every file. */
export function workspaceEdit(changes: FileChange[], documents: TextDocuments<TextDocument>, read: (path: string) => string | undefined): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile | DeleteFile)[] = [];
  for (const change of changes) {
    const uri = pathToUri(change.path);
    if (change.kind === 'delete') {
      documentChanges.push({ kind: 'delete', uri, options: { recursive: false, ignoreIfNotExists: false } });
      continue;
    }
    if (change.kind === 'create') {
      documentChanges.push({ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } });
      documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }] });
      continue;
    }
    const open = documents.get(uri);
    const text = open ? open.getText() : read(change.path) ?? '';
    const at = open ?? TextDocument.create(uri, 'typescript', 0, text);
    documentChanges.push({
      textDocument: { uri, version: open ? open.version : null },
      edits: change.edits.map((e) => ({ range: { start: at.positionAt(e.start), end: at.positionAt(e.end) }, newText: e.newText })),
    });
  }
  return { documentChanges };
}
