import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { unifiedDiff } from '../../server/src/cli/unified-diff';
import { tempCopy, type TempCopy } from '../support/temp-copy';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');

/** The bundled checker, run as a user runs it. */
function run(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The user's cache folder of the servers started here: never the real one. */
const CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-mcp-cache-'));
after(() => fs.rmSync(CACHE, { recursive: true, force: true }));

/** The MCP server started as an agent starts it, in `cwd`, reached through the SDK's own client over stdio. */
async function connect(cwd: string, args: string[] = [], log?: string[]): Promise<Client> {
  const client = new Client({ name: 'advisor-tests', version: '1.0.0' });
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', ...args], cwd, env: { ...process.env, XDG_CACHE_HOME: CACHE } as Record<string, string>, stderr: log ? 'pipe' : 'ignore' });
  transport.stderr?.on('data', (chunk: Buffer) => log?.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  await client.connect(transport);
  return client;
}

type Structured = Record<string, unknown>;

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Structured> {
  const result = await client.callTool({ name, arguments: args });
  assert.notEqual(result.isError, true, JSON.stringify(result.content));
  return result.structuredContent as Structured;
}

/** The text of a tool error; fails when the call succeeded. */
async function toolError(client: Client, name: string, args: Record<string, unknown>): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} should fail`);
  return (result.content as { type: string; text: string }[]).map((c) => c.text).join('\n');
}

/** Every file below `root`, by relative path: what "byte for byte" compares. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full));
  }
  return files;
}

describe('next-action-advisor mcp', () => {
  let client: Client;
  before(async () => {
    client = await connect(EXAMPLE);
  });
  after(async () => {
    await client.close();
  });

  it('lists the five tools, each with the schema of its input and of its result', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['check', 'decide', 'endpoints', 'explain_rule', 'refactor']);
    const inputs = Object.fromEntries(tools.map((t) => [t.name, { properties: Object.keys(t.inputSchema.properties ?? {}), required: t.inputSchema.required ?? [] }]));
    assert.deepEqual(inputs, {
      check: { properties: ['paths', 'limit'], required: ['paths'] },
      decide: { properties: ['location', 'answers'], required: [] },
      endpoints: { properties: ['paths'], required: [] },
      explain_rule: { properties: ['rule'], required: ['rule'] },
      refactor: { properties: ['kind', 'location', 'apply'], required: ['kind', 'location'] },
    });
    const check = tools.find((t) => t.name === 'check')!;
    assert.deepEqual((check.inputSchema.properties as Structured).paths, {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'Files or folders to check, relative to the workspace ("." for all of it). The whole app is still read, for callers and routes in other files.',
    });
    for (const tool of tools) assert.equal(tool.outputSchema?.type, 'object', `${tool.name} has an output schema`);
    assert.deepEqual(Object.keys(check.outputSchema!.properties ?? {}), ['files', 'summary', 'findings', 'omitted', 'problems']);
    assert.deepEqual(tools.map((t) => t.annotations?.readOnlyHint), [true, true, true, true, true], 'a server without --allow-write changes nothing');
  });

  it('check answers the findings of the checker on the example app, each with the fixes it is offered', async () => {
    const checked = await call(client, 'check', { paths: ['.'] });
    const cli = JSON.parse(run(['check', '.', '--format', 'json'], EXAMPLE).stdout) as Structured & { findings: Structured[] };
    const findings = checked.findings as (Structured & { fixes: { id: string; title: string }[] })[];
    assert.deepEqual(findings.map(({ fixes: _, ...rest }) => rest), cli.findings);
    assert.equal(checked.files, cli.files);
    assert.deepEqual(checked.summary, cli.summary);
    assert.deepEqual([checked.omitted, checked.problems], [0, []]);
    const webhook = findings.find((f) => f.ruleId === 'action-as-webhook')!;
    assert.deepEqual(webhook.fixes, [{ id: 'to-route', title: 'Convert "confirmPayment" to a route handler' }]);
    const advisory = findings.find((f) => f.ruleId === 'next-advisory')!;
    assert.deepEqual(advisory.fixes, [{ id: 'next-advisory/upgrade', title: 'Upgrade next to 16.2.6 (then reinstall)' }]);
  });

  it('check keeps the most severe findings within its limit, and counts them all', async () => {
    const all = (await call(client, 'check', { paths: ['.'] })).findings as Structured[];
    const limited = await call(client, 'check', { paths: ['.'], limit: 9 });
    const errors = all.filter((f) => f.severity === 'error');
    assert.equal(errors.length, 7);
    assert.deepEqual(limited.findings, all.filter((f) => errors.includes(f) || all.filter((w) => w.severity === 'warning').slice(0, 2).includes(f)));
    assert.deepEqual([limited.omitted, (limited.summary as Structured).total], [all.length - 9, all.length]);
  });

  it('check of one file gives the findings of that file only, found with the rest of its app', async () => {
    const checked = await call(client, 'check', { paths: ['src/app/billing/actions.ts'] });
    const cli = JSON.parse(run(['check', 'src/app/billing/actions.ts', '--format', 'json'], EXAMPLE).stdout) as { findings: Structured[] };
    assert.deepEqual((checked.findings as Structured[]).map(({ fixes: _, ...rest }) => rest), cli.findings);
    assert.deepEqual([...new Set((checked.findings as Structured[]).map((f) => f.file))], ['src/app/billing/actions.ts']);
  });

  it('decide answers what the decide command answers, for a function and for answers alone', async () => {
    for (const [args, input] of [
      [['decide', 'src/app/billing/actions.ts:7', '--format', 'json'], { location: 'src/app/billing/actions.ts:7' }],
      [['decide', 'src/app/projects/actions.ts:14', '--answers', 'callers=own-ui-and-others', '--format', 'json'], { location: 'src/app/projects/actions.ts:14', answers: { callers: 'own-ui-and-others' } }],
      [['decide', '--answers', 'callers=own-ui', 'operation=read', 'cdnCache=no', '--format', 'json'], { answers: { callers: 'own-ui', operation: 'read', cdnCache: 'no' } }],
    ] as const) {
      const decided = await call(client, 'decide', input);
      assert.deepEqual(decided, JSON.parse(run([...args], EXAMPLE).stdout), args.join(' '));
    }
    const webhook = await call(client, 'decide', { location: 'src/app/billing/actions.ts:7' });
    assert.deepEqual([(webhook.recommendation as Structured).choice, webhook.refactor], ['route-handler', { kind: 'to-route', title: 'Convert "confirmPayment" to a route handler' }]);
  });

  it('endpoints answers the inventory of the endpoints command', async () => {
    const listed = await call(client, 'endpoints', {});
    assert.deepEqual(listed, JSON.parse(run(['endpoints', '--format', 'json'], EXAMPLE).stdout));
    const billing = await call(client, 'endpoints', { paths: ['src/app/billing'] });
    assert.deepEqual((billing.endpoints as Structured[]).map((e) => `${e.kind} ${e.name} ${e.file}:${e.line}`), ['action confirmPayment src/app/billing/actions.ts:7']);
  });

  it("explain_rule answers the rule's page", async () => {
    const result = await client.callTool({ name: 'explain_rule', arguments: { rule: 'redirect-in-try' } });
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'redirect-in-try.md'), 'utf8');
    assert.deepEqual(result.content, [{ type: 'text', text: page }]);
    assert.deepEqual(result.structuredContent, { id: 'redirect-in-try', title: '`redirect()` or `notFound()` inside a `try` whose `catch` swallows it', defaultSeverity: 'error', docs: `file://${path.join(ROOT, 'docs', 'rules', 'redirect-in-try.md')}`, page });
  });

  it('answers bad input with a tool error that says what is wrong, and keeps serving', async () => {
    assert.equal(await toolError(client, 'check', { paths: ['../../package.json'] }), `../../package.json is outside the workspace ${EXAMPLE}: paths are relative to it.`);
    assert.equal(await toolError(client, 'check', { paths: ['src/missing'] }), 'No such file or folder in the workspace: src/missing');
    assert.equal(await toolError(client, 'decide', { location: 'src/app/layout.tsx:1' }), 'There is no Server Action or Route Handler at src/app/layout.tsx:1: give the line of one (its declaration or a line inside it), or answers alone.');
    assert.equal(await toolError(client, 'refactor', { kind: 'to-route', location: 'src/app/layout.tsx:1' }), 'The cursor is not inside a Server Action or a Route Handler.');
    assert.equal(await toolError(client, 'decide', { location: 'src/app/billing/actions.ts:999' }), 'src/app/billing/actions.ts has no line 999: it has 13.');
    assert.equal(await toolError(client, 'decide', { location: 'src/app/billing/actions.ts' }), 'A location is <file>:<line>, with a 1-based line: not src/app/billing/actions.ts');
    assert.match(await toolError(client, 'decide', { answers: { callers: 'aliens' } }), /^callers takes own-ui, own-ui-and-others, webhook, external-client, cron, not aliens/);
    assert.match(await toolError(client, 'explain_rule', { rule: 'no-such-rule' }), /^There is no rule no-such-rule\. The rules: use-server-invalid-export, /);
    assert.match(await toolError(client, 'refactor', { kind: 'to-lambda', location: 'src/app/billing/actions.ts:7' }), /^to-lambda is neither a refactor \(extract-service, to-route, /);
    assert.match(await toolError(client, 'check', {}), /^MCP error -32602: Input validation error: Invalid arguments for tool check/);
    assert.equal(await toolError(client, 'check', { paths: ['next.config.ts'] }), 'next.config.ts is not a source file of a Next.js app (.ts, .mts, .cts, .tsx, .js, .mjs, .cjs, .jsx, outside node_modules and ignored folders).');
    assert.equal(((await call(client, 'check', { paths: ['src/app/billing'] })).summary as Structured).total, 1, 'still serving');
  });
});

