import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, tempBase } from './code-server';
import { nextWorkspace, plainWorkspace } from './workspaces';

/**
 * The same extension-host suite on a desktop VS Code, where one can be downloaded or is installed
 * (VSCODE_EXECUTABLE=/path/to/code). `npm run build -- --editor-tests` first.
 */
async function main(): Promise<void> {
  for (const [scenario, workspace] of [['nextjs', nextWorkspace], ['plain', plainWorkspace]] as const) {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'editor', 'index.js'),
      launchArgs: [workspace(tempBase(`electron-${scenario}`)), '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { ADVISOR_EDITOR_SCENARIO: scenario },
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
