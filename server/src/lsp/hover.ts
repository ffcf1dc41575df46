import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Session } from '../workspace/session';
import { uriToPath } from './to-lsp';

/** Over an action or a route handler's name: what it is on the wire and who calls it. */
export function hoverFor(session: Session, document: TextDocument, params: HoverParams): Hover | null {
  const path = uriToPath(document.uri);
  if (!path) return null;
  const markdown = session.describe(path, document.offsetAt(params.position));
  return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
}
