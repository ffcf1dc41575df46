import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SuppressionFact } from '../analysis/facts/file-facts';
import { SUPPRESSION_PREFIX } from '../analysis/facts/suppressions';
import { COMMANDS, DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

/**
 * Quick fixes for our diagnostics. The edits are a line of text each, so they are built here at
 * once; no analysis runs in this handler.
 */
export function codeActionsFor(document: TextDocument, params: CodeActionParams, prologueEndLine: number, suppressions: readonly SuppressionFact[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    const ruleId = ruleOf(diagnostic);
    if (!ruleId) continue;
    const line = diagnostic.range.start.line;
    const key = `${ruleId}:${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A package.json holds no comments: its findings are silenced by the rule's setting.
    if (!document.uri.endsWith('.json')) actions.push(disableForLine(document, diagnostic, ruleId, suppressions), disableForFile(document, diagnostic, ruleId, prologueEndLine));
    actions.push(showDocumentation(diagnostic, ruleId));
  }
  return actions;
}

/** As vscode-eslint offers it: the rule's page, beside the ways to silence it. */
function showDocumentation(diagnostic: Diagnostic, ruleId: string): CodeAction {
  return {
    title: `Show documentation for ${ruleId}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: `Show documentation for ${ruleId}`, command: COMMANDS.showRuleDocs, arguments: [ruleId] },
  };
}

function ruleOf(diagnostic: Diagnostic): string | null {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return null;
  const data = diagnostic.data as DiagnosticData | undefined;
  return data?.ruleId ?? (typeof diagnostic.code === 'string' ? diagnostic.code : null);
}

/** A line already silenced for other rules gets this one added to its comment, not a second comment. */
function disableForLine(document: TextDocument, diagnostic: Diagnostic, ruleId: string, suppressions: readonly SuppressionFact[]): CodeAction {
  const line = diagnostic.range.start.line;
  const existing = suppressions.find((s) => s.line === line && s.rules.length > 0 && document.positionAt(s.span.start).line === line - 1 && document.getText({ start: document.positionAt(s.span.start), end: document.positionAt(s.span.end) }).includes(`${SUPPRESSION_PREFIX}-next-line`));
  let edit: TextEdit;
  if (existing) {
    const comment = document.getText({ start: document.positionAt(existing.span.start), end: document.positionAt(existing.span.end) });
    // Before the reason (`-- why`), after the last id.
    const reason = comment.indexOf(' --');
    const at = existing.span.start + (reason === -1 ? comment.trimEnd().length : reason);
    edit = { range: { start: document.positionAt(at), end: document.positionAt(at) }, newText: `, ${ruleId}` };
  } else {
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
    edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// ${SUPPRESSION_PREFIX}-next-line ${ruleId}\n` };
  }
  return {
    title: `Disable ${ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [edit] } },
  };
}

/** The file-wide comment goes after the directive prologue, so that `'use server'` stays first. */
function disableForFile(document: TextDocument, diagnostic: Diagnostic, ruleId: string, line: number): CodeAction {
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `/* ${SUPPRESSION_PREFIX} ${ruleId} */\n` };
  return {
    title: `Disable ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [edit] } },
  };
}
