import { defineCommand } from '../command-line';

export type EndpointsFormat = 'table' | 'json' | 'markdown';

export interface EndpointsOptions {
  paths: string[];
  format: EndpointsFormat;
}

export const endpointsCommand = defineCommand({
  name: 'endpoints',
  summary: 'list every Server Action and Route Handler: URL, callers, auth, caching, findings',
  synopsis: '[paths…] [--format table|json|markdown]',
  description: `Lists, per app, every Server Action and Route Handler of the given files and folders: its method
and URL, how many places of the app call it, how it checks its caller (a session check, an
authenticating wrapper, a signature, a token or API key, or none), what can be cached, and its
findings. The Markdown table is ready for a security review or a pull request's description.`,
  arguments: [['paths…', 'files and folders to list (default: .)']],
  options: {
    format: { type: 'string', choices: ['table', 'json', 'markdown'], default: 'table', description: 'a text table, JSON, or a Markdown table' },
  },
  exitCodes: [
    [0, 'listed'],
    [2, 'bad usage, or a path that does not exist'],
  ],
  read(values, positionals): EndpointsOptions {
    return { paths: positionals.length > 0 ? positionals : ['.'], format: values.format };
  },
});
