// Writes the settings schema into package.json (contributes.configuration) and
// schemas/next-action-advisor.schema.json from the settings object and the rule registry.
// `npm run sync:settings`; test/unit/settings-sync.test.ts fails when they drift.
import * as fs from 'node:fs';
import { RULES } from '../server/src/analysis/rules';
import { DEFAULT_SETTINGS, SEVERITY_SETTINGS } from '../server/src/analysis/settings';
import { DEFAULT_EDITOR_SETTINGS, PROBLEMS } from '../server/src/lsp/editor-settings';
import { SETTINGS_SECTION } from '../server/src/protocol';

const descriptions: Record<keyof typeof DEFAULT_SETTINGS, string> = {
  rules: 'Severity per rule: `off`, `hint`, `info`, `warning` or `error`. A rule not listed keeps its default.',
  authFunctions: 'Extra functions that check the session or the user (added to the built-in list: `auth`, `getServerSession`, `currentUser`, `getUser`, `validateRequest`, …).',
  authWrappers: 'Extra wrappers whose wrapped action or handler counts as authenticated (added to `withAuth`, `authActionClient`, …).',
  validationFunctions: 'Extra functions that validate input (added to `parse`, `safeParse`, `validate`, …).',
  dataClients: 'Extra identifiers of data-layer clients (added to `prisma`, `db`, `supabase`, `sql`, `knex`, …).',
  maxFileSize: 'Files larger than this many bytes are skipped, with one message.',
  serviceFile: 'Where "Extract to service" puts the service of a domain, relative to the app root (`src/` is added when the app keeps its code there). `{domain}` is the plural noun of the function or its folder: `createProject` → `projects`.',
};

export function settingsProperties(): Record<string, Record<string, unknown>> {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS) as [keyof typeof DEFAULT_SETTINGS, unknown][]) {
    if (key === 'rules') {
      properties[key] = {
        type: 'object',
        default: value,
        markdownDescription: descriptions[key],
        additionalProperties: false,
        properties: Object.fromEntries(
          RULES.map(({ meta }) => [meta.id, { type: 'string', enum: SEVERITY_SETTINGS, default: meta.defaultSeverity, markdownDescription: `${meta.title}. Default: \`${meta.defaultSeverity}\`.` }]),
        ),
      };
    } else if (Array.isArray(value)) {
      properties[key] = { type: 'array', items: { type: 'string' }, default: value, markdownDescription: descriptions[key] };
    } else if (typeof value === 'string') {
      properties[key] = { type: 'string', pattern: '^[^/].*\\{domain\\}.*\\.(ts|js)$', default: value, markdownDescription: descriptions[key] };
    } else {
      properties[key] = { type: 'number', minimum: 1, default: value, markdownDescription: descriptions[key] };
    }
  }
  return properties;
}

export function projectFileSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Next.js Action Advisor project settings (next-action-advisor.json)',
    type: 'object',
    additionalProperties: false,
    properties: { $schema: { type: 'string' }, ...settingsProperties() },
  };
}

export function manifestProperties(): Record<string, Record<string, unknown>> {
  const scoped = Object.fromEntries(Object.entries(settingsProperties()).map(([k, v]) => [`${SETTINGS_SECTION}.${k}`, { ...v, scope: 'resource' }]));
  return {
    ...scoped,
    [`${SETTINGS_SECTION}.codeLens`]: {
      type: 'string',
      enum: ['all', 'counts', 'off'],
      enumDescriptions: ['What each action and route handler is on the wire and who calls it, then the refactors that apply.', 'Only what each one is and who calls it.', 'No code lenses.'],
      default: DEFAULT_EDITOR_SETTINGS.codeLens,
      scope: 'window',
      markdownDescription: 'Code lenses over every Server Action and Route Handler: `Server Action · public POST · 3 callers` (click: the call sites), followed by **Convert to route handler** and **Extract to service**.',
    },
    [`${SETTINGS_SECTION}.problems`]: {
      type: 'string',
      enum: PROBLEMS,
      enumDescriptions: ['The findings of the files open in the editor.', 'The findings of every file of the workspace, opened or not.'],
      default: DEFAULT_EDITOR_SETTINGS.problems,
      scope: 'window',
      markdownDescription:
        'Whose findings the Problems view lists. `workspace`: every file of the workspace, opened or not, kept current as you edit. `openFiles`: only the files open in the editor; **Next.js Action Advisor: Check Whole Workspace** lists every file once asked. The checker (`next-action-advisor check`) always reports every file.',
    },
    [`${SETTINGS_SECTION}.trace.server`]: { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window', markdownDescription: 'Traces the communication between VS Code and the language server, in the output channel.' },
  };
}

if (require.main === module) {
  const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  manifest.contributes.configuration.properties = manifestProperties();
  fs.writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync('schemas/next-action-advisor.schema.json', `${JSON.stringify(projectFileSchema(), null, 2)}\n`);
}
