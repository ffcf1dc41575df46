// Writes docs/rules/<id>.md, the README's rule table and the agent skill from the rules' metadata.
// `npm run sync:docs`; test/unit/meta.test.ts fails when they drift.
import * as fs from 'node:fs';
import { RULES } from '../server/src/analysis/rules';
import { agentSkill, SKILL_FILE } from '../server/src/docs/agent-skill';
import { rulePage } from '../server/src/docs/rule-page';

export function ruleTable(): string {
  const rows = RULES.map(({ meta }) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.defaultSeverity} | ${meta.title.replace(/\|/g, '\\|')} |`);
  return ['| rule | default | fires when |', '|---|---|---|', ...rows].join('\n');
}

export const TABLE_START = '<!-- rules:start -->';
export const TABLE_END = '<!-- rules:end -->';

export function withRuleTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < 0) throw new Error('README.md lacks the rule table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${ruleTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  fs.mkdirSync('docs/rules', { recursive: true });
  for (const { meta } of RULES) fs.writeFileSync(`docs/rules/${meta.id}.md`, rulePage(meta));
  fs.writeFileSync('README.md', withRuleTable(fs.readFileSync('README.md', 'utf8')));
  fs.mkdirSync(SKILL_FILE.slice(0, SKILL_FILE.lastIndexOf('/')), { recursive: true });
  fs.writeFileSync(SKILL_FILE, agentSkill());
}
