import { PROGRAM, type Command } from './command-line';
import { checkCommand } from './commands/check';
import { decideCommand } from './commands/decide';
import { endpointsCommand } from './commands/endpoints';
import { mcpCommand } from './commands/mcp';
import { refactorCommand } from './commands/refactor';
import { scaffoldCommand } from './commands/scaffold';

export type { CheckOptions, Format } from './commands/check';
export type { DecideOptions } from './commands/decide';
export type { EndpointsOptions } from './commands/endpoints';
export type { McpCommandOptions } from './commands/mcp';
export type { RefactorOptions } from './commands/refactor';
export type { ScaffoldOptions } from './commands/scaffold';

/** The commands, in the order the help lists them: a new one is declared in commands/ and added here. */
const COMMANDS = [checkCommand, endpointsCommand, refactorCommand, decideCommand, scaffoldCommand, mcpCommand] as const;

type Run<C> = C extends Command<infer N, infer T> ? { command: N; options: T } : never;

export type Parsed =
  | Run<(typeof COMMANDS)[number]>
  | { command: 'help'; text: string }
  | { command: 'version' }
  | { command: 'error'; message: string; hint: string };

const width = Math.max(...COMMANDS.map((c) => c.name.length));

export const USAGE = `Usage: ${PROGRAM} <command> [options]

Finds Server Actions that should be Route Handlers (and the reverse) in Next.js apps.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`).join('\n')}

Options:
  -h, --help      show this help
  -v, --version   show the version

Run ${PROGRAM} <command> --help for a command's arguments, options and exit codes.`;

export function parseArgs(argv: string[]): Parsed {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help') return { command: 'help', text: USAGE };
  if (first === '-v' || first === '--version') return { command: 'version' };
  const named = COMMANDS.find((c) => c.name === first);
  // Without a command's name the arguments are check's: `next-action-advisor src --format json`.
  return named ? named.parse(rest) : checkCommand.parse(argv);
}
