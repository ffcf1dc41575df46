import { runAsFactWorker } from '../workspace/fact-worker';
import { NodeFileSystem } from '../workspace/node-file-system';
import { docsUrlFor, versionFrom } from '../install-location';
import { parseArgs, USAGE } from './args';
import { check } from './check';
import { exitCodeFor, summarize } from './summary';
import { formatJson } from './reporters/json';
import { formatPretty } from './reporters/pretty';
import { formatSarif } from './reporters/sarif';


async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.command === 'help') return print(USAGE, 0);
  if (parsed.command === 'version') return print(versionFrom(__dirname), 0);
  if (parsed.command === 'error') {
    process.stderr.write(`next-action-advisor: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const fs = new NodeFileSystem();
  const missing = parsed.options.paths.filter((p) => !fs.fileExists(p) && !fs.directoryExists(p));
  if (missing.length > 0) {
    process.stderr.write(`next-action-advisor: no such file or folder: ${missing.join(', ')}\n`);
    return 2;
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
