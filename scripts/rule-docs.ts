// Writes docs/rules/<id>.md and the README's rule table from the rules' metadata.
// `npm run sync:docs`; test/unit/meta.test.ts fails when they drift.
import * as fs from 'node:fs';
import { RULES } from '../server/src/analysis/rules';
import type { RuleMeta } from '../server/src/analysis/rules/rule';

export function rulePage(meta: RuleMeta): string {
  return `# ${meta.id}

**${meta.title}**

Default severity: \`${meta.defaultSeverity}\`

## Why

${meta.why}

## What to do instead

${meta.fix}

${meta.accuracy ? `## Accuracy on real code\n\n${meta.accuracy}\n\n` : ''}${meta.sources ? `## Based on\n\n${meta.sources.map((s) => `- [${s.title}](${s.url})`).join('\n')}\n\n` : ''}## Bad

\`\`\`tsx
${meta.bad}
\`\`\`

## Good

\`\`\`tsx
${meta.good}
\`\`\`

## Configure

In VS Code settings (\`settings.json\`) or in \`next-action-advisor.json\` at the workspace root:

\`\`\`json
{ "nextActionAdvisor.rules": { "${meta.id}": "off" } }
\`\`\`

\`\`\`json
{ "rules": { "${meta.id}": "error" } }
\`\`\`

On the command line: \`next-action-advisor check --rule ${meta.id}=off\`.

To silence one finding, put this on the line above it (the quick fix writes it for you):

\`\`\`ts
// next-action-advisor-disable-next-line ${meta.id}
\`\`\`
`;
}

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
}
