import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import { extractFacts } from '../../server/src/analysis/facts/extract-facts';
import { StringPool } from '../../server/src/analysis/facts/string-pool';

const ACTIONS = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker', 'src', 'app', 'projects', '[projectId]', 'tasks', 'actions.ts');

describe('a string pool', () => {
  it('leaves decoded facts equal to what was encoded, in place', () => {
    const facts = extractFacts(ACTIONS, fs.readFileSync(ACTIONS, 'utf8'));
    const pool = new StringPool();
    const first = v8.deserialize(v8.serialize(facts));
    const second = v8.deserialize(v8.serialize(facts));
    const functions = second.functions;
    assert.equal(pool.intern(first), first);
    assert.equal(pool.intern(second), second);
    assert.equal(second.functions, functions);
    assert.deepEqual(first, facts);
    assert.deepEqual(second, facts);
  });
});
