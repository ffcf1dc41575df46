import { pathToFileURL, fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver';
import type { Finding, Severity, Span } from '../analysis/types';
import { positionOf } from '../analysis/positions';
import { normalizePath } from '../analysis/project/paths';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

/** Every conversion between the core's plain data and LSP types lives here. */

export function uriToPath(uri: string): string | null {
  return uri.startsWith('file:') ? normalizePath(fileURLToPath(uri)) : null;
}

/** Each diagnostic's related locations name their files again: building a URL each time cost a keystroke 0.35 ms. */
const URIS = new Map<string, string>();
const MAX_URIS = 20_000;

export function pathToUri(path: string): string {
  let uri = URIS.get(path);
  if (uri === undefined) {
    if (URIS.size >= MAX_URIS) URIS.clear();
    uri = pathToFileURL(path).href;
    URIS.set(path, uri);
  }
  return uri;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lineStarts: readonly number[], span: Span): Range {
  return { start: positionOf(lineStarts, span.start), end: positionOf(lineStarts, span.end) };
}

/** `lineStartsOf` gives the line starts of any file a finding points into (the related ones too). */
export function toDiagnostic(finding: Finding, lineStartsOf: (path: string) => readonly number[] | undefined, docsUrl: (ruleId: string) => string): Diagnostic {
  const own = lineStartsOf(finding.file) ?? [0];
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of finding.related) {
    const starts = lineStartsOf(r.file);
    if (starts) related.push({ location: { uri: pathToUri(r.file), range: toRange(starts, r.span) }, message: r.message });
  }
  const data: DiagnosticData = { ruleId: finding.ruleId };
  return {
    range: toRange(own, finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    relatedInformation: related.length > 0 ? related : undefined,
    data,
  };
}
