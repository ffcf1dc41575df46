// `npm run bench`: the bundled server over stdio on a generated monorepo, the checker, the parse floor
// and ESLint with @next/eslint-plugin-next on the same files, in one run. Prints a table with the
// budgets and ratios, and writes bench/results.json.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TestClient } from '../test/support/lsp-client';
import { walkSourceFiles } from '../server/src/analysis/project/source-walker';
import { NodeFileSystem } from '../server/src/workspace/node-file-system';
import { CALLER_FILE, DEFAULTS, generate, LARGE_ACTION_FILE } from './generate';
import { nameSpot, statementSpot, typeAndDelete } from './keystrokes';
import { parseAndWalk } from './parse-floor-worker.mjs';

const ROOT = path.resolve(__dirname, '..');
/** BENCH_WORKSPACE and BENCH_FILE: the same start, keystroke and memory figures on a real checkout. */
const REAL = process.env.BENCH_WORKSPACE ? path.resolve(process.env.BENCH_WORKSPACE) : null;
const WORKSPACE = REAL ?? path.join(__dirname, 'workspace');
const KEYSTROKE_FILE = (REAL && process.env.BENCH_FILE) || LARGE_ACTION_FILE;
const EDITS = Number(process.env.BENCH_EDITS ?? 200);

interface Figures {
  [key: string]: number | string | Record<string, number>;
}

function stats(values: number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

function rssOf(pid: number): { rssMB: number; peakMB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMB: field('VmRSS'), peakMB: field('VmHWM') };
}

function ensureWorkspace(): { files: number; lines: number } {
  const stamp = path.join(WORKSPACE, '.stamp.json');
  const wanted = JSON.stringify({ ...DEFAULTS, generator: fs.statSync(path.join(__dirname, 'generate.ts')).mtimeMs });
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').startsWith(wanted.slice(0, -1))) return JSON.parse(fs.readFileSync(stamp, 'utf8')).result;
  const result = generate({ root: WORKSPACE, ...DEFAULTS });
  fs.writeFileSync(stamp, JSON.stringify({ ...JSON.parse(wanted), result }));
  return result;
}

/** Reading and parsing every file once, with one walk over each tree, on one thread: the floor. */
function parseFloor(files: string[]): number {
  const started = performance.now();
  for (const file of files) parseAndWalk(file);
  return performance.now() - started;
}

/**
 * The same work on two threads, the files handed out 40 at a time as the scan's workers take them:
 * from starting the threads to the last answer, TypeScript's load in each included. What the cold
 * index and the checker could take if their facts, links and rules cost nothing.
 */
async function twoThreadParseFloor(files: string[]): Promise<{ ms: number; startMs: number }> {
  const started = performance.now();
  let next = 0;
  let ready = 0;
  const workers = [0, 1].map(() => new Worker(path.join(__dirname, 'parse-floor-worker.mjs')));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('message', (answer: number | 'ready') => {
            if (answer === 'ready') ready = Math.max(ready, performance.now() - started);
            if (next >= files.length) return resolve();
            worker.postMessage(files.slice(next, next + 40));
            next += 40;
          });
        }),
    ),
  );
  const ms = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return { ms, startMs: ready };
}

async function floors(figures: Figures): Promise<void> {
  const files = walkSourceFiles(new NodeFileSystem(), WORKSPACE);
  figures.parseFloorMs = parseFloor(files);
  const twoThreads = await twoThreadParseFloor(files);
  figures.parseFloorTwoThreadsMs = twoThreads.ms;
  figures.parseFloorTwoThreadsStartMs = twoThreads.startMs;
}

