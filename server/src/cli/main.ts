import { runAsFactWorker } from '../workspace/fact-worker';
import { NodeFileSystem } from '../workspace/node-file-system';
import { docsUrlFor, userCacheFolder, versionFrom } from '../install-location';
import * as path from 'node:path';
import { decisionJson } from '../analysis/decide/decision-json';
import { decisionMarkdown } from '../analysis/decide/report';
import { parseArgs, type CheckOptions, type DecideOptions, type EndpointsOptions, type McpCommandOptions, type RefactorOptions } from './args';
import { serveMcp } from '../mcp/mcp-server';
import { normalizePath } from '../analysis/project/paths';
import { fixFindings } from './fix';
import { unifiedDiff } from './unified-diff';
import { writeTexts } from '../workspace/write-changes';
import { endpoints } from './endpoints';
import { endpointsJson, endpointsMarkdown, endpointsTable } from './reporters/endpoints';
import { decideAt } from './decide';
import { refactor, scaffold, type RefactorResult } from './refactor';
import { check } from './check';
import { exitCodeFor, summarize } from './summary';
import { formatJson } from './reporters/json';
import { formatPretty } from './reporters/pretty';
import { formatSarif } from './reporters/sarif';

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.command === 'help') return print(parsed.text, 0);
  if (parsed.command === 'version') return print(versionFrom(__dirname), 0);
  if (parsed.command === 'error') {
    process.stderr.write(`next-action-advisor: ${parsed.message}\n${parsed.hint}\n`);
    return 2;
  }
  const fs = new NodeFileSystem();
  if (parsed.command === 'refactor') return runRefactor(fs, parsed.options);
  if (parsed.command === 'decide') return runDecide(fs, parsed.options);
  if (parsed.command === 'scaffold') return printChanges(await scaffold(fs, parsed.options));
  if (parsed.command === 'mcp') return runMcp(fs, parsed.options);
  if (!allExist(fs, parsed.options.paths)) return 2;
  if (parsed.command === 'endpoints') return runEndpoints(fs, parsed.options);
  if (parsed.options.fix !== 'none') {
    // A dry run prints the diff only; after --fix, the findings left are reported as check reports them.
    if (await runFixes(fs, parsed.options)) return 0;
  }
  const result = await check(fs, parsed.options.paths, parsed.options.rules);
  for (const problem of result.problems) process.stderr.write(`next-action-advisor: ${problem}\n`);
  const cwd = process.cwd();
  const summary = summarize(result.findings);
  const context = { cwd, result, summary, docsUrl: docsUrlFor(__dirname), color: process.stdout.isTTY === true && !process.env.NO_COLOR };
  const output = parsed.options.format === 'json' ? formatJson(context) : parsed.options.format === 'sarif' ? formatSarif(context) : formatPretty(context);
  process.stdout.write(output);
  return exitCodeFor(summary, parsed.options.maxWarnings);
}

/**
 * The fixes: printed as a diff (answers `true`: nothing more to print), or written, said file by file
 * on stderr so that stdout keeps the report's format (JSON, SARIF).
 */
async function runFixes(fs: NodeFileSystem, options: CheckOptions): Promise<boolean> {
  const { applied, files } = await fixFindings(fs, options.paths, options.rules, options.fixRefactors);
  const shown = (p: string): string => path.relative(process.cwd(), p).split(path.sep).join('/') || p;
  if (options.fix === 'dry-run') {
    process.stdout.write([...files].map(([file, { before, after }]) => unifiedDiff(shown(file), before, after)).join(''));
    return true;
  }
  writeTexts(files);
  const byFile = new Map<string, string[]>();
  for (const fix of applied) byFile.set(fix.file, [...(byFile.get(fix.file) ?? []), `  ${fix.ruleId}: ${fix.title}`]);
  const lines = [...byFile].map(([file, fixes]) => `${shown(file)}\n${fixes.join('\n')}`);
  const created = [...files].filter(([, t]) => t.before === null).map(([f]) => `created ${shown(f)}`);
  process.stderr.write(applied.length === 0 ? 'next-action-advisor: nothing to fix\n' : `Fixed ${applied.length} finding${applied.length === 1 ? '' : 's'} in ${byFile.size} file${byFile.size === 1 ? '' : 's'}:\n${[...lines, ...created].join('\n')}\n`);
  return false;
}

/** Paths that do not exist are said on stderr. */
function allExist(fs: NodeFileSystem, paths: string[]): boolean {
  const missing = paths.filter((p) => !fs.fileExists(p) && !fs.directoryExists(p));
  if (missing.length > 0) process.stderr.write(`next-action-advisor: no such file or folder: ${missing.join(', ')}\n`);
  return missing.length === 0;
}

async function runEndpoints(fs: NodeFileSystem, options: EndpointsOptions): Promise<number> {
  const { rows, problems } = await endpoints(fs, options.paths, process.cwd());
  for (const problem of problems) process.stderr.write(`next-action-advisor: ${problem}\n`);
  process.stdout.write(options.format === 'json' ? endpointsJson(rows) : options.format === 'markdown' ? endpointsMarkdown(rows) : endpointsTable(rows));
  return 0;
}

async function runRefactor(fs: NodeFileSystem, options: RefactorOptions): Promise<number> {
  if (!fs.fileExists(options.file)) {
    process.stderr.write(`next-action-advisor: no such file: ${options.file}\n`);
    return 2;
  }
  return printChanges(await refactor(fs, options.kind, options.file, options.line));
}

/** What a refactor or a scaffold did: its title and the files, or its reason with exit code 1. */
function printChanges(result: RefactorResult): number {
  if (!result.ok) {
    process.stderr.write(`next-action-advisor: ${result.reason}\n`);
    return 1;
  }
  const shown = (p: string): string => path.relative(process.cwd(), p) || p;
  const lines = [result.title, ...result.created.map((p) => `created ${shown(p)}`), ...result.changed.map((p) => `changed ${shown(p)}`), ...result.deleted.map((p) => `deleted ${shown(p)}`)];
  return print(lines.join('\n'), 0);
}

async function runDecide(fs: NodeFileSystem, options: DecideOptions): Promise<number> {
  if (options.location && !fs.fileExists(options.location.file)) {
    process.stderr.write(`next-action-advisor: no such file: ${options.location.file}\n`);
    return 2;
  }
  const result = await decideAt(fs, options);
  if (!result.ok) {
    process.stderr.write(`next-action-advisor: ${result.reason}\n`);
    return 2;
  }
  const { decision } = result;
  const docsUrl = docsUrlFor(__dirname);
  const shown = (p: string): string => path.relative(process.cwd(), p) || p;
  const code = decision.recommendation ? 0 : 1;
  if (options.format === 'json') return print(JSON.stringify(decisionJson(decision, docsUrl, shown), null, 2), code);
  process.stdout.write(decisionMarkdown(decision, docsUrl, shown));
  return code;
}

/** Serves until the client closes stdin; the exit code is then set by the caller. */
async function runMcp(fs: NodeFileSystem, options: McpCommandOptions): Promise<number> {
  const root = normalizePath(fs.realPath(path.resolve(options.root)));
  if (!fs.directoryExists(root)) {
    process.stderr.write(`next-action-advisor: no such folder: ${options.root}\n`);
    return 2;
  }
  await serveMcp({ root, allowWrite: options.allowWrite, ...(options.cache ? { cacheFolder: userCacheFolder('mcp', root) } : {}) });
  return 0;
}

function print(text: string, code: number): number {
  process.stdout.write(`${text}\n`);
  return code;
}

if (!runAsFactWorker()) main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`next-action-advisor: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
