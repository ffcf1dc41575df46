import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchChromium, ROOT, startCodeServer, tempBase } from './code-server';

export interface SuiteResult {
  scenario: string;
  results: { title: string; state: string; error?: string }[];
}

/**
 * Runs one scenario of the extension-host suite in code-server: the development extension is loaded
 * from the working tree and the suite from out/editor, through the `payload` query parameter.
 */
export async function runSuite(codeServerDir: string, scenario: string, makeWorkspace: (base: string) => string, log: (line: string) => void): Promise<SuiteResult> {
  const base = tempBase(`suite-${scenario}`);
  const workspace = makeWorkspace(base);
  const resultFile = path.join(base, 'result.json');
  const server = await startCodeServer({ dir: codeServerDir, base, workspace, env: { ADVISOR_EDITOR_SCENARIO: scenario, ADVISOR_EDITOR_RESULT: resultFile } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => log(util.format(...args)));
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'out', 'editor', 'index.js'))],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 300_000).unref());
    const code = await Promise.race([exitCode, timeout]);
    if (code === -1) throw new Error(`the ${scenario} suite did not finish in 5 minutes`);
    if (!fs.existsSync(resultFile)) throw new Error(`the ${scenario} suite exited with ${code} and wrote no result`);
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
  } finally {
    await browser.close();
    await server.stop();
  }
}
