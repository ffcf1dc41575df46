import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { DecisionJson } from './analysis/decide/decision-json';
import type { InventoryRow } from './analysis/endpoint-labels';

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
  /** Fills the Problems view with the findings of every file, whatever `nextActionAdvisor.problems` says. */
  checkWorkspace: 'nextActionAdvisor.checkWorkspace',
  /** Internal: the client opens a file a refactor created (not in the command palette). */
  openFile: 'nextActionAdvisor.openFile',
  /** The status item's action: restart, show output, check the workspace. */
  statusActions: 'nextActionAdvisor.statusActions',
  copyCiWorkflow: 'nextActionAdvisor.copyCiWorkflow',
  /** A rule's page: run by the server for other editors, rendered in VS Code by the client. */
  showRuleDocs: 'nextActionAdvisor.showRuleDocumentation',
  /** Internal: a lens's callers in a references peek (`uri`, position, LSP locations). */
  showReferences: 'nextActionAdvisor.showReferences',
  /** Internal: a lens's refactor, as the lightbulb lists it at the function (`uri`, position, title). */
  applyRefactor: 'nextActionAdvisor.applyRefactor',
} as const;

/**
 * What the server's process gets in its environment beyond the editor's: at most two malloc arenas, so
 * that the memory the initial scan's worker threads freed is reused by the process instead of staying
 * in arenas of their own (about 50 MB of resident memory on a 3,000-file workspace).
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/**
 * Node options of the server's process: V8's young generation in semi-spaces of 4 MB instead of 16. V8
 * never gives back the young generation the scan grew, 32 MB of which edits use a few; with 8 MB the
 * server is about 20 MB smaller, and neither the scan nor a keystroke measurably slower.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * The environment variable naming a folder where the server keeps V8's compiled code of its bundle
 * (the editor's storage for the extension): a start after the first compiles little.
 */
export const CODE_CACHE_ENVIRONMENT = 'NEXT_ACTION_ADVISOR_CODE_CACHE';

/** The languages the server analyses. */
export const LANGUAGE_IDS = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

/** Data attached to each diagnostic, so that code actions need no re-analysis. */
export interface DiagnosticData {
  ruleId: string;
}

/** Sent by the server when the initial scan is complete. */
export const INDEXED_NOTIFICATION = 'nextActionAdvisor/indexed';

export interface IndexedParams {
  /** The apps' folders, relative to the workspace (`.` for the folder itself). */
  apps: string[];
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
  codeCache: CodeCacheState;
}

/** The compiled-code cache of a start: used, missing or refused by V8 (then written at shutdown), or off (no folder). */
export type CodeCacheState = 'off' | 'missing' | 'used' | 'rejected' | 'written';

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

/** Every Server Action and Route Handler of the workspace's apps: the "Next.js Endpoints" view. */
export const ENDPOINTS_REQUEST = 'nextActionAdvisor/endpoints';

export interface EndpointsResult {
  /** Apps relative to the first workspace folder; each row with where it is declared. */
  endpoints: (InventoryRow & { uri: string; position: { line: number; character: number } })[];
}

/** Sent by the server when the inventory may have changed (debounced): the view asks again. */
export const ENDPOINTS_CHANGED_NOTIFICATION = 'nextActionAdvisor/endpointsChanged';

/** `nextActionAdvisor.codeLens`: every lens, the counting ones only, or none. */
export type CodeLensSetting = 'all' | 'counts' | 'off';

/** `nextActionAdvisor.problems`: the findings of the open files only, or of every file of the workspace. */
export type ProblemsSetting = 'openFiles' | 'workspace';

/**
 * The findings of every file, in the workspace diagnostics from now on, whatever `nextActionAdvisor.problems`
 * says (until it changes). Answers what was found.
 */
export const CHECK_WORKSPACE_REQUEST = 'nextActionAdvisor/checkWorkspace';

export interface CheckWorkspaceResult {
  /** The files analysed. */
  files: number;
  filesWithFindings: number;
  findings: number;
}

/** The path of the extension's URI that opens a rule's page: `vscode://<extension>/rule?id=<rule>`. */
export const RULE_PAGE_PATH = '/rule';

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  settings?: unknown;
  /** The editor's storage folder for this workspace, where the facts cache lives. */
  cacheFolder?: string;
  /** The client runs `COMMANDS.openFile`: a refactor then opens the file it creates. */
  openFileCommand?: boolean;
  /** Rule links as the editor opens them in place, with `{id}` for the rule (else the page's file). */
  ruleLink?: string;
}
