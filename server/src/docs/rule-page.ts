import type { RuleMeta } from '../analysis/rules/rule';

/** A rule's page (`docs/rules/<id>.md`), from its metadata: what the diagnostics link to and `explain_rule` answers. */
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
