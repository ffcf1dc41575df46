import * as vscode from 'vscode';

const NEXT_CONFIG = '**/next.config.{js,mjs,cjs,ts,mts}';
const EXCLUDE = '**/{node_modules,.next,dist,out}/**';

/**
 * Whether the workspace holds a Next.js app: a `next.config.*`, or a package.json that depends on
 * `next`. The server starts only then, so TypeScript projects without Next.js pay nothing.
 */
export async function hasNextApp(): Promise<boolean> {
  if ((await vscode.workspace.findFiles(NEXT_CONFIG, EXCLUDE, 1)).length > 0) return true;
  for (const manifest of await vscode.workspace.findFiles('**/package.json', EXCLUDE, 200)) {
    try {
      const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(manifest))) as Record<string, Record<string, string> | undefined>;
      if (json.dependencies?.next ?? json.devDependencies?.next) return true;
    } catch {
      // An unreadable or half-written package.json says nothing either way.
    }
  }
  return false;
}

/** Calls `onFound` once when a Next.js app appears in a workspace that had none. */
export function watchForNextApp(onFound: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`{${NEXT_CONFIG.slice(3)},**/package.json}`);
  let done = false;
  const check = async (): Promise<void> => {
    if (!done && (await hasNextApp())) {
      done = true;
      onFound();
    }
  };
  watcher.onDidCreate(check);
  watcher.onDidChange(check);
  return watcher;
}
