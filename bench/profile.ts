// `tsx bench/profile.ts [--warm] [--keystrokes | --code-keystrokes] [--heap]`: the bundled server on the generated workspace,
// started as the benchmark starts it, with V8's CPU profile of every thread (`--cpu-prof`) or a heap
// snapshot once the index is complete, written to .artifacts/profiles/. bench/README.md says what they showed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from '../test/support/lsp-client';
import { LARGE_ACTION_FILE } from './generate';
import { nameSpot, statementSpot, typeAndDelete } from './keystrokes';

const ROOT = path.resolve(__dirname, '..');
const WORKSPACE = path.join(__dirname, 'workspace');
const OUT = path.join(ROOT, '.artifacts', 'profiles');
const flags = new Set(process.argv.slice(2));

async function run(cacheFolder: string, profiled: boolean): Promise<void> {
  const nodeArgs = !profiled ? '' : flags.has('--heap') ? `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${OUT}` : `--cpu-prof --cpu-prof-dir=${OUT}`;
  process.env.ADVISOR_SERVER_NODE_ARGS = nodeArgs;
  const client = await TestClient.start({ root: WORKSPACE, initializationOptions: { cacheFolder } });
  await client.open(LARGE_ACTION_FILE);
  await client.diagnostics(LARGE_ACTION_FILE);
  await client.waitFor(() => client.indexedStats !== null, 'the initial scan', 120_000);
  console.log(`${profiled ? 'profiled' : 'cache filled'}: ${JSON.stringify(client.indexedStats)}`);
  const pid = await client.serverPid();
  if (profiled && flags.has('--heap')) {
    const before = fs.readdirSync(OUT).filter((f) => f.endsWith('.heapsnapshot')).length;
    process.kill(pid, 'SIGUSR2');
    // The snapshot is complete when its file stops growing.
    let size = -1;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const files = fs.readdirSync(OUT).filter((f) => f.endsWith('.heapsnapshot'));
      const now = files.length > before ? files.reduce((sum, f) => sum + fs.statSync(path.join(OUT, f)).size, 0) : -1;
      if (now > 0 && now === size) break;
      size = now;
    }
  }
  const code = flags.has('--code-keystrokes');
  if (profiled && (flags.has('--keystrokes') || code)) {
    // A space before a statement, or a letter after the name it declares (which changes the code).
    const text = fs.readFileSync(path.join(WORKSPACE, LARGE_ACTION_FILE), 'utf8');
    const statement = statementSpot(text, false)!;
    await typeAndDelete(client, LARGE_ACTION_FILE, code ? nameSpot(text, statement)! : statement, code ? 'x' : ' ', 200);
  }
  // A clean exit, so that every thread writes its profile.
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  await client.waitFor(() => !client.alive, 'the server to exit', 60_000);
  await client.stop();
}

async function main(): Promise<void> {
  if (!fs.existsSync(WORKSPACE)) throw new Error('no bench/workspace: run npm run bench once first');
  fs.mkdirSync(OUT, { recursive: true });
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-profile-cache-'));
  if (flags.has('--warm')) await run(cacheFolder, false);
  await run(cacheFolder, true);
  fs.rmSync(cacheFolder, { recursive: true, force: true });
  console.log(`written to ${path.relative(ROOT, OUT)}/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
