import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { StatusResult } from '../../server/src/protocol';
import { EXPECTED_TASK_FINDINGS, TASK_ACTIONS } from '../support/example-findings';
import { brief, TestClient } from '../support/lsp-client';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');

describe("the server's compiled code, kept in the editor storage folder", () => {
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-code-cache-'));
  after(() => fs.rmSync(cacheFolder, { recursive: true, force: true }));
  const codeCaches = () => fs.readdirSync(cacheFolder).filter((f) => f.startsWith('code-'));

  /** One session: the code cache's state once the index is complete, and the task actions' findings. */
  const start = async () => {
    const client = await TestClient.started({ root: EXAMPLE, initializationOptions: { cacheFolder } });
    await client.open(TASK_ACTIONS);
    const findings = brief(await client.diagnostics(TASK_ACTIONS));
    const status = (await client.connection.sendRequest('nextActionAdvisor/status')) as StatusResult;
    await client.stop();
    return { state: status.codeCache, findings };
  };

  it('is written as the first session shuts down, and run by the next start, with the same findings', async () => {
    assert.deepEqual(await start(), { state: 'missing', findings: EXPECTED_TASK_FINDINGS });
    assert.equal(codeCaches().length, 1);
    assert.deepEqual(await start(), { state: 'used', findings: EXPECTED_TASK_FINDINGS });
  });

  it('is compiled anew and replaced when V8 refuses it', async () => {
    await start();
    const [file] = codeCaches();
    fs.writeFileSync(path.join(cacheFolder, file!), 'not compiled code');
    assert.deepEqual(await start(), { state: 'rejected', findings: EXPECTED_TASK_FINDINGS });
    assert.deepEqual(await start(), { state: 'used', findings: EXPECTED_TASK_FINDINGS });
    assert.deepEqual(codeCaches(), [file]);
  });

  it('is off without a storage folder', async () => {
    const client = await TestClient.started({ root: EXAMPLE });
    const status = (await client.connection.sendRequest('nextActionAdvisor/status')) as StatusResult;
    await client.stop();
    assert.equal(status.codeCache, 'off');
  });
});
