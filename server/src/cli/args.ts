import { QUESTIONS, type QuestionId } from '../analysis/decide/questions';
import { RULE_IDS } from '../analysis/rules';
import type { RefactorKind } from '../analysis/fixes/refactor';
import { SEVERITY_SETTINGS } from '../analysis/settings';

export type Format = 'pretty' | 'json' | 'sarif';

export interface CheckOptions {
  paths: string[];
  format: Format;
  rules: Record<string, string>;
  maxWarnings: number;
}

export interface RefactorOptions {
  kind: RefactorKind;
  file: string;
  line: number;
}

export interface DecideOptions {
  /** The function at `file:line`, when given. */
  location: { file: string; line: number } | null;
  answers: Record<string, string>;
  format: 'text' | 'json';
}

export interface ScaffoldOptions {
  name: string;
  variant: 'action' | 'route' | 'both';
  /** A folder in the app the code goes into. */
  app: string;
}

export type Parsed =
  | { command: 'check'; options: CheckOptions }
  | { command: 'refactor'; options: RefactorOptions }
  | { command: 'decide'; options: DecideOptions }
  | { command: 'scaffold'; options: ScaffoldOptions }
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'error'; message: string };

export const USAGE = `Usage: next-action-advisor check [paths…] [options]
       next-action-advisor refactor <extract-service|to-route|to-action> <file>:<line> [--keep-action|--rewrite-callers|--remove-route]
       next-action-advisor decide [<file>:<line>] [--answers <question>=<answer>…] [--format text|json]
       next-action-advisor scaffold <name> --variant action|route|both [--app <folder>]

Finds Server Actions that should be Route Handlers (and the reverse) in Next.js apps.
\`refactor\` applies one refactor to the action or route handler at that line and prints the files
it created and changed: extract-service moves its data logic into lib/<domain>/service.ts,
to-route turns an action into app/api/<name>/route.ts (with --keep-action, the action stays too;
with --rewrite-callers, the app's calls of it become fetches of the route),
to-action turns a route handler that only this app fetches into an action and rewrites those fetches
(with --remove-route, the route file goes too, when it held only that handler).
\`decide\` answers "Server Action or Route Handler?" for the action or route handler at that line (its
answers read from the code) or for the answers given; it lists the questions still open, and exits
with 1 while any is.
\`scaffold\` writes new code where the decision put it: a service and its Server Action, its Route
Handler, or both, named after <name> (a verb and a noun: createInvoice), in the app of --app (default: .).

Options of check:
  --format pretty|json|sarif   output format (default: pretty)
  --rule <id>=<severity>       set a rule's severity: off, hint, info, warning, error (repeatable)
  --max-warnings <n>           exit with 1 when there are more than n warnings (default: no limit)
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage.
Settings are read from next-action-advisor.json in each checked folder.`;

export function parseArgs(argv: string[]): Parsed {
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help') return { command: 'help' };
  if (args[0] === '-v' || args[0] === '--version') return { command: 'version' };
  if (args[0] === 'refactor') return parseRefactor(args.slice(1));
  if (args[0] === 'decide') return parseDecide(args.slice(1));
  if (args[0] === 'scaffold') return parseScaffold(args.slice(1));
  if (args[0] === 'check') args.shift();
  const paths: string[] = [];
  let format: Format = 'pretty';
  const rules: Record<string, string> = {};
  let maxWarnings = Infinity;
  while (args.length > 0) {
    const arg = args.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--rule=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args.shift();
    if (flag === '-h' || flag === '--help') return { command: 'help' };
    if (flag === '--format') {
      const v = value();
      if (v !== 'pretty' && v !== 'json' && v !== 'sarif') return { command: 'error', message: `--format takes pretty, json or sarif, not ${v ?? 'nothing'}` };
      format = v;
    } else if (flag === '--rule' || flag.startsWith('--rule=')) {
      const v = flag.startsWith('--rule=') ? flag.slice('--rule='.length) : value();
      const [id, severity] = (v ?? '').split('=');
      if (!id || !RULE_IDS.includes(id)) return { command: 'error', message: `unknown rule ${id ?? ''}; rules: ${RULE_IDS.join(', ')}` };
      if (!severity || !SEVERITY_SETTINGS.includes(severity as never)) return { command: 'error', message: `--rule ${id}= takes one of ${SEVERITY_SETTINGS.join(', ')}` };
      rules[id] = severity;
    } else if (flag === '--max-warnings') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return { command: 'error', message: '--max-warnings takes a whole number' };
      maxWarnings = n;
    } else if (flag.startsWith('-')) return { command: 'error', message: `unknown option ${flag}` };
    else paths.push(arg);
  }
  return check(paths.length > 0 ? paths : ['.'], format, rules, maxWarnings);
}

