import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, ROOT, startCodeServer, tempBase, userDataDir, waitUntil } from './code-server';
import { nextWorkspace } from './workspaces';

const VSIX = path.join(ROOT, '.artifacts', 'next-action-advisor.vsix');
export const SCREENSHOTS = path.join(ROOT, '.artifacts', 'editor');
const FILE = 'apps/tracker/src/app/projects/[projectId]/tasks/actions.ts';

export interface UiStep {
  title: string;
  screenshot: string;
}

/**
 * What a person does with the packaged extension: install the VSIX, open an action file from Quick
 * Open, see the squiggle and the Problems entry, read the hover, apply the quick fix, save.
 * Each step leaves a screenshot in .artifacts/editor/.
 */
export async function runUiTest(codeServerDir: string, log: (line: string) => void): Promise<UiStep[]> {
  const base = tempBase('ui');
  const workspace = nextWorkspace(base);
  const extensionsDir = path.join(base, 'extensions');
  execFileSync(process.execPath, [path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '--user-data-dir', userDataDir(base), '--extensions-dir', extensionsDir, '--install-extension', VSIX], { stdio: 'ignore' });
  if (!fs.readdirSync(extensionsDir).some((d) => d.startsWith('next-action-advisor.next-action-advisor-'))) throw new Error('the VSIX did not install');
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startCodeServer({ dir: codeServerDir, base, workspace, extensionsDir });
  const browser = await launchChromium();
  const steps: UiStep[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const step = async (title: string): Promise<void> => {
      const screenshot = path.join(SCREENSHOTS, `${String(steps.length + 1).padStart(2, '0')}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);
      await page.screenshot({ path: screenshot });
      steps.push({ title, screenshot });
      log(`ui: ${title}`);
    };
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await step('Workbench loaded');

    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input');
    await page.keyboard.type('tasks/actions.ts');
    await page.waitForSelector('.quick-input-widget .monaco-list-row');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab.active >> text=actions.ts');
    await step('Action file opened from Quick Open');

    await page.waitForSelector('.editor-instance .monaco-editor .squiggly-warning', { timeout: 60_000 });
    await step('Squiggles shown');

    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'dispatches on a name string' });
    await problem.first().waitFor({ timeout: 30_000 });
    const problemText = await problem.first().innerText();
    if (!problemText.includes('action-generic-rpc')) throw new Error(`the Problems entry lacks the rule id: ${problemText}`);
    const link = problem.first().locator('a', { hasText: 'action-generic-rpc' });
    if ((await link.count()) === 0) throw new Error('the rule id in Problems is not a link to its page');
    await step('Problems entry with the rule id and its link');

    // The cursor on the squiggle, then "Show Hover" (Ctrl+K Ctrl+I): overlays take the mouse's events.
    await goTo(page, 26, 23);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'dispatches on a name string' });
    await hover.first().waitFor({ timeout: 30_000 });
    await step('Hover shows the message');
    await page.keyboard.press('Escape');

    await applyQuickFix(page, 'Disable action-generic-rpc for this line');
    await step('Quick fix applied');
    await page.keyboard.press('Control+S');
    const onDisk = path.join(workspace, FILE);
    const saved = await waitUntil(() => fs.readFileSync(onDisk, 'utf8').includes('// next-action-advisor-disable-next-line action-generic-rpc\nexport async function runTaskCommand'), 15_000);
    if (!saved) throw new Error('the quick fix did not reach the file');
    await page.waitForSelector('.markers-panel .monaco-list-row >> text=dispatches on a name string', { state: 'detached', timeout: 30_000 });
    await step('Saved, the finding is gone');

    // The refactor: from the lightbulb menu on an action, with the keyboard only.
    const before = snapshot(path.join(workspace, 'apps/tracker/src'));
    await goTo(page, 8, 23);
    await applyQuickFix(page, 'Convert `addTask` to a route handler, keeping the action', () => step('The lightbulb offers the refactor'));
    await page.waitForSelector('.tab.active >> text=route.ts', { timeout: 60_000 });
    await page.waitForSelector('.editor-instance .view-lines >> text=export async function POST(request: Request)', { timeout: 30_000 });
    await step('The route file is created and opened');
    const route = path.join(workspace, 'apps/tracker/src/app/api/add-task/route.ts');
    if (!fs.existsSync(route)) throw new Error('the route file was not created');

    // One undo takes back the whole refactor, in every file it touched (VS Code asks first, for an edit of several files).
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Z');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'across all files' });
    const asked = await dialog
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (asked) {
      await step('Undo asks to undo across all files');
      await page.keyboard.press('Enter');
    }
    const restored = await waitUntil(() => !fs.existsSync(route), 15_000);
    if (!restored) throw new Error('the undo left the route file');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('S');
    const same = await waitUntil(() => JSON.stringify([...snapshot(path.join(workspace, 'apps/tracker/src'))]) === JSON.stringify([...before]), 15_000);
    if (!same) throw new Error('the undo did not restore every file');
    await step('Undone: every file as it was');
    return steps;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** The files under a folder and their texts, to compare before and after. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(path.join(entry.parentPath, entry.name), fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Ctrl+. then arrow keys to the wanted entry (a click is intercepted by an overlay); retried while
 * tsserver starts. `shown` runs once the entry is focused in the menu, before it is chosen.
 */
async function applyQuickFix(page: Page, title: string, shown?: () => Promise<void>): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget .monaco-list-row');
    try {
      await menu.first().waitFor({ timeout: 5_000 });
    } catch {
      await page.keyboard.press('Escape');
      continue;
    }
    const rows = await menu.allInnerTexts();
    if (!rows.some((r) => r.includes(title))) {
      await page.keyboard.press('Escape');
      continue;
    }
    for (let i = 0; i < rows.length + 2; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '');
      if (focused.includes(title)) {
        await shown?.();
        await page.keyboard.press('Enter');
        return;
      }
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`the quick fix "${title}" was not offered`);
}
