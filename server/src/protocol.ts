import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { DecisionJson } from './analysis/decide/decision-json';

/** Names shared by the client, the server and the tests. */
export const EXTENSION_ID = 'next-action-advisor';
export const DIAGNOSTIC_SOURCE = 'next-action-advisor';
export const SETTINGS_SECTION = 'nextActionAdvisor';
export const PROJECT_SETTINGS_FILE = 'next-action-advisor.json';

export const COMMANDS = {
  restartServer: 'nextActionAdvisor.restartServer',
  showOutput: 'nextActionAdvisor.showOutput',
  /** "Server Action or Route Handler?": the decision wizard. */
  decide: 'nextActionAdvisor.decide',
  /** Internal: the client opens a file a refactor created (not in the command palette). */
  openFile: 'nextActionAdvisor.openFile',
} as const;

/** The languages the server analyses. */
export const LANGUAGE_IDS = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

/** Data attached to each diagnostic, so that code actions need no re-analysis. */
export interface DiagnosticData {
  ruleId: string;
}

/** Sent by the server when the initial scan is complete. */
export const INDEXED_NOTIFICATION = 'nextActionAdvisor/indexed';

export interface IndexedParams {
  files: number;
  parsed: number;
  fromCache: number;
  milliseconds: number;
}

/** Answers the server's process id and whether the initial scan is complete. */
export const STATUS_REQUEST = 'nextActionAdvisor/status';

export interface StatusResult {
  pid: number;
  indexed: boolean;
  files: number;
  /** The server's JavaScript heap in use, in MB. */
  heapMB: number;
  /** Whether the refactors' bundle (ts-morph) has been loaded: only an edit asked for loads it. */
  refactorsLoaded: boolean;
}

/** "Server Action or Route Handler?" for the function at a position, or for the answers alone. */
export const DECIDE_REQUEST = 'nextActionAdvisor/decide';

export interface DecideParams {
  textDocument?: { uri: string };
  position?: { line: number; character: number };
  /** Answers given so far, by question id; they override what the code shows. */
  answers?: Record<string, string>;
}

/** The decision, its files as URIs, and the same as Markdown for the preview. */
export type DecideResult = DecisionJson & { markdown: string };

/** New code where the decision put it: a service with its Server Action, its Route Handler, or both. */
export const SCAFFOLD_REQUEST = 'nextActionAdvisor/scaffold';

export interface ScaffoldParams {
  /** The files go into the app of this document; without one, into the workspace's first app. */
  textDocument?: { uri: string };
  /** A verb and a noun: `createInvoice`. */
  name: string;
  variant: 'action' | 'route' | 'both';
}

export type ScaffoldResult = { title: string; edit: WorkspaceEdit; files: string[] } | { refused: string };

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  settings?: unknown;
  /** The editor's storage folder for this workspace, where the facts cache lives. */
  cacheFolder?: string;
  /** The client runs `COMMANDS.openFile`: a refactor then opens the file it creates. */
  openFileCommand?: boolean;
}
