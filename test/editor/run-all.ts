import * as fs from 'node:fs';
import { setupEditor } from './code-server';
import { runSuite, type SuiteResult } from './run-suite';
import { runUiTest } from './ui';
import { nextWorkspace, plainWorkspace } from './workspaces';

/**
 * `npm run test:editor`: the extension-host suite in two workspaces (with and without Next.js), then
 * the UI test on the packaged VSIX, all in a real VS Code (code-server) driven by Chromium.
 */
async function main(): Promise<number> {
  const started = Date.now();
  const codeServer = setupEditor();
  // The extension host's console carries the workbench's own noise too (the offline gallery): keep mocha's lines.
  const log = (line: string): void => {
    if (!/ENOTFOUND|ChatSessionStore|^\s+at /.test(line)) console.log(line.replace(/\n$/, ''));
  };
  const suites: SuiteResult[] = [];
  for (const [scenario, workspace] of [['nextjs', nextWorkspace], ['plain', plainWorkspace]] as const) {
    console.log(`\n# extension-host suite: ${scenario}`);
    suites.push(await runSuite(codeServer, scenario, workspace, log));
  }
  let passed = 0;
  let failed = 0;
  for (const suite of suites) {
    for (const result of suite.results) {
      if (result.state === 'passed') passed++;
      else {
        failed++;
        console.log(`FAILED [${suite.scenario}] ${result.title}\n${result.error ?? ''}`);
      }
    }
  }
  console.log('\n# UI test on the packaged VSIX');
  try {
    const steps = await runUiTest(codeServer, log);
    passed++;
    console.log(`screenshots:\n${steps.map((s) => `  ${s.screenshot}`).join('\n')}`);
  } catch (error) {
    failed++;
    console.log(`FAILED [ui] ${error instanceof Error ? error.stack : String(error)}`);
  }
  const size = fs.statSync('.artifacts/next-action-advisor.vsix').size;
  console.log(`\nVSIX ${(size / 1024 / 1024).toFixed(2)} MB; editor run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
