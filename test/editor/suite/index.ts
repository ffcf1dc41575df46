import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * The extension-host entry point (`extensionTestsPath`): runs one scenario's mocha suite inside the
 * real VS Code, with the `vscode` API. `@vscode/test-electron` and code-server both call `run()`.
 * The scenario comes from ADVISOR_EDITOR_SCENARIO; the result is also written as JSON to
 * ADVISOR_EDITOR_RESULT when set, for the runner to count.
 */
export async function run(): Promise<void> {
  const scenario = process.env.ADVISOR_EDITOR_SCENARIO ?? 'nextjs';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, `${scenario}.test.js`));
  const results: { title: string; state: string; error?: string }[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('fail', (test, error: Error) => results.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message }));
  });
  const resultFile = process.env.ADVISOR_EDITOR_RESULT;
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ scenario, results }, null, 2));
  if (failures > 0) throw new Error(`${failures} editor test(s) failed`);
}
