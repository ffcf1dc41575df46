import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/analysis/rules';
import { rulePage } from '../../server/src/docs/rule-page';
import { withRuleTable } from '../../scripts/rule-docs';
import { agentSkill, SKILL_FILE } from '../../server/src/docs/agent-skill';

const ROOT = path.resolve(__dirname, '..', '..');
const RULES_DIR = path.join(ROOT, 'server', 'src', 'analysis', 'rules');
const NOT_RULES = new Set(['index.ts', 'rule.ts', 'shared.ts']);

describe('the rule catalogue', () => {
  it('registers every rule file, each under its own id', () => {
    const files = fs.readdirSync(RULES_DIR).filter((f) => !NOT_RULES.has(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual(RULES.map((r) => r.meta.id).sort(), files);
    assert.equal(new Set(RULES.map((r) => r.meta.id)).size, RULES.length);
  });

  for (const { meta } of RULES) {
    describe(meta.id, () => {
      it('has complete metadata', () => {
        for (const key of ['title', 'why', 'fix', 'bad', 'good'] as const) assert.ok(meta[key].trim().length > 10, `${key} is missing`);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(meta.defaultSeverity));
      });

      it('has a bad fixture, a clean twin and expectations', () => {
        for (const part of ['bad', 'good', 'expected.json']) assert.ok(fs.existsSync(path.join(ROOT, 'test', 'fixtures', 'rules', meta.id, part)), `${part} is missing`);
      });

      it('has a docs page generated from its metadata', () => {
        const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${meta.id}.md`), 'utf8');
        assert.equal(page, rulePage(meta), 'run npm run sync:docs');
      });

      it('has a severity setting in package.json', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        const setting = manifest.contributes.configuration.properties['nextActionAdvisor.rules'].properties[meta.id];
        assert.equal(setting?.default, meta.defaultSeverity);
      });
    });
  }

  it("keeps the README's rule table equal to the metadata", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.equal(readme, withRuleTable(readme), 'run npm run sync:docs');
  });

  it('keeps the agent skill equal to what the metadata generates', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, SKILL_FILE), 'utf8'), agentSkill(), 'run npm run sync:docs');
  });

  it('names every rule in the agent skill, with its severity and remedy', () => {
    const skill = agentSkill();
    assert.match(skill, /^---\nname: next-action-advisor\ndescription: \S.{40,}\n---\n/);
    for (const { meta } of RULES) assert.ok(skill.includes(`- \`${meta.id}\` (${meta.defaultSeverity}`) && skill.includes(meta.fix.replace(/\s+/g, ' ').trim()), meta.id);
  });
});
