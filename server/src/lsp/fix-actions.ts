import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllInFile } from '../analysis/fixes/fix-all';
import { ruleFixOffers } from '../analysis/fixes/rule-fix-offers';
import type { Finding } from '../analysis/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';
import { loadFixes } from '../workspace/fixes-loader';
import type { Session } from '../workspace/session';
import { editContext, workspaceEdit } from './refactor-actions';
import { uriToPath } from './to-lsp';

/** "Fix all" of this extension, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.next-action-advisor`;

/** What a listed fix carries to its resolve: the finding by rule and place, on which version. */
export interface FixData {
  ruleFix: string;
  uri: string;
  version: number;
  ruleId: string;
  start: number;
  end: number;
}

export interface FixAllData {
  fixAll: true;
  uri: string;
  version: number;
}

/**
 * The fixes of the findings under the cursor, listed from the facts (built at resolve), and "fix all"
 * when the client asks for `source.fixAll`.
 */
export function fixActions(session: Session, document: TextDocument, params: CodeActionParams, unsupported: string | null): CodeAction[] {
  const path = uriToPath(document.uri);
  if (!path) return [];
  session.sync();
  const only = params.context.only;
  const wanted = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const context = { index: session.analyzer.index, settings: session.settings };
  if (wanted(CodeActionKind.QuickFix)) {
    const findings = session.findings(path);
    for (const diagnostic of params.context.diagnostics) {
      const finding = findingOf(findings, document, diagnostic);
      if (!finding) continue;
      for (const offer of ruleFixOffers(finding, context)) {
        const data: FixData = { ruleFix: offer.fix, uri: document.uri, version: document.version, ruleId: finding.ruleId, start: finding.span.start, end: finding.span.end };
        const disabled = offer.disabled ?? unsupported;
        actions.push({ title: offer.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: offer.preferred && !disabled, data, ...(disabled ? { disabled: { reason: disabled } } : {}) });
      }
    }
  }
  // Asked for by kind only (on save, "Fix All"): never in the lightbulb's list.
  if (only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`)) && !unsupported) {
    const data: FixAllData = { fixAll: true, uri: document.uri, version: document.version };
    actions.push({ title: 'Fix all Next.js Action Advisor findings', kind: FIX_ALL_KIND, data });
  }
  return actions;
}

/** The finding a diagnostic of ours stands for: same rule, same range. */
function findingOf(findings: Finding[], document: TextDocument, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const ruleId = (diagnostic.data as DiagnosticData | undefined)?.ruleId ?? diagnostic.code;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return findings.find((f) => f.ruleId === ruleId && f.span.start === start && f.span.end === end);
}

export function isFixData(data: unknown): data is FixData {
  const d = data as FixData | undefined;
  return typeof d === 'object' && d !== null && typeof d.ruleFix === 'string' && typeof d.uri === 'string' && typeof d.version === 'number' && typeof d.ruleId === 'string' && typeof d.start === 'number' && typeof d.end === 'number';
}

export function isFixAllData(data: unknown): data is FixAllData {
  const d = data as FixAllData | undefined;
  return typeof d === 'object' && d !== null && d.fixAll === true && typeof d.uri === 'string' && typeof d.version === 'number';
}

/** The edit of a listed fix, built from the current text; refused when the document moved on or the finding went. */
export function resolveFix(session: Session, documents: TextDocuments<TextDocument>, action: CodeAction, data: FixData | FixAllData): { action: CodeAction; refused: string | null } {
  const at = editContext(session, documents, data, 'fix');
  if ('refused' in at) return { action, refused: at.refused };
  const { context } = at;
  const fixes = loadFixes();
  const findings = session.findings(at.path);
  if (isFixAllData(data)) {
    const { changes } = fixAllInFile(findings, context, (request) => fixes.buildRuleFix(request, context));
    return { action: { ...action, edit: workspaceEdit(changes, documents, (p) => session.fs.readFile(p)) }, refused: null };
  }
  const finding = findings.find((f) => f.ruleId === data.ruleId && f.span.start === data.start && f.span.end === data.end);
  if (!finding) return { action, refused: 'The finding is gone: there is nothing left to fix.' };
  const outcome = fixes.buildRuleFix({ fix: data.ruleFix, finding }, context);
  if (!outcome.ok) return { action, refused: outcome.reason };
  return { action: { ...action, edit: workspaceEdit(outcome.changes, documents, (p) => session.fs.readFile(p)) }, refused: null };
}
