import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/analysis/rules';
import { analyzeFolder, FIXTURES } from '../support/analyze';

/**
 * Each rule's `bad` fixture yields exactly the findings in its `expected.json` (rule id, range,
 * message, related locations); its `good` twin yields none of that rule.
 * `UPDATE_EXPECTED=1` rewrites the expectations, to be reviewed in the diff.
 */
for (const { meta } of RULES) {
  describe(meta.id, () => {
    const dir = path.join(FIXTURES, 'rules', meta.id);
    const expectedPath = path.join(dir, 'expected.json');

    it('reports exactly the expected findings on its bad fixture', () => {
      const actual = analyzeFolder(path.join(dir, 'bad')).findings.filter((f) => f.ruleId === meta.id);
      if (process.env.UPDATE_EXPECTED) fs.writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
      assert.ok(expected.length > 0, 'a bad fixture must produce at least one finding');
      assert.deepEqual(actual, expected);
    });

    it('stays silent on its clean twin', () => {
      const actual = analyzeFolder(path.join(dir, 'good')).findings.filter((f) => f.ruleId === meta.id);
      assert.deepEqual(actual, []);
    });
  });
}
