import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.ADVISOR_CHROMIUM ?? '/usr/bin/chromium';

/** Installs code-server and Chromium when missing (scripts/editor/setup.sh); returns code-server's folder. */
export function setupEditor(): string {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'editor', 'setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop()!;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A user-data folder whose settings keep every dialog away. */
export function userDataDir(base: string): string {
  const dir = path.join(base, 'user-data');
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'git.enabled': false,
      'files.hotExit': 'off',
      'workbench.tips.enabled': false,
      'chat.disableAIFeatures': true,
    }),
  );
  return dir;
}

export interface CodeServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts code-server in a process group of its own (extension hosts and language servers outlive the
 * window), bound to loopback. `stop()` ends the whole group.
 */
export async function startCodeServer(options: { dir: string; base: string; workspace: string; env?: Record<string, string>; extensionsDir?: string }): Promise<CodeServer> {
  const port = await freePort();
  const log = fs.openSync(path.join(options.base, 'code-server.log'), 'a');
  const args = [
    path.join(options.dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir(options.base),
    '--extensions-dir', options.extensionsDir ?? path.join(options.base, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    options.workspace,
  ];
  const child: ChildProcess = spawn(process.execPath, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env, ...options.env } });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.pid === undefined) return;
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        return; // the group is gone
      }
      const gone = await waitUntil(() => !groupAlive(child.pid!), 5_000);
      if (gone) return;
    }
  };
  const healthy = await waitUntil(async () => {
    try {
      return (await fetch(`${url}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 60_000);
  if (!healthy) {
    await stop();
    throw new Error(`code-server did not start; see ${path.join(options.base, 'code-server.log')}`);
  }
  return { url, port, stop };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls a condition (a process state, a port) until it holds or `ms` pass. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (or set ADVISOR_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function tempBase(name: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `advisor-${name}-`)));
}
