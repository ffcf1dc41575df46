import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeAt } from '../analysis/describe';
import { positionOf } from '../analysis/positions';
import type { Session } from '../workspace/session';
import { pathToUri, uriToPath } from './to-lsp';

/**
 * Over a directive, an action or a route handler, or a call of an action: what it is on the wire, who
 * calls it, and its findings. Places are links that open the file at the line (`#L12`).
 */
export function hoverFor(session: Session, document: TextDocument, params: HoverParams, docsUrl: (ruleId: string) => string): Hover | null {
  const path = uriToPath(document.uri);
  if (!path) return null;
  session.sync();
  const link = (file: string, offset: number): string => {
    const at = positionOf(session.lineStarts(file) ?? [0], offset);
    return `${pathToUri(file)}#L${at.line + 1},${at.character + 1}`;
  };
  const markdown = describeAt({ index: session.analyzer.index, settings: session.settings, findingsOf: (file) => session.findings(file), link, docs: docsUrl }, path, document.offsetAt(params.position));
  return markdown ? { contents: { kind: MarkupKind.Markdown, value: markdown } } : null;
}
