import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ScaffoldParams, ScaffoldResult } from '../protocol';
import { loadFixes } from '../workspace/fixes-loader';
import type { Session } from '../workspace/session';
import { workspaceEdit } from './refactor-actions';
import { pathToUri, uriToPath } from './to-lsp';

/** `nextActionAdvisor/scaffold`: the new files of the wizard's choice, in the app of the given document (or the first app), as one workspace edit. */
export function scaffoldRequest(session: Session, documents: TextDocuments<TextDocument>, params: ScaffoldParams): ScaffoldResult {
  session.sync();
  const index = session.analyzer.index;
  const path = params.textDocument ? uriToPath(params.textDocument.uri) : null;
  const app = (path ? index.appOf(path) : undefined) ?? index.apps[0];
  if (!app) return { refused: 'There is no Next.js app in this workspace to put the new code in.' };
  const outcome = loadFixes().scaffold({ fs: session.fs, app, index, settings: session.settings }, params.name, params.variant);
  if (!outcome.ok) return { refused: outcome.reason };
  const files = outcome.changes.map((c) => pathToUri(c.path));
  return { title: outcome.title, edit: workspaceEdit(outcome.changes, documents, (p) => session.fs.readFile(p)), files };
}