async function serverRun(cacheFolder: string, figures: Figures, label: 'cold' | 'warm'): Promise<void> {
  const spawned = performance.now();
  const client = await TestClient.start({ root: WORKSPACE, initializationOptions: { cacheFolder } });
  await client.open(KEYSTROKE_FILE);
  await client.diagnostics(KEYSTROKE_FILE);
  const firstDiagnostics = performance.now();
  await client.waitFor(() => client.indexedStats !== null, 'the initial scan', 120_000);
  const indexedAt = performance.now();
  const pid = await client.serverPid();
  figures[`${label}.firstDiagnosticsFromSpawnMs`] = firstDiagnostics - spawned;
  figures[`${label}.firstDiagnosticsFromInitializeMs`] = firstDiagnostics - client.initializeSentAt;
  figures[`${label}.indexMs`] = indexedAt - spawned;
  figures[`${label}.indexReportedMs`] = client.indexedStats!.milliseconds;
  figures[`${label}.fromCache`] = client.indexedStats!.fromCache;
  figures[`${label}.parsed`] = client.indexedStats!.parsed;
  if (label === 'warm') {
    await client.stop();
    return;
  }
  const afterIndex = rssOf(pid);
  figures['memory.afterIndexMB'] = afterIndex.rssMB;

  // Keystrokes: type and delete a space inside a function body, pulling the file's diagnostics each
  // time. (Then, once memory is measured, a letter at the end of a name, which changes the code.)
  const text = fs.readFileSync(path.join(WORKSPACE, KEYSTROKE_FILE), 'utf8');
  const spot = statementSpot(text, REAL !== null);
  const name = spot && nameSpot(text, spot);
  if (!spot || !name) throw new Error(`no statement to type in, in ${KEYSTROKE_FILE}`);
  figures.keystrokeMs = stats(await typeAndDelete(client, KEYSTROKE_FILE, spot, ' ', EDITS));
  const codeKeystrokes = async () => {
    figures.codeKeystrokeMs = stats(await typeAndDelete(client, KEYSTROKE_FILE, name, 'x', EDITS));
  };
  if (REAL) {
    figures['memory.steadyMB'] = rssOf(pid).rssMB;
    figures['memory.peakMB'] = rssOf(pid).peakMB;
    await codeKeystrokes();
    await client.stop();
    return;
  }

  // Dependents: an edit in an action that a client component calls in an effect, until the caller's
  // file has been refreshed (the refresh request, then its diagnostics). The edit makes the action
  // write, so the caller's finding goes, and back.
  const caller = fs.readFileSync(path.join(WORKSPACE, CALLER_FILE), 'utf8');
  await client.open(CALLER_FILE, caller);
  await client.diagnostics(CALLER_FILE);
  const actions = fs.readFileSync(path.join(WORKSPACE, KEYSTROKE_FILE), 'utf8');
  const read = 'export async function loadProjects(ownerId: string) {\n  return db.project.findMany';
  const writing = actions.replace(read, 'export async function loadProjects(ownerId: string) {\n  await db.project.updateMany({ where: { ownerId }, data: {} })\n  return db.project.findMany');
  if (writing === actions) throw new Error('the action file has no read action to edit');
  const refreshLatencies: number[] = [];
  for (let i = 0; i < 20; i++) {
    const refreshes = client.refreshes;
    const started = performance.now();
    await client.change(KEYSTROKE_FILE, i % 2 === 0 ? writing : actions);
    await client.waitFor(() => client.refreshes > refreshes, `a refresh of dependents (edit ${i})`);
    const effect = (await client.diagnostics(CALLER_FILE)).some((d) => d.code === 'action-called-in-effect');
    refreshLatencies.push(performance.now() - started);
    if (effect !== (i % 2 === 1)) throw new Error('the dependent file was not refreshed correctly');
  }
  figures.dependentsRefreshMs = stats(refreshLatencies);
  const steady = rssOf(pid);
  figures['memory.steadyMB'] = steady.rssMB;
  figures['memory.heapMB'] = ((await client.connection.sendRequest('nextActionAdvisor/status')) as { heapMB: number }).heapMB;
  figures['memory.peakMB'] = steady.peakMB;
  await codeKeystrokes();
  // What a user sitting in the editor keeps: the server collects once edits have settled.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  figures['memory.idleMB'] = rssOf(pid).rssMB;
  await client.stop();
}

function checkerRun(figures: Figures): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', WORKSPACE, '--format', 'json'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  figures.checkerMs = performance.now() - started;
  figures.checkerFindings = JSON.parse(result.stdout).summary.total;
}

function eslintRun(figures: Figures): void {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'eslint-run.mjs'), WORKSPACE, KEYSTROKE_FILE, String(EDITS)], { encoding: 'utf8', cwd: ROOT });
  if (result.status !== 0) throw new Error(`ESLint run failed: ${result.stderr}`);
  const eslint = JSON.parse(result.stdout) as { files: number; fullMs: number; latencies: number[]; rssMB: number };
  figures['eslint.fullMs'] = eslint.fullMs;
  figures['eslint.perFileMs'] = eslint.fullMs / eslint.files;
  figures['eslint.keystrokeMs'] = stats(eslint.latencies);
  figures['eslint.rssMB'] = eslint.rssMB;
}

/**
 * The least a ratio can be on this machine where one is known: the checker and the cold index parse
 * every file with TypeScript's parser on two threads, so neither can take less than that floor.
 */
const twoThreadBound = (f: Figures): number => num(f, 'parseFloorTwoThreadsMs') / num(f, 'parseFloorMs');

