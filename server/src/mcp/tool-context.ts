import * as path from 'node:path';
import { SOURCE_EXTENSIONS } from '../analysis/facts/parse';
import { isWithin, normalizePath } from '../analysis/project/paths';
import { displayPath } from '../cli/reporters/locations';
import type { Session } from '../workspace/session';

/** What every tool reads: the warm session of the workspace the server was started in. */
export interface ToolContext {
  session: Session;
  /** The workspace folder: tools take and give paths relative to it. */
  root: string;
  docsUrl: (ruleId: string) => string;
  /** Started with `--allow-write`: `refactor` may write its changes to disk. */
  allowWrite: boolean;
  /** What reading the configuration told: a tsconfig or next.config that could not be read, a wrong setting. */
  notices: readonly string[];
}

/**
 * A path a tool was given, relative to the workspace (or absolute inside it), as the index knows it;
 * anything outside the workspace, or missing, is refused with the reason.
 */
export function workspacePath(context: ToolContext, given: string): string {
  const { fs } = context.session;
  const full = fs.realPath(normalizePath(path.resolve(context.root, given)));
  if (!isWithin(context.root, full)) throw new Error(`${given} is outside the workspace ${context.root}: paths are relative to it.`);
  if (!fs.fileExists(full) && !fs.directoryExists(full)) throw new Error(`No such file or folder in the workspace: ${given}`);
  return full;
}

/** A path as the tools answer it: relative to the workspace, with forward slashes. */
export function shownPath(context: ToolContext, file: string): string {
  return displayPath(context.root, file);
}

/** A source file of the index at a path given by the user, or the reason it is none. */
export function sourceFile(context: ToolContext, given: string): string {
  const file = workspacePath(context, given);
  if (!context.session.fs.fileExists(file)) throw new Error(`${given} is a folder; give a file.`);
  const facts = context.session.analyzer.index.facts(file);
  if (!facts) throw new Error(`${given} is not a source file of a Next.js app (${SOURCE_EXTENSIONS.join(', ')}, outside node_modules and ignored folders).`);
  if (facts.skipped === 'binary') throw new Error(`${given} holds binary data, not source code; it is not analysed.`);
  if (facts.skipped === 'too-large') throw new Error(`${given} is larger than ${context.session.settings.maxFileSize} bytes; it is not analysed.`);
  return file;
}
