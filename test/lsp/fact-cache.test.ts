import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { EXPECTED_TASK_FINDINGS, TASK_ACTIONS } from '../support/example-findings';
import { brief, TestClient } from '../support/lsp-client';
import { tempCopy } from '../support/temp-copy';
import { FACTS_CACHE_FILE } from '../../server/src/workspace/fact-cache';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');

describe('the facts cache in the editor storage folder', () => {
  const copy = tempCopy(EXAMPLE);
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-cache-'));
  after(() => {
    copy.remove();
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  });

  /** One server start on the copy: what its scan says, and the task actions' findings. */
  const start = async () => {
    const client = await TestClient.started({ root: copy.root, initializationOptions: { cacheFolder } });
    await client.open(TASK_ACTIONS);
    const findings = brief(await client.diagnostics(TASK_ACTIONS));
    await client.stop();
    return { stats: client.indexedStats!, findings };
  };

  it('parses everything once, then nothing that did not change, with the same findings', async () => {
    const cold = await start();
    assert.equal(cold.stats.fromCache, 0);
    assert.equal(cold.stats.parsed, cold.stats.files);
    assert.ok(fs.existsSync(path.join(cacheFolder, FACTS_CACHE_FILE)), 'the cache is written in the storage folder');
    assert.ok(!fs.readdirSync(copy.root).some((f) => f.includes('cache')), 'nothing is written in the project');

    const warm = await start();
    assert.deepEqual({ parsed: warm.stats.parsed, fromCache: warm.stats.fromCache }, { parsed: 0, fromCache: cold.stats.files });
    assert.deepEqual(warm.findings, EXPECTED_TASK_FINDINGS);

    copy.write('src/app/projects/actions.ts', `${copy.read('src/app/projects/actions.ts')}\nexport const LATER = 1\n`);
    const edited = await start();
    assert.deepEqual({ parsed: edited.stats.parsed, fromCache: edited.stats.fromCache }, { parsed: 1, fromCache: cold.stats.files - 1 });
  });

  it("answers the opened file of a warm start before it reads the cache, then with the whole index's findings", async () => {
    await start();
    const client = await TestClient.start({ root: copy.root, initializationOptions: { cacheFolder } });
    await client.open(TASK_ACTIONS);
    const first = brief(await client.diagnostics(TASK_ACTIONS));
    const progressBefore = client.progress.filter((p) => p.kind === 'report');
    const indexedBefore = client.indexedStats;
    await client.waitFor(() => client.indexedStats !== null, 'the initial scan');
    const whole = brief(await client.diagnostics(TASK_ACTIONS));
    await client.stop();
    assert.deepEqual({ progressBefore, indexedBefore }, { progressBefore: [], indexedBefore: null }, 'the first answer came before any cached file was counted');
    assert.ok(first.length > 0, 'the first answer already holds the findings the file gives alone');
    assert.deepEqual({ parsed: client.indexedStats!.parsed, fromCache: client.indexedStats!.fromCache }, { parsed: 0, fromCache: client.indexedStats!.files - 1 }, "the open file is the editor's text");
    assert.deepEqual(whole, EXPECTED_TASK_FINDINGS);
  });

  it('trusts a file whose size and modification time are unchanged without reading it, and re-reads one touched since', async () => {
    const file = path.join(copy.root, 'src/app/projects/actions.ts');
    const text = copy.read('src/app/projects/actions.ts');
    const stamped = new Date('2026-01-01T00:00:00Z');
    fs.utimesSync(file, stamped, stamped);
    await start();
    // Same size, other text, and the old modification time: only a read could tell, and the stamp says none is needed.
    fs.writeFileSync(file, text.replace('export const LATER = 1', 'export const LATER = 2'));
    fs.utimesSync(file, stamped, stamped);
    const trusted = await start();
    assert.deepEqual({ parsed: trusted.stats.parsed, fromCache: trusted.stats.fromCache }, { parsed: 0, fromCache: trusted.stats.files });
    fs.utimesSync(file, stamped, new Date(stamped.getTime() + 5000));
    const touched = await start();
    assert.deepEqual({ parsed: touched.stats.parsed, fromCache: touched.stats.fromCache }, { parsed: 1, fromCache: touched.stats.files - 1 });
  });

  it('resolves the imports again when a file appears: an import that resolved to nothing now reaches the new action', async () => {
    const panel = 'src/components/late-panel.tsx';
    copy.write(panel, "'use client'\n\nimport { useEffect, useState } from 'react'\nimport { loadLater } from './late-actions'\n\nexport function LatePanel() {\n  const [count, setCount] = useState(0)\n  useEffect(() => {\n    loadLater().then((rows) => setCount(rows.length))\n  }, [])\n  return <p>{count}</p>\n}\n");
    const effectFindings = async () => {
      const client = await TestClient.started({ root: copy.root, initializationOptions: { cacheFolder } });
      await client.open(panel);
      const codes = (await client.diagnostics(panel)).map((d) => d.code);
      await client.stop();
      return codes.filter((c) => c === 'action-called-in-effect');
    };
    assert.deepEqual(await effectFindings(), []);
    copy.write('src/components/late-actions.ts', "'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function loadLater() {\n  return db.task.findMany()\n}\n");
    assert.deepEqual(await effectFindings(), ['action-called-in-effect']);
  });

  it('parses everything again, with the same findings, when the cache file is truncated or not a cache, and writes it anew', async () => {
    await start();
    const file = path.join(cacheFolder, FACTS_CACHE_FILE);
    const whole = fs.readFileSync(file);
    for (const damaged of [whole.subarray(0, whole.length - 9), whole.subarray(0, 3), Buffer.from('not a cache at all'), Buffer.alloc(0)]) {
      fs.writeFileSync(file, damaged);
      const again = await start();
      assert.deepEqual({ parsed: again.stats.parsed, fromCache: again.stats.fromCache }, { parsed: again.stats.files, fromCache: 0 });
      assert.deepEqual(again.findings, EXPECTED_TASK_FINDINGS);
      const rewritten = await start();
      assert.deepEqual({ parsed: rewritten.stats.parsed, fromCache: rewritten.stats.fromCache }, { parsed: 0, fromCache: rewritten.stats.files });
    }
  });
});
