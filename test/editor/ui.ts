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
    // Problems lists every file's findings, most severe first: the panel's filter brings this one into view.
    const problemsFilter = page.getByPlaceholder(/^Filter \(e\.g\. text/);
    await problemsFilter.fill('dispatches on a name string');
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
    await problemsFilter.fill('');

    // The refactor: from the lightbulb menu on an action, with the keyboard only.
    const before = snapshot(path.join(workspace, 'apps/tracker/src'));
    await goTo(page, 8, 23);
    await applyQuickFix(page, 'Convert "addTask" to a route handler, keeping the action', () => step('The lightbulb offers the refactor'));
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

    await runWizard(page, workspace, step);
    await runAtAGlance(page, step);
    await runRuleFix(page, workspace, step);
    return steps;
  } catch (error) {
    // What the window showed when a step failed.
    for (const page of browser.contexts().flatMap((c) => c.pages())) await page.screenshot({ path: path.join(SCREENSHOTS, 'failed.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * "Server Action or Route Handler?" from the command palette, with the keyboard: once inside a webhook
 * action (pre-filled from the code; it ends applying "Convert to route handler"), once from no editor
 * (Back returns to the previous question; it ends in a scaffold whose files appear), and once left with Escape.
 */
async function runWizard(page: Page, workspace: string, step: (title: string) => Promise<void>): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const atStep = (n: string): Promise<void> => widget.locator(`text=${n}`).first().waitFor({ timeout: 30_000 });
  const app = (relative: string): string => path.join(workspace, 'apps/tracker', relative);

  await openFile(page, 'apps/tracker/src/app/billing/actions.ts');
  await goTo(page, 7, 3);
  await runCommand(page, 'Next.js Action Advisor: Server Action or Route Handler?');
  await atStep('1/1');
  const focused = await widget.locator('.monaco-list-row.focused').innerText();
  if (!focused.includes('A third party or webhook sender') || !focused.includes('(from the code)')) throw new Error(`the webhook answer is not pre-selected: ${focused}`);
  await step('Wizard step pre-filled from the code');
  await page.keyboard.press('Enter');
  await page.locator('.tab', { hasText: 'Preview Server Action or Route Handler' }).first().waitFor({ timeout: 30_000 });
  await previewShows(page, 'Recommendation: A Route Handler');
  const offer = page.locator('.notifications-toasts .notification-toast', { hasText: 'Convert "confirmPayment" to a route handler' });
  await offer.first().waitFor({ timeout: 30_000 });
  await step('The recommendation, and the refactor it offers');
  await offer.first().locator('.monaco-button', { hasText: 'Apply' }).click();
  if (!(await waitUntil(() => fs.existsSync(app('src/app/api/confirm-payment/route.ts')), 30_000))) throw new Error('the wizard did not convert the action');
  await step('The wizard converted the action to a route handler');

  // Saved first: closing edited editors would otherwise stop at the "save changes?" dialog.
  await page.keyboard.press('Control+K');
  await page.keyboard.press('S');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await runCommand(page, 'Next.js Action Advisor: Server Action or Route Handler?');
  await atStep('1/4');
  await page.keyboard.press('Enter');
  await atStep('2/4');
  await widget.locator('.codicon-quick-input-back').first().click();
  await atStep('1/4');
  await step('Back returns to the previous question');
  for (const [key, next] of [['Enter', '2/4'], ['Enter', '3/4'], ['Enter', '4/4'], ['ArrowDown Enter', '5/6'], ['Enter', '6/6']] as const) {
    for (const k of key.split(' ')) await page.keyboard.press(k);
    await atStep(next);
  }
  await page.keyboard.press('Enter');
  await previewShows(page, 'Recommendation: A Server Action');
  await widget.locator('.monaco-list-row.focused', { hasText: 'A service and a Server Action' }).first().waitFor({ timeout: 30_000 });
  await step('The recommendation, then a scaffold for new code');
  await page.keyboard.press('Enter');
  await widget.locator('.monaco-list-row', { hasText: 'apps/tracker' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.type('tracker');
  await page.keyboard.press('Enter');
  await widget.locator('text=The function, as a verb and a noun').first().waitFor({ timeout: 30_000 });
  await page.keyboard.type('createInvoice');
  await page.keyboard.press('Enter');
  const files = ['src/lib/invoices/service.ts', 'src/app/invoices/actions.ts'].map(app);
  if (!(await waitUntil(() => files.every((f) => fs.existsSync(f) && fs.readFileSync(f, 'utf8').includes('createInvoice')), 30_000))) throw new Error('the scaffold did not write its files');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'service.ts' }).first().waitFor({ timeout: 30_000 });
  await step('Scaffolded files in the explorer');

  await runCommand(page, 'Next.js Action Advisor: Server Action or Route Handler?');
  await atStep('1/4');
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 15_000 });
  await step('Escape leaves the wizard');
}

/**
 * What the editor shows at a glance: the lenses over an action (the count opens the references
 * peek), the "Next.js Endpoints" view (a click opens the file at the function), the language status
 * item, the walkthrough, and a rule link of Problems opening the rendered page.
 */
async function runAtAGlance(page: Page, step: (title: string) => Promise<void>): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('S');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+W');
  await openFile(page, FILE);
  const lens = page.locator('.codelens-decoration a', { hasText: 'Server Action · public POST · 1 caller' });
  await lens.first().waitFor({ timeout: 60_000 });
  const lenses = await page.locator('.codelens-decoration').allInnerTexts();
  if (!lenses.some((l) => l.includes('Convert to route handler'))) throw new Error(`no refactor lens: ${lenses.join(' | ')}`);
  await step('Code lenses over the actions');
  await lens.first().click();
  const peek = page.locator('.zone-widget .peekview-title', { hasText: '.tsx' });
  await peek.first().waitFor({ timeout: 30_000 });
  await step('The count opens the callers in a references peek');
  await page.keyboard.press('Escape');

  // The folders' section collapsed, so that the view has the room to show every row.
  await page.locator('.pane-header', { hasText: 'workspace' }).first().click();
  const header = page.locator('.pane-header', { hasText: 'Next.js Endpoints' });
  await header.first().waitFor({ timeout: 30_000 });
  if ((await header.first().getAttribute('aria-expanded')) !== 'true') await header.first().click();
  const tree = page.locator('.pane-body .monaco-list-row');
  await tree.filter({ hasText: 'apps/billing' }).first().waitFor({ timeout: 30_000 });
  await tree.filter({ hasText: 'apps/billing' }).first().click();
  await tree.filter({ hasText: 'POST /api/webhooks/stripe' }).first().waitFor({ timeout: 30_000 });
  const rows = await tree.allInnerTexts();
  for (const wanted of ['apps/tracker', 'apps/billing', 'addTask', 'GET /api/projects', 'Server Action · 1 caller · auth: checked']) if (!rows.some((r) => r.includes(wanted))) throw new Error(`the endpoints view lacks ${wanted}: ${rows.join(' | ')}`);
  await step('The endpoints view lists every action and route handler');
  await header.first().hover();
  await page.locator('.pane-header .action-label[aria-label="Show Only Endpoints with Findings"]').first().click();
  await waitUntil(async () => !(await tree.allInnerTexts()).some((r) => r.includes('createProject')), 15_000);
  if ((await tree.filter({ hasText: 'POST /api/webhooks/stripe' }).count()) === 0) throw new Error('the filter hid an endpoint with findings');
  await step('Filtered to the endpoints with findings');
  await tree.filter({ hasText: 'POST /api/webhooks/stripe' }).first().click();
  await page.locator('.breadcrumbs-control', { hasText: 'stripe' }).first().waitFor({ timeout: 30_000 });
  await page.locator('.statusbar-item', { hasText: 'Ln 4, Col' }).first().waitFor({ timeout: 15_000 });
  await step('A click opens the route handler at its method');

  await page.locator('[id="status.languageStatus"]').first().click();
  const status = page.locator('.monaco-hover, .context-view', { hasText: 'Next.js: 2 apps' });
  await status.first().waitFor({ timeout: 30_000 });
  await step('The language status item');
  await page.keyboard.press('Escape');

  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.keyboard.type('Next.js Action Advisor');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Next.js Action Advisor' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.gettingStartedContainer', { hasText: 'What the advisor checks' }).first().waitFor({ timeout: 30_000 });
  await step('The walkthrough');

  await page.keyboard.press('Control+Shift+M');
  const ruleLink = page.locator('.markers-panel .monaco-list-row a', { hasText: 'webhook-body-parsed-before-verify' });
  await ruleLink.first().waitFor({ timeout: 30_000 });
  await ruleLink.first().click();
  await page.locator('.tab', { hasText: 'Preview webhook-body-parsed-before-verify.md' }).first().waitFor({ timeout: 30_000 });
  await previewShows(page, 'A webhook signature is verified over a re-serialised JSON body');
  await step('A rule link opens the rendered page');
}

