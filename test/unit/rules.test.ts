import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/analysis/rules';
import { analyzeFolder, FIXTURES, type ShownFinding } from '../support/analyze';

const analyzed = new Map<string, ShownFinding[]>();
/** Every finding of every rule on a fixture folder, analysed once for all the tests below. */
function findingsIn(dir: string): ShownFinding[] {
  let findings = analyzed.get(dir);
  if (!findings) analyzed.set(dir, (findings = analyzeFolder(dir).findings));
  return findings;
}

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
      const actual = findingsIn(path.join(dir, 'bad')).filter((f) => f.ruleId === meta.id);
      if (process.env.UPDATE_EXPECTED) fs.writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
      assert.ok(expected.length > 0, 'a bad fixture must produce at least one finding');
      assert.deepEqual(actual, expected);
    });

    it('stays silent on its clean twin', () => {
      const actual = findingsIn(path.join(dir, 'good')).filter((f) => f.ruleId === meta.id);
      assert.deepEqual(actual, []);
    });
  });
}

/**
 * The Problems panel and the hover show a message as plain text, and the panel's one line shows little
 * more than its first sentence: that sentence says what is wrong, the rest why and what to do.
 */
describe('finding messages', () => {
  const all = (): ShownFinding[] => RULES.flatMap(({ meta }) => ['bad', 'good'].flatMap((part) => findingsIn(path.join(FIXTURES, 'rules', meta.id, part))));

  it('are plain text, with no Markdown backticks', () => {
    for (const finding of all()) {
      assert.ok(!finding.message.includes('`'), `${finding.ruleId}: ${finding.message}`);
      for (const related of finding.related) assert.ok(!related.includes('`'), `${finding.ruleId}: ${related}`);
    }
  });

  it('open with a first sentence of at most 100 characters', () => {
    for (const finding of all()) {
      const first = finding.message.split(/\.(?:\s|$)/)[0]!;
      assert.ok(first.length <= 100, `${finding.ruleId}: ${first.length} characters in "${first}"`);
    }
  });
});