/** The goals, as ratios within one run: absolute times on these machines vary by up to 2× between runs. */
const GOALS: { name: string; measure: string; goal: string; meets: (value: number) => boolean; value: (f: Figures) => number; least?: (f: Figures) => number }[] = [
  { name: 'keystrokeEslintOverOurs', measure: 'keystroke: ESLint median / ours', goal: '≥ 10×', meets: (v) => v >= 10, value: (f) => median(f, 'eslint.keystrokeMs') / median(f, 'keystrokeMs') },
  { name: 'checkerOverFloor', measure: 'checker / one-thread parse floor', goal: '≤ 1.1', meets: (v) => v <= 1.1, value: (f) => num(f, 'checkerMs') / num(f, 'parseFloorMs'), least: twoThreadBound },
  { name: 'coldIndexOverFloor', measure: 'cold index / one-thread parse floor', goal: '≤ 0.6', meets: (v) => v <= 0.6, value: (f) => num(f, 'cold.indexReportedMs') / num(f, 'parseFloorMs'), least: twoThreadBound },
  { name: 'warmOverColdFirstDiagnostics', measure: 'warm first diagnostics / cold first diagnostics', goal: '≤ 1', meets: (v) => v <= 1, value: (f) => num(f, 'warm.firstDiagnosticsFromInitializeMs') / num(f, 'cold.firstDiagnosticsFromInitializeMs') },
  { name: 'warmOverColdIndex', measure: 'warm index / cold index', goal: '≤ 0.15', meets: (v) => v <= 0.15, value: (f) => num(f, 'warm.indexReportedMs') / num(f, 'cold.indexReportedMs') },
  { name: 'steadyRssMB', measure: 'steady RSS after the index (MB)', goal: '≤ 250', meets: (v) => v <= 250, value: (f) => num(f, 'memory.steadyMB') },
];

function num(figures: Figures, key: string): number {
  return figures[key] as number;
}

function median(figures: Figures, key: string): number {
  return (figures[key] as { median: number }).median;
}

/** The goals' ratios as named figures (`ratios.<name>`), with whether each is met and, where known, the least it can be here. */
function ratios(figures: Figures): Record<string, { value: number; goal: string; met: boolean; leastHere?: number }> {
  const rounded = (v: number) => Number(v.toFixed(3));
  return Object.fromEntries(
    GOALS.map((g) => [g.name, { value: rounded(g.value(figures)), goal: g.goal, met: g.meets(g.value(figures)), ...(g.least ? { leastHere: rounded(g.least(figures)) } : {}) }]),
  );
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length), 8));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)];
}

function report(figures: Figures, workspace: { files: number; lines: number }): string {
  const n = (key: string) => figures[key] as number;
  const s = (key: string) => figures[key] as { median: number; p95: number; max: number };
  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
  const ok = (pass: boolean) => (pass ? 'met' : 'NOT met');
  const rows: [string, string, string, string][] = [
    ['keystroke → diagnostics, median', ms(s('keystrokeMs').median), '≤ 10 ms', ok(s('keystrokeMs').median <= 10)],
    ['keystroke → diagnostics, p95 / max', `${ms(s('keystrokeMs').p95)} / ${ms(s('keystrokeMs').max)}`, '≤ 30 ms', ok(s('keystrokeMs').p95 <= 30)],
    ['keystroke that changes the code, median / p95', `${ms(s('codeKeystrokeMs').median)} / ${ms(s('codeKeystrokeMs').p95)}`, '', `ESLint ${(s('eslint.keystrokeMs').median / s('codeKeystrokeMs').median).toFixed(1)}× it`],
    ['ESLint per keystroke, median / p95', `${ms(s('eslint.keystrokeMs').median)} / ${ms(s('eslint.keystrokeMs').p95)}`, '', `${(s('eslint.keystrokeMs').median / s('keystrokeMs').median).toFixed(1)}× ours`],
    ['dependents refreshed, median / p95', `${ms(s('dependentsRefreshMs').median)} / ${ms(s('dependentsRefreshMs').p95)}`, '≤ 50 ms', ok(s('dependentsRefreshMs').p95 <= 50)],
    ['cold: first diagnostics from initialize', ms(n('cold.firstDiagnosticsFromInitializeMs')), '≤ 0.5 s', ok(n('cold.firstDiagnosticsFromInitializeMs') <= 500)],
    ['cold: first diagnostics from process spawn', ms(n('cold.firstDiagnosticsFromSpawnMs')), '', ''],
    ['cold: whole index (server-reported)', ms(n('cold.indexReportedMs')), '≤ 3 s', ok(n('cold.indexReportedMs') <= 3000)],
    ['warm start from cache: whole index', ms(n('warm.indexReportedMs')), '≤ 0.7 s', ok(n('warm.indexReportedMs') <= 700)],
    ['memory: steady RSS / peak / JS heap', `${n('memory.steadyMB').toFixed(0)} / ${n('memory.peakMB').toFixed(0)} / ${n('memory.heapMB').toFixed(0)} MB`, '≤ 250 MB', ok(n('memory.steadyMB') <= 250)],
    ['memory: RSS 3 s after the last edit', `${n('memory.idleMB').toFixed(0)} MB`, '', ''],
    ['checker over the workspace', ms(n('checkerMs')), `≤ 1.3× floor (${ms(1.3 * n('parseFloorMs'))})`, `${(n('checkerMs') / n('parseFloorMs')).toFixed(2)}× floor, ${ok(n('checkerMs') <= 1.3 * n('parseFloorMs'))}`],
    ['parse floor: read + parse + walk, one thread', ms(n('parseFloorMs')), '', ''],
    ['the same on two threads (their start included)', ms(n('parseFloorTwoThreadsMs')), '', `${(n('parseFloorMs') / n('parseFloorTwoThreadsMs')).toFixed(2)}× faster; the threads ready after ${ms(n('parseFloorTwoThreadsStartMs'))}`],
    ['ESLint over the workspace', ms(n('eslint.fullMs')), '', `${(n('eslint.fullMs') / n('checkerMs')).toFixed(2)}× our checker`],
    ['ESLint per file / memory', `${ms(n('eslint.perFileMs'))} / ${n('eslint.rssMB').toFixed(0)} MB`, '', ''],
  ];
  const goals = GOALS.map((g) => {
    const value = g.value(figures);
    return [g.measure, value.toFixed(2), g.goal, ok(g.meets(value)), g.least ? g.least(figures).toFixed(2) : ''];
  });
  return [
    `Workspace: ${workspace.files} files, ${workspace.lines} lines (seed ${DEFAULTS.seed}); ${os.cpus().length} cores, node ${process.version}; ${EDITS} keystrokes`,
    ...table([['measure', 'figure', 'budget', 'verdict'], ...rows]),
    '',
    'Goals, as ratios within this run ("least here": TypeScript\'s parser alone on two threads, over the one-thread floor):',
    ...table([['ratio', 'value', 'goal', 'verdict', 'least here'], ...goals]),
  ].join('\n');
}

