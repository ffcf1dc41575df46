import { RULE_IDS } from '../../analysis/rules';
import { SEVERITY_SETTINGS } from '../../analysis/settings';
import { defineCommand, UsageError } from '../command-line';

export type Format = 'pretty' | 'json' | 'sarif';

export interface CheckOptions {
  paths: string[];
  format: Format;
  rules: Record<string, string>;
  maxWarnings: number;
  /** Fixes applied on disk first (`--fix`), or printed as a diff (`--fix-dry-run`). */
  fix: 'none' | 'write' | 'dry-run';
  /** Fixes that change other files too (moving code to a new module) are applied as well. */
  fixRefactors: boolean;
}

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'report what the rules find in files and folders (the default command)',
  synopsis: '[paths…] [options]',
  description: `Finds Server Actions that should be Route Handlers (and the reverse), and the other patterns the
rules know, in the Next.js apps of the given files and folders. Settings are read from
next-action-advisor.json in each checked folder.`,
  arguments: [['paths…', 'files and folders to check (default: .)']],
  options: {
    format: { type: 'string', choices: ['pretty', 'json', 'sarif'], default: 'pretty', description: 'output format' },
    rule: { type: 'string', multiple: true, value: '<id>=<severity>', description: `set a rule's severity: ${SEVERITY_SETTINGS.join(', ')}` },
    'max-warnings': { type: 'string', value: '<n>', description: 'exit with 1 when there are more than n warnings (default: no limit)' },
    fix: { type: 'boolean', description: 'apply the fixes that change only the finding\'s file, on disk, then report what is left' },
    'fix-refactors': { type: 'boolean', description: 'with --fix: also the fixes that change other files (moving code to a new module)' },
    'fix-dry-run': { type: 'boolean', description: 'print the fixes as a unified diff instead of writing them' },
  },
  exitCodes: [
    [0, 'no errors'],
    [1, 'errors, or more warnings than --max-warnings'],
    [2, 'bad usage, or a path that does not exist'],
  ],
  read(values, positionals): CheckOptions {
    const rules: Record<string, string> = {};
    for (const setting of values.rule) {
      const [id, severity] = setting.split('=');
      if (!id || !RULE_IDS.includes(id)) throw new UsageError(`unknown rule ${id ?? ''}; rules: ${RULE_IDS.join(', ')}`);
      if (!severity || !SEVERITY_SETTINGS.includes(severity as never)) throw new UsageError(`--rule ${id}= takes one of ${SEVERITY_SETTINGS.join(', ')}`);
      rules[id] = severity;
    }
    const limit = values['max-warnings'];
    if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError('--max-warnings takes a whole number');
    if (values['fix-refactors'] && !values.fix && !values['fix-dry-run']) throw new UsageError('--fix-refactors goes with --fix or --fix-dry-run');
    const fix = values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : 'none';
    return { paths: positionals.length > 0 ? positionals : ['.'], format: values.format, rules, maxWarnings: limit === undefined ? Infinity : Number(limit), fix, fixRefactors: values['fix-refactors'] };
  },
});
