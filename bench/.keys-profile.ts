import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient } from '/work/main/test/support/lsp-client';
import { LARGE_ACTION_FILE } from '/work/main/bench/generate';
const WORKSPACE = '/work/main/bench/workspace';
async function main() {
  const cacheFolder = process.argv[2] ?? fs.mkdtempSync('/tmp/cachek-');
  const t0 = performance.now();
  const client = await TestClient.start({ root: WORKSPACE, initializationOptions: { cacheFolder } });
  await client.open(LARGE_ACTION_FILE);
  await client.diagnostics(LARGE_ACTION_FILE);
  const first = performance.now() - t0;
  await client.waitFor(() => client.indexedStats !== null, 'scan', 120000);
  console.log('first', first.toFixed(0), 'indexed', JSON.stringify(client.indexedStats));
  {
    const pid = await client.serverPid();
    const st = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const heap = ((await client.connection.sendRequest('nextActionAdvisor/status')) as { heapMB: number }).heapMB;
    console.log('rss', /VmRSS:\s+(\d+)/.exec(st)![1], 'hwm', /VmHWM:\s+(\d+)/.exec(st)![1], 'heap', heap.toFixed(0), JSON.stringify(process.memoryUsage ? '' : ''));
  }
  if (process.env.SNAPSHOT) {
    const pid = await client.serverPid();
    process.kill(pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 40000));
  }
  if (process.env.KEYS !== '0') {
  const text = fs.readFileSync(path.join(WORKSPACE, LARGE_ACTION_FILE), 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > 200 && l.includes('const description'));
  const spot = { line, character: lines[line]!.indexOf('const') };
  const lat: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    if (i % 2 === 0) await client.edit(LARGE_ACTION_FILE, { start: spot, end: spot }, ' ');
    else await client.edit(LARGE_ACTION_FILE, { start: spot, end: { line: spot.line, character: spot.character + 1 } }, '');
    await client.diagnostics(LARGE_ACTION_FILE);
    lat.push(performance.now() - s);
  }
  lat.sort((a, b) => a - b);
  console.log('keystroke median', lat[100]!.toFixed(1));
  }
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  await client.waitFor(() => !client.alive, 'exit', 30000).catch(() => {});
  await new Promise((r) => setTimeout(r, 3000));
  await client.stop();
}
main();
