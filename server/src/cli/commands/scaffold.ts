import { defineCommand, orList, UsageError } from '../command-line';

const VARIANTS = ['action', 'route', 'both'] as const;

export interface ScaffoldOptions {
  name: string;
  variant: (typeof VARIANTS)[number];
  /** A folder in the app the code goes into. */
  app: string;
}

export const scaffoldCommand = defineCommand({
  name: 'scaffold',
  summary: 'write a new service with its Server Action, its Route Handler, or both',
  synopsis: `<name> --variant ${VARIANTS.join('|')} [--app <folder>]`,
  description: `Writes new code where the decision put it: a service and its Server Action, its Route Handler, or
both, and prints the files it created.`,
  arguments: [['<name>', 'a verb and a noun: createInvoice']],
  options: {
    variant: { type: 'string', choices: VARIANTS, description: 'a Server Action, a Route Handler, or both, over the service' },
    app: { type: 'string', value: '<folder>', default: '.', description: 'a folder in the app the code goes into' },
  },
  exitCodes: [
    [0, 'written'],
    [1, 'refused, with the reason (a name that is not a verb and a noun, or one that exists); nothing written'],
    [2, 'bad usage'],
  ],
  read(values, positionals): ScaffoldOptions {
    const [name, ...more] = positionals;
    if (name === undefined || more.length > 0) throw new UsageError('scaffold takes one name, like createInvoice');
    if (values.variant === undefined) throw new UsageError(`--variant takes ${orList(VARIANTS)}, not nothing`);
    return { name, variant: values.variant, app: values.app };
  },
});
