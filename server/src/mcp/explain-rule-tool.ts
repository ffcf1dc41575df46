import { z } from 'zod';
import { RULES } from '../analysis/rules';
import { rulePage } from '../docs/rule-page';
import type { ToolContext } from './tool-context';

export const explainRuleInput = {
  rule: z.string().describe(`A rule id: ${RULES.map((r) => r.meta.id).join(', ')}`),
};

export const explainRuleOutput = {
  id: z.string(),
  title: z.string(),
  defaultSeverity: z.enum(['error', 'warning', 'info', 'hint']),
  docs: z.string().describe("The page's address"),
  page: z.string().describe('The page in Markdown: why, what to do instead, a bad and a good example, how to configure it'),
};

/** A rule's page, the one its diagnostics link to. */
export function explainRuleTool(context: ToolContext, { rule }: { rule: string }): z.infer<z.ZodObject<typeof explainRuleOutput>> {
  const meta = RULES.find((r) => r.meta.id === rule)?.meta;
  if (!meta) throw new Error(`There is no rule ${rule}. The rules: ${RULES.map((r) => r.meta.id).join(', ')}`);
  return { id: meta.id, title: meta.title, defaultSeverity: meta.defaultSeverity, docs: context.docsUrl(meta.id), page: rulePage(meta) };
}
