import * as vscode from 'vscode';

/** One output channel for the client and the server; it never opens by itself. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Next.js Action Advisor', { log: true });
}
