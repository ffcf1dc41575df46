import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, DocumentDiagnosticRequest, LSPErrorCodes, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient, uri } from '../support/lsp-client';
import { seededRandom } from '../support/random';
import { tempCopy } from '../support/temp-copy';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');
const FILES = ['src/app/projects/[projectId]/tasks/actions.ts', 'src/components/task-board.tsx', 'src/app/api/projects/[projectId]/route.ts'];
const SNIPPETS = ['{', '}', '(', ')', "'", '"', '`', '<', '/>', '\n', ' ', ';', 'export ', 'async ', "'use server'\n", 'await db.task.create({ data: {} })', 'redirect(', 'try {', '} catch {}', 'useEffect(() => {', 'formData.get(', 'x', 'as string'];
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

/** A diagnostic reduced to what must be equal between two servers. */
const shape = (d: Diagnostic) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message} ${(d.relatedInformation ?? []).map((r) => `${r.location.uri}@${r.location.range.start.line}`).join(',')}`;

describe('robustness of the server under edits', () => {
  const copy = tempCopy(EXAMPLE);
  let client: TestClient;
  before(async () => {
    client = await TestClient.started({ root: copy.root });
    for (const file of FILES) await client.open(file);
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  it(`survives random edit sequences and ends where a fresh server starts (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const texts = new Map(FILES.map((f) => [f, copy.read(f)]));
    for (let sequence = 0; sequence < 4; sequence++) {
      const undoToStart = sequence % 2 === 1;
      const history = new Map(FILES.map((f) => [f, [texts.get(f)!]]));
      for (let step = 0; step < 30; step++) {
        const file = pick(FILES);
        const document = TextDocument.create('x', 'typescript', 1, texts.get(file)!);
        const length = document.getText().length;
        const roll = random();
        let edit: { start: number; end: number; text: string };
        if (roll < 0.55) {
          const at = Math.floor(random() * length);
          edit = { start: at, end: at, text: pick(SNIPPETS) };
        } else if (roll < 0.9) {
          const at = Math.floor(random() * length);
          edit = { start: at, end: Math.min(length, at + 1 + Math.floor(random() * 12)), text: '' };
        } else {
          edit = { start: 0, end: length, text: copy.read(pick(FILES)) }; // a whole file pasted over
        }
        const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
        await client.edit(file, range, edit.text);
        const next = TextDocument.applyEdits(document, [{ range, newText: edit.text }]);
        texts.set(file, next);
        history.get(file)!.push(next);
        if (step % 5 === 0) assert.ok(Array.isArray(await client.diagnostics(file)), 'the server answers mid-sequence');
      }
      if (undoToStart) {
        for (const file of FILES) {
          const versions = history.get(file)!;
          for (let i = versions.length - 2; i >= 0; i--) await client.change(file, versions[i]!);
          texts.set(file, versions[0]!);
        }
      }
      assert.ok(client.alive, 'the server process is alive');
      const fresh = await TestClient.started({ root: copy.root });
      try {
        for (const file of FILES) await fresh.open(file, texts.get(file)!);
        for (const file of FILES) {
          assert.deepEqual((await client.diagnostics(file)).map(shape), (await fresh.diagnostics(file)).map(shape), `sequence ${sequence}, ${file}`);
        }
      } finally {
        await fresh.stop();
      }
    }
  });

  it('cancelled requests stop and say so; the server answers the next one', async () => {
    // Twenty pulls cancelled as soon as they are sent: those still queued when their cancellation
    // arrives must answer RequestCancelled; the rest answer normally; nothing else may happen.
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const source = new CancellationTokenSource();
        const request = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uri(path.join(copy.root, FILES[i % FILES.length]!)) } }, source.token);
        source.cancel();
        return request.then(
          () => 'answered',
          (error: { code?: number }) => (error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `failed ${String(error.code)}`),
        );
      }),
    );
    assert.deepEqual(outcomes.filter((o) => o !== 'answered' && o !== 'cancelled'), []);
    assert.ok(outcomes.includes('cancelled'), `none of ${outcomes.length} was cancelled`);
    assert.ok((await client.diagnostics(FILES[0]!)).length > 0, 'the server answers the next request');
  });
});

describe('a flood of edits to a push client', () => {
  const copy = tempCopy(EXAMPLE);
  let client: TestClient;
  before(async () => {
    client = await TestClient.started({ root: copy.root, pull: false });
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  it('publishes the latest text last, and far fewer times than there were edits', async () => {
    const file = 'src/app/projects/actions.ts';
    const docUri = await client.open(file);
    await client.waitFor(() => client.pushed.has(docUri), 'the first publish');
    const start = client.publishes.length;
    const published = () => client.publishes.slice(start).filter((p) => p.uri === docUri).map((p) => ({ version: p.version, count: p.diagnostics.length }));
    const original = copy.read(file);
    const extra = (n: number) => Array.from({ length: n }, (_, i) => `\nexport const EXTRA_${i} = ${i}`).join('');
    const edits = 60;
    for (let i = 1; i <= edits; i++) await client.change(file, original + extra(i % 7));
    const finalVersion = edits + 1;
    await client.waitFor(() => published().some((p) => p.version === finalVersion), 'the final version to be published');
    const all = published();
    const last = all[all.length - 1]!;
    assert.equal(last.version, finalVersion);
    assert.equal(last.count, 5 + (edits % 7), 'the findings of the final text');
    assert.ok(all.length < edits / 4, `${all.length} publishes for ${edits} edits`);
    const versions = all.map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'never an older result after a newer one');
  });
});
