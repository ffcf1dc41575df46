import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decisionJson } from '../analysis/decide/decision-json';
import { decisionMarkdown } from '../analysis/decide/report';
import { QUESTIONS, type Answers } from '../analysis/decide/questions';
import type { DecideParams, DecideResult } from '../protocol';
import type { Session } from '../workspace/session';
import { pathToUri, uriToPath } from './to-lsp';

/** `nextActionAdvisor/decide`: the decision for the function under the cursor (its current text), or for the answers alone. */
export function decideRequest(session: Session, documents: TextDocuments<TextDocument>, params: DecideParams, docsUrl: (rule: string) => string): DecideResult {
  const path = params.textDocument ? uriToPath(params.textDocument.uri) : null;
  const document = params.textDocument ? documents.get(params.textDocument.uri) : undefined;
  const offset = document && params.position ? document.offsetAt(params.position) : undefined;
  // Only answers to known questions pass: the client may be older or newer than the server.
  const answers = Object.fromEntries(Object.entries(params.answers ?? {}).filter(([id]) => Object.hasOwn(QUESTIONS, id))) as Answers;
  const decision = session.decide(path && offset !== undefined ? { file: path, offset, answers } : { answers });
  const relative = (file: string): string => session.relativePath(file);
  return { ...decisionJson(decision, docsUrl, pathToUri), markdown: decisionMarkdown(decision, docsUrl, relative) };
}
