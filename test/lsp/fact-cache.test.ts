import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { EXPECTED_TASK_FINDINGS, TASK_ACTIONS } from '../support/example-findings';
import { brief, TestClient } from '../support/lsp-client';
import { tempCopy } from '../support/temp-copy';

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
    assert.ok(fs.readdirSync(cacheFolder).length > 0, 'the cache is written in the storage folder');
    assert.ok(!fs.readdirSync(copy.root).some((f) => f.includes('cache')), 'nothing is written in the project');

    const warm = await start();
    assert.deepEqual({ parsed: warm.stats.parsed, fromCache: warm.stats.fromCache }, { parsed: 0, fromCache: cold.stats.files });
    assert.deepEqual(warm.findings, EXPECTED_TASK_FINDINGS);

    copy.write('src/app/projects/actions.ts', `${copy.read('src/app/projects/actions.ts')}\nexport const LATER = 1\n`);
    const edited = await start();
    assert.deepEqual({ parsed: edited.stats.parsed, fromCache: edited.stats.fromCache }, { parsed: 1, fromCache: cold.stats.files - 1 });
  });
});