/** The figures of a real checkout: no generated cases to follow, no ESLint configuration of ours. */
function realReport(figures: Figures): string {
  const n = (key: string) => figures[key] as number;
  const k = figures.keystrokeMs as { median: number; p95: number };
  const c = figures.codeKeystrokeMs as { median: number; p95: number };
  return [
    `${WORKSPACE}: ${n('cold.parsed')} files parsed; keystrokes in ${KEYSTROKE_FILE}`,
    ...table([
      ['measure', 'figure'],
      ['cold: first diagnostics from initialize', `${n('cold.firstDiagnosticsFromInitializeMs').toFixed(0)} ms`],
      ['cold: whole index', `${n('cold.indexReportedMs').toFixed(0)} ms`],
      ['warm: first diagnostics from initialize', `${n('warm.firstDiagnosticsFromInitializeMs').toFixed(0)} ms`],
      ['warm: whole index', `${n('warm.indexReportedMs').toFixed(0)} ms`],
      ['keystroke → diagnostics, median / p95', `${k.median.toFixed(1)} / ${k.p95.toFixed(1)} ms`],
      ['keystroke that changes the code, median / p95', `${c.median.toFixed(1)} / ${c.p95.toFixed(1)} ms`],
      ['memory after the index / steady / peak', `${n('memory.afterIndexMB').toFixed(0)} / ${n('memory.steadyMB').toFixed(0)} / ${n('memory.peakMB').toFixed(0)} MB`],
      ['checker', `${n('checkerMs').toFixed(0)} ms`],
      ['parse floor, one thread', `${n('parseFloorMs').toFixed(0)} ms`],
      ['parse floor, two threads', `${n('parseFloorTwoThreadsMs').toFixed(0)} ms`],
    ]),
  ].join('\n');
}

async function main(): Promise<void> {
  if (REAL) {
    const figures: Figures = {};
    await floors(figures);
    const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-bench-cache-'));
    await serverRun(cacheFolder, figures, 'cold');
    await serverRun(cacheFolder, figures, 'warm');
    checkerRun(figures);
    fs.rmSync(cacheFolder, { recursive: true, force: true });
    console.log(realReport(figures));
    return;
  }
  const workspace = ensureWorkspace();
  const figures: Figures = {};
  await floors(figures);
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-bench-cache-'));
  await serverRun(cacheFolder, figures, 'cold');
  await serverRun(cacheFolder, figures, 'warm');
  checkerRun(figures);
  eslintRun(figures);
  fs.rmSync(cacheFolder, { recursive: true, force: true });
  const table = report(figures, workspace);
  console.log(table);
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), workspace, figures: { ...figures, ratios: ratios(figures) } }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