describe('next-action-advisor mcp on the command line', () => {
  it('exits 2 on a root that is not a folder, or an argument it does not take', () => {
    assert.deepEqual(run(['mcp', '--root', 'no-such-folder'], EXAMPLE), { code: 2, stdout: '', stderr: 'next-action-advisor: no such folder: no-such-folder\n' });
    assert.deepEqual(run(['mcp', 'src'], EXAMPLE), { code: 2, stdout: '', stderr: 'next-action-advisor: mcp takes no arguments, not src: give the workspace with --root\nRun next-action-advisor mcp --help for its usage.\n' });
  });

  it('serves the folder given with --root, wherever it was started', async (t) => {
    const client = await connect(ROOT, ['--root', 'examples/project-tracker']);
    t.after(() => client.close());
    assert.deepEqual(((await call(client, 'endpoints', { paths: ['src/app/billing'] })).endpoints as Structured[]).map((e) => e.name), ['confirmPayment']);
  });
});

describe('next-action-advisor mcp refactor', () => {
  let copy: TempCopy;
  before(() => {
    copy = tempCopy(EXAMPLE);
  });
  after(() => copy.remove());

  const KIND = 'to-action';
  const LOCATION = 'src/app/api/tasks/route.ts:4';

  it('without --allow-write previews the change as the diff of what refactor writes, and leaves every file byte for byte', async (t) => {
    const disk = snapshot(copy.root);
    const client = await connect(copy.root);
    t.after(() => client.close());
    const preview = await call(client, 'refactor', { kind: KIND, location: LOCATION });
    assert.match(await toolError(client, 'refactor', { kind: KIND, location: LOCATION, apply: true }), /^This server was started without --allow-write: it previews changes only\./);
    assert.deepEqual(snapshot(copy.root), disk);

    const byCli = tempCopy(EXAMPLE);
    assert.equal(run(['refactor', KIND, LOCATION], byCli.root).code, 0);
    const written = snapshot(byCli.root);
    byCli.remove();
    const changed = [...written].filter(([file, bytes]) => !disk.get(file)?.equals(bytes)).map(([file]) => file).sort();
    assert.deepEqual(changed, ['src/app/projects/[projectId]/tasks/actions.ts', 'src/components/quick-add-task.tsx']);
    assert.deepEqual((preview.files as { file: string }[]).map((f) => f.file).sort(), changed);
    assert.ok((preview.files as { change: string }[]).every((f) => f.change === 'edit'));
    assert.equal(preview.applied, false);
    assert.equal(preview.diff, (preview.files as { file: string }[]).map(({ file }) => unifiedDiff(file, disk.get(file)!.toString('utf8'), written.get(file)!.toString('utf8'))).join(''));
  });

  it('with --allow-write changes the files as the refactor command does, and the next check sees them', async (t) => {
    const byCli = tempCopy(EXAMPLE);
    run(['refactor', KIND, LOCATION], byCli.root);
    const client = await connect(copy.root, ['--allow-write']);
    t.after(async () => {
      await client.close();
      byCli.remove();
    });
    const { tools } = await client.listTools();
    assert.equal(tools.find((t) => t.name === 'refactor')!.annotations?.readOnlyHint, false);
    const findingsBefore = (await call(client, 'check', { paths: ['src/app/api/tasks/route.ts'] })).findings as Structured[];
    assert.deepEqual(findingsBefore.map((f) => f.ruleId), ['route-only-own-ui-mutation', 'action-only-api-outside-action']);
    const applied = await call(client, 'refactor', { kind: KIND, location: LOCATION });
    assert.equal(applied.applied, true);
    assert.deepEqual(snapshot(copy.root), snapshot(byCli.root));
    const after = (await call(client, 'check', { paths: ['.'] })).findings as Structured[];
    assert.deepEqual(after.map(({ fixes: _, ...rest }) => rest), JSON.parse(run(['check', '.', '--format', 'json'], copy.root).stdout).findings, 'the warm index sees what was written');
  });

  it('applies a fix id that check listed, as check --fix applies it', async (t) => {
    const fixed = tempCopy(EXAMPLE);
    const client = await connect(fixed.root, ['--allow-write']);
    t.after(async () => {
      await client.close();
      fixed.remove();
    });
    const FILE = 'src/app/projects/[projectId]/page.tsx';
    const findings = (await call(client, 'check', { paths: [FILE] })).findings as (Structured & { fixes: { id: string }[] })[];
    const redirect = findings.find((f) => f.ruleId === 'redirect-in-try')!;
    assert.deepEqual(redirect.fixes.map((f) => f.id), ['redirect-in-try/rethrow']);
    const before = fixed.read(FILE);
    const location = `${FILE}:${redirect.startLine}`;
    const preview = await call(client, 'refactor', { kind: redirect.fixes[0]!.id, location, apply: false });
    assert.equal(fixed.read(FILE), before, 'apply: false previews only');
    assert.equal((await call(client, 'refactor', { kind: redirect.fixes[0]!.id, location })).applied, true);

    const byCli = tempCopy(EXAMPLE);
    t.after(() => byCli.remove());
    assert.equal(run(['check', FILE, '--fix'], byCli.root).code, 0);
    assert.equal(fixed.read(FILE), byCli.read(FILE), 'as check --fix writes it');
    assert.equal(preview.diff, unifiedDiff(FILE, before, fixed.read(FILE)));
    const left = (await call(client, 'check', { paths: [FILE] })).findings as Structured[];
    assert.deepEqual(left, []);
  });
});

