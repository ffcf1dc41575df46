import { parseArgs, type ParseArgsConfig } from 'node:util';

export const PROGRAM = 'next-action-advisor';

/** An option as a command declares it: how `util.parseArgs` reads it, and how the help shows it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The values it may take; any other is a usage error. */
  choices?: readonly string[];
  default?: string;
  /** Its value in the help, when `choices` do not say it: `<n>`. */
  value?: string;
  /** Given more than once, it keeps every value. */
  multiple?: boolean;
  /** The words after it, up to the next option, are its values too: `--answers a=1 b=2`. */
  gathers?: boolean;
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

type Chosen<S extends OptionSpec> = S extends { choices: readonly (infer C)[] } ? C : string;
type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' } ? boolean : S extends { multiple: true } ? string[] : S extends { default: string } ? Chosen<S> : Chosen<S> | undefined;
/** The options as a command reads them: each typed by its declaration. */
export type Values<O extends OptionSpecs> = { -readonly [K in keyof O]: ValueOf<O[K]> };

export interface CommandSpec<N extends string, O extends OptionSpecs, T> {
  name: N;
  /** One line, for the list of commands. */
  summary: string;
  /** What follows the command's name on the help's first line. */
  synopsis: string;
  /** What it does, in a paragraph. */
  description: string;
  arguments: [string, string][];
  options: O;
  exitCodes: [number, string][];
  /** The options the command runs with; throws a `UsageError` for arguments that make no sense. */
  read(values: Values<O>, positionals: string[]): T;
}

/** Arguments the command cannot run with: exit code 2, with this message. */
export class UsageError extends Error {}

/** What a command's arguments ask for: running it with these options, its help, or nothing (bad usage, with a hint). */
export type ParseResult<N extends string, T> = { command: N; options: T } | { command: 'help'; text: string } | { command: 'error'; message: string; hint: string };

export interface Command<N extends string, T> {
  name: N;
  summary: string;
  parse(args: string[]): ParseResult<N, T>;
}

/** Every command takes `-h, --help`. */
const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/** A command of the command line, from its declaration: its parser and its help. */
export function defineCommand<N extends string, const O extends OptionSpecs, T>(spec: CommandSpec<N, O, T>): Command<N, T> {
  const options: OptionSpecs = { ...spec.options, help: HELP };
  const help = helpOf(spec, options);
  return {
    name: spec.name,
    summary: spec.summary,
    parse(args) {
      try {
        const { values, positionals } = readArgs(args, options);
        if (values.help) return { command: 'help', text: help };
        for (const [name, o] of Object.entries(options)) checkChoice(name, values[name], o);
        return { command: spec.name, options: spec.read(values as Values<O>, positionals) };
      } catch (error) {
        return { command: 'error', message: explain(error, options), hint: `Run ${PROGRAM} ${spec.name} --help for its usage.` };
      }
    },
  };
}

type Value = string | boolean | string[] | undefined;

function readArgs(args: string[], options: OptionSpecs): { values: Record<string, Value>; positionals: string[] } {
  const config: ParseArgsConfig['options'] = {};
  for (const [name, o] of Object.entries(options)) config[name] = { type: o.type, multiple: o.multiple ?? false, ...(o.short ? { short: o.short } : {}) };
  const { tokens } = parseArgs({ args, options: config, strict: true, allowPositionals: true, tokens: true });
  const values: Record<string, Value> = {};
  for (const [name, o] of Object.entries(options)) values[name] = o.type === 'boolean' ? false : o.multiple ? [] : o.default;
  const positionals: string[] = [];
  let gathering: string | null = null;
  for (const token of tokens) {
    if (token.kind === 'option') {
      const o = options[token.name]!;
      if (o.type === 'boolean') values[token.name] = true;
      else if (o.multiple) (values[token.name] as string[]).push(token.value!);
      else values[token.name] = token.value;
      gathering = o.gathers ? token.name : null;
    } else if (token.kind === 'positional' && gathering) (values[gathering] as string[]).push(token.value);
    else if (token.kind === 'positional') positionals.push(token.value);
    else gathering = null;
  }
  return { values, positionals };
}

function checkChoice(name: string, value: Value, o: OptionSpec): void {
  if (o.choices && typeof value === 'string' && !o.choices.includes(value)) throw new UsageError(`--${name} takes ${orList(o.choices)}, not ${value}`);
}

/** `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A usage error's message; `util.parseArgs`'s own errors, told in this program's words. */
function explain(error: unknown, options: OptionSpecs): string {
  if (error instanceof UsageError) return error.message;
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('ERR_PARSE_ARGS_')) throw error;
  // Node quotes the option first: `Unknown option '--bogus'. …`, `Option '-h, --help' does not take an argument`.
  const flag = /'(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1];
  if (flag && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}`;
  const o = flag?.startsWith('--') ? options[flag.slice(2)] : undefined;
  if (!o) return error.message;
  return o.type === 'boolean' ? `${flag} takes no value` : `${flag} needs a value: ${flag} ${placeholder(o)}`;
}

function placeholder(o: OptionSpec): string {
  return o.choices?.join('|') ?? o.value ?? '<value>';
}

function helpOf(spec: Omit<CommandSpec<string, OptionSpecs, unknown>, 'options' | 'read'>, options: OptionSpecs): string {
  const optionRows = Object.entries(options).map(([name, o]): [string, string] => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${placeholder(o)}` : ''}`;
    const notes = [o.default !== undefined ? `default: ${o.default}` : '', o.multiple && !o.gathers ? 'repeatable' : ''].filter(Boolean);
    return [flag, notes.length > 0 ? `${o.description} (${notes.join('; ')})` : o.description];
  });
  const width = Math.max(...[...spec.arguments, ...optionRows].map(([left]) => left.length));
  const rows = (list: [string, string][]): string[] => list.map(([left, right]) => `  ${left.padEnd(width)}   ${right}`);
  return [
    `Usage: ${PROGRAM} ${spec.name} ${spec.synopsis}`,
    '',
    spec.description,
    ...(spec.arguments.length > 0 ? ['', 'Arguments:', ...rows(spec.arguments)] : []),
    '',
    'Options:',
    ...rows(optionRows),
    '',
    'Exit codes:',
    ...spec.exitCodes.map(([code, meaning]) => `  ${code}  ${meaning}`),
  ].join('\n');
}
