import type { Decision } from './decide';
import type { Reason } from './recommend';

/**
 * The decision as Markdown: what the code is, the answers (those the code gave with their evidence),
 * the questions still open, then the recommendation, its reasons with links to the rule pages, the
 * caveats, what the other choice would cost, and the refactor that gets there. The wizard's preview
 * and `next-action-advisor decide` both show it.
 */
export function decisionMarkdown(decision: Decision, docsUrl: (rule: string) => string, shown: (file: string) => string): string {
  const lines: string[] = ['# Server Action or Route Handler?', ''];
  const { target, recommendation } = decision;
  if (target) lines.push(`For ${target.kind === 'action' ? `the Server Action \`${target.name}\`` : `the \`${target.name}\` Route Handler`} in ${shown(target.file)}:${target.line}.`, '');
  lines.push('## Answers', '');
  for (const q of decision.questions) {
    const option = q.options.find((o) => o.value === q.answer);
    if (!option) {
      lines.push(`- ${q.title} *Open:* ${q.options.map((o) => `\`${q.id}=${o.value}\` (${o.label})`).join(', ')}`);
      continue;
    }
    const from = q.inferred && q.inferred.value === q.answer ? ` (from the code: ${q.inferred.evidence.map((e) => `${shown(e.file)}:${e.line} ${e.what}`).join('; ')})` : '';
    lines.push(`- ${q.title} **${option.label}**${from}`);
  }
  if (!recommendation) {
    lines.push('', 'Answer the open questions for a recommendation.');
    return `${lines.join('\n')}\n`;
  }
  const item = (reason: Reason): string => `- ${reason.text}${reason.rule ? ` ([${reason.rule}](${docsUrl(reason.rule)}))` : ''}`;
  lines.push('', `## Recommendation: ${recommendation.title}`, '', ...recommendation.reasons.map(item));
  lines.push('', '## Keep in mind', '', ...recommendation.caveats.map(item));
  lines.push('', '## The other choice', '', recommendation.otherChoice);
  if (decision.refactor) lines.push('', '## Next step', '', `${decision.refactor.title}.`);
  return `${lines.join('\n')}\n`;
}
