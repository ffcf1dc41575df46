import { z } from 'zod';
import { decisionJson, type DecisionJson } from '../analysis/decide/decision-json';
import { answerProblem, QUESTIONS } from '../analysis/decide/questions';
import { locationArg } from './location-arg';
import { shownPath, type ToolContext } from './tool-context';

export const decideInput = {
  location: z.string().optional().describe('The Server Action or Route Handler to decide for, as <file>:<line> relative to the workspace: its answers are read from the code.'),
  answers: z
    .record(z.string())
    .optional()
    .describe(`Answers that override or replace those read from the code, by question: ${Object.values(QUESTIONS).map((q) => `${q.id} (${q.options.map((o) => o.value).join('|')})`).join(', ')}.`),
};

export const decideOutput = {
  target: z.object({ kind: z.enum(['action', 'route']), name: z.string(), file: z.string(), line: z.number() }).nullable(),
  questions: z.array(z.object({ id: z.string(), title: z.string(), answer: z.string().nullable() }).passthrough()),
  recommendation: z.object({ choice: z.string(), title: z.string(), reasons: z.array(z.object({}).passthrough()), caveats: z.array(z.object({}).passthrough()), otherChoice: z.string() }).passthrough().nullable().describe('null while a question is open'),
  refactor: z.object({ kind: z.string(), title: z.string() }).nullable().describe('What refactor to apply for the recommendation, if any'),
};

/** The wizard's decision, as `decide --format json` gives it: for the function at `location`, or for the answers alone. */
export function decideTool(context: ToolContext, input: { location?: string | undefined; answers?: Record<string, string> | undefined }): DecisionJson {
  const answers = input.answers ?? {};
  for (const [id, value] of Object.entries(answers)) {
    const problem = answerProblem(id, value);
    if (problem) throw new Error(problem);
  }
  const shown = (file: string): string => shownPath(context, file);
  if (input.location === undefined) return decisionJson(context.session.decide({ answers }), context.docsUrl, shown);
  const at = locationArg(context, input.location);
  const decision = context.session.decide({ file: at.file, offset: at.offset, answers });
  if (!decision.target) throw new Error(`There is no Server Action or Route Handler at ${input.location}: give the line of one (its declaration or a line inside it), or answers alone.`);
  return decisionJson(decision, context.docsUrl, shown);
}
