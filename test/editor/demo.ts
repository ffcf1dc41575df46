import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT, setupEditor, startCodeServer, tempBase, userDataDir } from './code-server';

/**
 * `npm run demo:editor`: code-server on a loopback port with the packaged extension installed and the
 * example app open. Anyone can try the product in a browser; Ctrl+C stops everything.
 */
async function main(): Promise<void> {
  const codeServer = setupEditor();
  const base = tempBase('demo');
  const extensionsDir = path.join(base, 'extensions');
  const entry = path.join(codeServer, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  execFileSync(process.execPath, [entry, '--user-data-dir', userDataDir(base), '--extensions-dir', extensionsDir, '--install-extension', path.join(ROOT, '.artifacts', 'next-action-advisor.vsix')], { stdio: 'ignore' });
  const workspace = path.join(ROOT, 'examples', 'project-tracker');
  const server = await startCodeServer({ dir: codeServer, base, workspace, extensionsDir });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`Next.js Action Advisor in VS Code (code-server), with ${path.relative(ROOT, workspace)} open:\n\n  ${server.url}/?folder=${encodeURIComponent(workspace)}\n`);
  console.log('Open a file such as src/app/projects/[projectId]/tasks/actions.ts. Press Ctrl+C to stop.');
  await new Promise(() => {});
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
