import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CodeActionRequest, CodeActionResolveRequest, type CodeAction, type CreateFile, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverOnCopy, uri } from '../support/lsp-client';
import { tempCopy } from '../support/temp-copy';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PROJECT_ACTIONS = 'src/app/projects/actions.ts';
const ROUTE = 'src/app/api/create-project/route.ts';

function fileOf(u: string): string {
  return decodeURIComponent(new URL(u).pathname);
}

/**
 * Applies a workspace edit to disk as an editor does, and returns the edit that undoes it: each text
 * edit's inverse, computed from the ranges it replaced, and the deletion of each file it created.
 */
function apply(edit: WorkspaceEdit): () => void {
  const undo: (() => void)[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      const file = fileOf((change as CreateFile).uri);
      assert.ok(!fs.existsSync(file), `${file} is created, never overwritten`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
      undo.push(() => fs.rmSync(file));
      continue;
    }
    const { textDocument } = change as TextDocumentEdit;
    const edits = (change as TextDocumentEdit).edits as TextEdit[];
    const file = fileOf(textDocument.uri);
    const before = TextDocument.create(textDocument.uri, 'typescript', 1, fs.readFileSync(file, 'utf8'));
    const after = TextDocument.applyEdits(before, edits);
    // Where each edit's new text lands in the new document, and what it replaced.
    let shift = 0;
    const inverse = [...edits]
      .sort((a, b) => before.offsetAt(a.range.start) - before.offsetAt(b.range.start))
      .map((e) => {
        const start = before.offsetAt(e.range.start) + shift;
        const old = before.getText(e.range);
        shift += e.newText.length - old.length;
        return { start, end: start + e.newText.length, text: old };
      });
    fs.writeFileSync(file, after);
    undo.push(() => {
      let text = fs.readFileSync(file, 'utf8');
      for (const e of [...inverse].reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
      fs.writeFileSync(file, text);
    });
  }
  return () => undo.reverse().forEach((u) => u());
}

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(root, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(root, 'src'));
  return files;
}

describe('refactors over the protocol', () => {
  const server = serverOnCopy(EXAMPLE);
  const { copy } = server;

  const list = async (relative: string, line: number, character = 0): Promise<CodeAction[]> =>
    (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri(path.join(copy.root, relative)) },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics: [], only: ['refactor'] },
    })) as CodeAction[];
  const status = async (): Promise<{ refactorsLoaded: boolean }> => (await server.client.connection.sendRequest('nextActionAdvisor/status')) as { refactorsLoaded: boolean };

  it('lists the refactors of the action under the cursor without loading ts-morph, even on a 500-line file', async () => {
    await server.client.open(PROJECT_ACTIONS);
    const actions = await list(PROJECT_ACTIONS, 13, 20);
    assert.deepEqual(
      actions.map((a) => `${a.kind}: ${a.title}`),
      ['refactor.rewrite: Convert "createProject" to a route handler, keeping the action', 'refactor.rewrite: Convert "createProject" to a route handler that its callers fetch'],
      'createProject calls a service already, and a client form calls it: the variants that keep it or make the form fetch the route',
    );
    const big = ["'use server'", '', "import { db } from '@/lib/db'", '', 'export async function importRows(rows: string[]) {', ...Array.from({ length: 494 }, (_, i) => `  await db.task.create({ data: { projectId: rows[${i}]!, title: 'row ${i}', done: false } })`), '}', ''].join('\n');
    assert.equal(big.split('\n').length, 501);
    copy.write('src/app/import/actions.ts', big);
    await server.client.open('src/app/import/actions.ts', big);
    const offered = await list('src/app/import/actions.ts', 250, 4);
    assert.deepEqual(offered.map((a) => a.title), ['Extract the data logic of "importRows" to a service', 'Convert "importRows" to a route handler', 'Convert "importRows" to a route handler, keeping the action']);
    assert.equal((await status()).refactorsLoaded, false, 'listing builds no edit');
    fs.rmSync(path.join(copy.root, 'src/app/import'), { recursive: true });
  });

  it('resolves to one workspace edit that matches the checker, and whose inverse restores every file byte for byte', async () => {
    const originals = snapshot(copy.root);
    const [offer] = await list(PROJECT_ACTIONS, 13, 20);
    const resolved = (await server.client.connection.sendRequest(CodeActionResolveRequest.type, offer!)) as CodeAction;
    assert.equal(resolved.title, 'Convert to route handler: POST /api/create-project, keeping the action');
    assert.equal((await status()).refactorsLoaded, true);
    const kinds = resolved.edit!.documentChanges!.map((c) => ('kind' in c ? `create ${path.relative(copy.root, fileOf((c as CreateFile).uri))}` : `edit ${path.relative(copy.root, fileOf(c.textDocument.uri))}`));
    assert.deepEqual(kinds, [`create ${ROUTE}`, `edit ${ROUTE}`]);
    const undo = apply(resolved.edit!);

    // The checker, on another copy, writes the same files.
    const other = tempCopy(EXAMPLE);
    const cli = spawnSync(process.execPath, [CLI, 'refactor', 'to-route', path.join(other.root, PROJECT_ACTIONS) + ':14', '--keep-action'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(snapshot(copy.root), snapshot(other.root));
    other.remove();
    assert.match(copy.read(ROUTE), /export async function POST\(request: Request\) \{\n {2}const formData = await request\.formData\(\)/);

    undo();
    assert.deepEqual(snapshot(copy.root), originals);
  });

  it('refuses a resolve once the document has moved on, and says why', async () => {
    const [offer] = await list(PROJECT_ACTIONS, 13, 20);
    const text = copy.read(PROJECT_ACTIONS);
    await server.client.change(PROJECT_ACTIONS, `${text}\n`);
    const resolved = (await server.client.connection.sendRequest(CodeActionResolveRequest.type, offer!)) as CodeAction;
    assert.equal(resolved.edit, undefined);
    await server.client.waitFor(() => server.client.messages.some((m) => m.includes('The file changed since the refactor was offered')), 'the refusal');
    await server.client.change(PROJECT_ACTIONS, text);
  });
});

describe('refactors in a client that cannot take them', () => {
  const server = serverOnCopy(EXAMPLE, { refactors: false });
  const { copy } = server;

  it('lists them disabled, with the reason', async () => {
    await server.client.open(PROJECT_ACTIONS);
    const actions = (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri(path.join(copy.root, PROJECT_ACTIONS)) },
      range: { start: { line: 13, character: 20 }, end: { line: 13, character: 20 } },
      context: { diagnostics: [], only: ['refactor'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.disabled?.reason), Array(2).fill('This editor cannot resolve code actions lazily, which refactors need.'));
  });
});