/** A fix of a finding, from the lightbulb with the keyboard: the navigation rethrown first in the catch. */
async function runRuleFix(page: Page, workspace: string, step: (title: string) => Promise<void>): Promise<void> {
  const file = 'apps/tracker/src/app/projects/[projectId]/page.tsx';
  await openFile(page, file);
  await page.waitForSelector('.editor-instance .monaco-editor .squiggly-error', { timeout: 60_000 });
  await goTo(page, 19, 7);
  await applyQuickFix(page, 'Rethrow navigation errors first in the catch (unstable_rethrow)', () => step('The lightbulb offers the fixes of the finding'));
  await page.locator('.editor-instance .view-lines', { hasText: 'unstable_rethrow(error)' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+S');
  const fixed = await waitUntil(() => fs.readFileSync(path.join(workspace, file), 'utf8').includes("import { redirect, unstable_rethrow } from 'next/navigation'"), 15_000);
  if (!fixed) throw new Error('the fix did not reach the file');
  await page.waitForSelector('.editor-instance .monaco-editor .squiggly-error', { state: 'detached', timeout: 30_000 });
  await step('The fix applied, the finding gone');
}

/** The Markdown preview (a webview, in a frame of its own) shows the text. */
async function previewShows(page: Page, text: string): Promise<void> {
  const shown = await waitUntil(async () => {
    for (const frame of page.frames()) if ((await frame.locator(`text=${text}`).count().catch(() => 0)) > 0) return true;
    return false;
  }, 30_000);
  if (!shown) throw new Error(`the preview does not show "${text}"`);
}

/** Quick Open on a path: Enter once the focused entry is that file, then wait for its breadcrumbs. */
async function openFile(page: Page, relative: string): Promise<void> {
  const folder = path.basename(path.dirname(relative));
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(relative);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: folder }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.breadcrumbs-control', { hasText: folder }).first().waitFor({ timeout: 15_000 });
}

/** The palette may not open while a toast or a dialog holds the focus: dismissed, then tried again. */
async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    const opened = await page
      .waitForSelector('.quick-input-widget input', { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (opened) break;
    if (attempt === 3) throw new Error(`the command palette did not open for "${title}"`);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.type(title.replace(/^Next\.js Action Advisor: /, ''));
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title.replace(/^Next\.js Action Advisor: /, '') }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
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
