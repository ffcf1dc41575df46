import { answerProblem, QUESTIONS } from '../../analysis/decide/questions';
import { defineCommand, UsageError } from '../command-line';
import { locationOf } from './location';

export interface DecideOptions {
  /** The function at `file:line`, when given. */
  location: { file: string; line: number } | null;
  answers: Record<string, string>;
  format: 'text' | 'json';
}

export const decideCommand = defineCommand({
  name: 'decide',
  summary: 'answer "Server Action or Route Handler?" for the code at a line, or for answers given',
  synopsis: '[<file>:<line>] [--answers <question>=<answer>…] [--format text|json]',
  description: `Answers "Server Action or Route Handler?" for the action or route handler at that line (its answers
read from the code) or for the answers given, and lists the questions still open.`,
  arguments: [['<file>:<line>', 'where the action or route handler is']],
  options: {
    answers: { type: 'string', multiple: true, gathers: true, value: '<question>=<answer>…', description: `the answers to questions among ${Object.keys(QUESTIONS).join(', ')}` },
    format: { type: 'string', choices: ['text', 'json'], default: 'text', description: 'the decision as Markdown text, or as JSON' },
  },
  exitCodes: [
    [0, 'decided'],
    [1, 'a question is still open'],
    [2, 'bad usage, or no action or route handler at that line'],
  ],
  read(values, positionals): DecideOptions {
    const answers: Record<string, string> = {};
    for (const arg of values.answers) {
      const [id, value] = arg.split('=');
      if (id === undefined || !Object.hasOwn(QUESTIONS, id)) throw new UsageError(`--answers takes <question>=<answer> with a question among ${Object.keys(QUESTIONS).join(', ')}, not ${arg}`);
      const problem = answerProblem(id, value);
      if (problem) throw new UsageError(problem);
      answers[id] = value!;
    }
    const location = positionals.length === 0 ? null : locationOf(positionals[0]);
    if (positionals.length > 1 || (positionals.length === 1 && !location)) throw new UsageError('decide takes at most one location, as <file>:<line>');
    return { location, answers, format: values.format };
  },
});
