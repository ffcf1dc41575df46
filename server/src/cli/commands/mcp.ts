import { defineCommand, UsageError } from '../command-line';

export interface McpCommandOptions {
  /** The workspace folder as given (the working folder by default). */
  root: string;
  allowWrite: boolean;
  /** Keep the facts between runs, in the user's cache folder. */
  cache: boolean;
}

export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: 'serve the checks, the decision and the refactors to coding agents (Model Context Protocol, stdio)',
  synopsis: '[--root <folder>] [--allow-write] [--no-cache]',
  description: `Runs a Model Context Protocol server over stdin and stdout for coding agents (Claude Code, Codex,
VS Code, Cursor), with the tools check, decide, endpoints, explain_rule and refactor. It reads the
workspace once, keeps its index warm and re-reads the files that change on disk. It never runs the
project's code and makes no network call. Refactors are previewed as diffs; they are written to disk
only with --allow-write. The facts are kept between runs in the user's cache folder
($XDG_CACHE_HOME or ~/.cache, under next-action-advisor/), never in the project.`,
  arguments: [],
  options: {
    root: { type: 'string', value: '<folder>', description: 'the workspace: tools take paths relative to it (default: the working folder)' },
    'allow-write': { type: 'boolean', description: 'let the refactor tool write its changes to disk' },
    'no-cache': { type: 'boolean', description: 'read every file at start, and keep nothing between runs' },
  },
  exitCodes: [
    [0, 'the client closed the connection'],
    [2, 'bad usage, or a root that is not a folder'],
  ],
  read(values, positionals): McpCommandOptions {
    if (positionals.length > 0) throw new UsageError(`mcp takes no arguments, not ${positionals[0]}: give the workspace with --root`);
    return { root: values.root ?? '.', allowWrite: values['allow-write'], cache: !values['no-cache'] };
  },
});