describe('next-action-advisor mcp, on a workspace that changes', () => {
  let copy: TempCopy;
  before(() => {
    copy = tempCopy(EXAMPLE);
  });
  after(() => copy.remove());

  it('re-reads the files created, changed and deleted on disk before it answers', async (t) => {
    const client = await connect(copy.root);
    t.after(() => client.close());
    const inNotes = (findings: unknown): Structured[] => (findings as Structured[]).filter((f) => String(f.file).startsWith('src/app/notes/'));
    assert.deepEqual(inNotes((await call(client, 'check', { paths: ['src/app'] })).findings), []);
    copy.write('src/app/notes/actions.ts', "'use server'\n\nexport const LIMIT = 10\n");
    assert.deepEqual(((await call(client, 'check', { paths: ['src/app/notes'] })).findings as Structured[]).map((f) => `${f.ruleId} ${f.startLine}`), ['use-server-invalid-export 3']);
    copy.write('src/app/notes/actions.ts', "'use server'\n\nexport async function limit() {\n  return 10\n}\n");
    assert.deepEqual(((await call(client, 'check', { paths: ['src/app/notes'] })).findings as Structured[]).map((f) => f.ruleId), ['unused-server-action']);
    fs.rmSync(path.join(copy.root, 'src/app/notes'), { recursive: true });
    assert.match(await toolError(client, 'check', { paths: ['src/app/notes'] }), /^No such file or folder in the workspace: src\/app\/notes$/);
  });

  it('starts warm the next time, from the facts it kept in the user cache folder', async (t) => {
    const runs: string[][] = [];
    const answers: unknown[] = [];
    const fresh = tempCopy(EXAMPLE);
    t.after(() => fresh.remove());
    for (const args of [[], [], ['--no-cache']]) {
      const log: string[] = [];
      const client = await connect(fresh.root, args, log);
      answers.push(await call(client, 'check', { paths: ['.'] }));
      await client.close();
      runs.push(log.filter((line) => line.startsWith('next-action-advisor mcp: read ')));
    }
    const files = (answers[0] as Structured).files as number;
    assert.deepEqual(runs.map((lines) => lines.map((l) => l.replace(/ in [\d.]+ s/, ''))), [
      [`next-action-advisor mcp: read ${files} files (0 from the cache, ${files} parsed)`],
      [`next-action-advisor mcp: read ${files} files (${files} from the cache, 0 parsed)`],
      [`next-action-advisor mcp: read ${files} files (0 from the cache, ${files} parsed)`],
    ]);
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    assert.ok(fs.existsSync(path.join(CACHE, 'next-action-advisor', 'mcp')), 'kept in the user cache folder');
    assert.deepEqual(snapshot(fresh.root), snapshot(EXAMPLE), 'nothing written into the project');
  });

  it('says what it could not read in the configuration, and answers from the rest', async (t) => {
    const broken = tempCopy(EXAMPLE);
    t.after(() => broken.remove());
    broken.write('tsconfig.json', '{ "compilerOptions": { "paths": ');
    const client = await connect(broken.root, ['--no-cache']);
    t.after(() => client.close());
    const checked = await call(client, 'check', { paths: ['src/app/billing'] });
    assert.deepEqual(checked.problems, [`${broken.root}/tsconfig.json: Expression expected.; imports through its paths are not resolved`]);
    assert.deepEqual((checked.findings as Structured[]).map((f) => f.ruleId), ['action-as-webhook']);
  });

  it('answers a binary file with a tool error', async (t) => {
    fs.writeFileSync(path.join(copy.root, 'src/lib/blob.ts'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const client = await connect(copy.root);
    t.after(() => client.close());
    assert.equal(await toolError(client, 'check', { paths: ['src/lib/blob.ts'] }), 'src/lib/blob.ts holds binary data, not source code; it is not analysed.');
    assert.equal(await toolError(client, 'decide', { location: 'src/lib/blob.ts:1' }), 'src/lib/blob.ts holds binary data, not source code; it is not analysed.');
    assert.deepEqual((await call(client, 'check', { paths: ['src/lib'] })).problems, ['src/lib/blob.ts: binary data, not analysed']);
  });

  it('reports the progress of its first scan to a call that waits for it', async (t) => {
    const big = tempCopy(EXAMPLE);
    for (let i = 0; i < 4000; i++) big.write(`src/lib/generated/module-${i}.ts`, `export function value${i}(input: number): number {\n  return input * ${i}\n}\n`);
    const client = await connect(big.root);
    t.after(async () => {
      await client.close();
      big.remove();
    });
    const progress: { progress: number; total?: number }[] = [];
    const checked = await client.callTool({ name: 'check', arguments: { paths: ['src/app/billing'] } }, undefined, { onprogress: (p) => progress.push(p) });
    assert.equal(((checked.structuredContent as Structured).summary as Structured).total, 1);
    assert.ok(progress.length > 0, 'the call arrived while the scan was under way');
    assert.deepEqual(progress.at(-1), { progress: 4037, total: 4037, message: 'Reading the workspace: 4037 of 4037 files' });
    assert.ok(progress.every((p, i) => i === 0 || p.progress > progress[i - 1]!.progress));
  });
});