const REFACTOR_NAMES = ['extract-service', 'to-route', 'to-action'] as const;

function parseRefactor(args: string[]): Parsed {
  const keep = args.includes('--keep-action');
  const rewrite = args.includes('--rewrite-callers');
  const remove = args.includes('--remove-route');
  const rest = args.filter((a) => a !== '--keep-action' && a !== '--rewrite-callers' && a !== '--remove-route');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) return { command: 'error', message: `unknown option ${unknown}` };
  const [name, location, extra] = rest;
  if (!REFACTOR_NAMES.includes(name as never)) return { command: 'error', message: `refactor takes one of ${REFACTOR_NAMES.join(', ')}, not ${name ?? 'nothing'}` };
  if (extra !== undefined) return { command: 'error', message: `refactor takes one location, not also ${extra}` };
  const match = /^(.+):(\d+)$/.exec(location ?? '');
  if (!match) return { command: 'error', message: 'refactor takes a location as <file>:<line>' };
  if ((keep || rewrite) && name !== 'to-route') return { command: 'error', message: `${keep ? '--keep-action' : '--rewrite-callers'} goes with to-route` };
  if (keep && rewrite) return { command: 'error', message: '--keep-action and --rewrite-callers exclude each other' };
  if (remove && name !== 'to-action') return { command: 'error', message: '--remove-route goes with to-action' };
  const kind: RefactorKind = name === 'to-route' ? (keep ? 'to-route-keep-action' : rewrite ? 'to-route-rewrite-callers' : 'to-route') : name === 'to-action' && remove ? 'to-action-remove-route' : (name as RefactorKind);
  return { command: 'refactor', options: { kind, file: match[1]!, line: Number(match[2]) } };
}

function parseDecide(args: string[]): Parsed {
  let location: DecideOptions['location'] = null;
  let format: DecideOptions['format'] = 'text';
  const answers: Record<string, string> = {};
  let inAnswers = false;
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--answers') inAnswers = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const v = arg.includes('=') ? arg.slice('--format='.length) : args.shift();
      if (v !== 'text' && v !== 'json') return { command: 'error', message: `--format takes text or json, not ${v ?? 'nothing'}` };
      format = v;
      inAnswers = false;
    } else if (arg.startsWith('-')) return { command: 'error', message: `unknown option ${arg}` };
    else if (inAnswers) {
      const [id, value] = arg.split('=');
      const question = id !== undefined && Object.hasOwn(QUESTIONS, id) ? QUESTIONS[id as QuestionId] : undefined;
      if (!question) return { command: 'error', message: `--answers takes <question>=<answer> with a question among ${Object.keys(QUESTIONS).join(', ')}, not ${arg}` };
      if (!question.options.some((o) => o.value === value)) return { command: 'error', message: `${id} takes ${question.options.map((o) => o.value).join(', ')}, not ${value ?? 'nothing'}` };
      answers[id as QuestionId] = value!;
    } else {
      const match = /^(.+):(\d+)$/.exec(arg);
      if (!match || location) return { command: 'error', message: 'decide takes at most one location, as <file>:<line>' };
      location = { file: match[1]!, line: Number(match[2]) };
    }
  }
  return { command: 'decide', options: { location, answers, format } };
}

function parseScaffold(args: string[]): Parsed {
  let variant: string | undefined;
  let app = '.';
  const names: string[] = [];
  while (args.length > 0) {
    const arg = args.shift()!;
    if (arg === '--variant') variant = args.shift();
    else if (arg === '--app') app = args.shift() ?? '';
    else if (arg.startsWith('-')) return { command: 'error', message: `unknown option ${arg}` };
    else names.push(arg);
  }
  if (names.length !== 1) return { command: 'error', message: 'scaffold takes one name, like createInvoice' };
  if (variant !== 'action' && variant !== 'route' && variant !== 'both') return { command: 'error', message: `--variant takes action, route or both, not ${variant ?? 'nothing'}` };
  return { command: 'scaffold', options: { name: names[0]!, variant, app } };
}

function check(paths: string[], format: Format, rules: Record<string, string>, maxWarnings: number): Parsed {
  return { command: 'check', options: { paths, format, rules, maxWarnings } };
}
