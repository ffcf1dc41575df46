/** Names shared by the client, the server and the tests. */
export const EXTENSION_ID = 'next-action-advisor';
export const DIAGNOSTIC_SOURCE = 'next-action-advisor';
export const SETTINGS_SECTION = 'nextActionAdvisor';
export const PROJECT_SETTINGS_FILE = 'next-action-advisor.json';

export const COMMANDS = {
  restartServer: 'nextActionAdvisor.restartServer',
  showOutput: 'nextActionAdvisor.showOutput',
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

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  settings?: unknown;
  /** The editor's storage folder for this workspace, where the facts cache lives. */
  cacheFolder?: string;
  /** The client runs `COMMANDS.openFile`: a refactor then opens the file it creates. */
  openFileCommand?: boolean;
}
