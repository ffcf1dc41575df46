import { AUTH_LABELS } from './endpoint-labels';
import { cachingLabel, EndpointReader, type Endpoint } from './endpoints';
import type { ModuleDirective } from './facts/file-facts';
import { positionOf } from './positions';
import type { ProjectIndex } from './project/project-index';
import { relativePath } from './project/paths';
import { RULES } from './rules';
import type { AdvisorSettings } from './settings';
import type { Finding } from './types';

/** What a hover needs besides the index: the findings, and how to link a place and a rule page. */
export interface DescribeContext {
  index: ProjectIndex;
  settings: AdvisorSettings;
  findingsOf(file: string): Finding[];
  /** A link target that opens the file at the offset. */
  link(file: string, offset: number): string;
  /** A rule's page. */
  docs(ruleId: string): string;
}

/** At most this many callers or findings are listed. */
const MAX_LISTED = 8;

/** The rules that look at a module because of its directive. */
const DIRECTIVE_RULES: Record<ModuleDirective, string[]> = {
  'use server': ['action-missing-auth', 'action-unvalidated-input', 'use-server-invalid-export', 'action-as-webhook', 'action-large-upload', 'action-http-semantics', 'action-generic-rpc', 'action-used-for-read', 'action-missing-revalidation', 'action-throws-expected-error', 'redirect-in-try', 'logic-in-transport'],
  'use client': ['inline-use-server-in-client', 'action-called-in-effect', 'action-used-for-read', 'fetch-own-route-from-server'],
};

/**
 * A Markdown hover for what sits at an offset: the module's directive, the declaration of an action
 * or a route handler, or a reference to an action. `null` elsewhere.
 */
export function describeAt(context: DescribeContext, path: string, offset: number): string | null {
  const { index } = context;
  const facts = index.facts(path);
  if (!facts || facts.skipped) return null;
  const reader = new EndpointReader(index, context.settings, context.findingsOf);
  const line = positionOf(facts.lineStarts, offset).line;
  if (facts.directive && line < facts.prologueEndLine) return describeDirective(context, facts.directive, reader.inFile(path));
  const within = (span: { start: number; end: number }): boolean => span.start <= offset && offset <= span.end;
  const declared = reader.inFile(path).find((e) => within(e.span));
  if (declared) return declared.kind === 'action' ? describeAction(context, declared) : describeRoute(context, declared);
  const reference = index.referencesIn(path).usages.find((u) => within(u.usage.span));
  const action = reference ? index.actionOf(reference.key) : null;
  if (reference && action) {
    const app = index.appOf(action.file);
    const endpoint = app ? reader.ofAction(app, action) : null;
    return endpoint ? describeActionCall(context, path, endpoint) : null;
  }
  return null;
}

function describeDirective(context: DescribeContext, directive: ModuleDirective, endpoints: Endpoint[]): string {
  const rules = DIRECTIVE_RULES[directive].map((id) => RULES.find((r) => r.meta.id === id)).filter((r) => r !== undefined).map((r) => `[${r.meta.id}](${context.docs(r.meta.id)})`);
  const names = endpoints.filter((e) => e.kind === 'action').map((e) => `\`${e.name}\``);
  const body =
    directive === 'use server'
      ? [
          `**\`'use server'\`**: every exported async function of this file is a **Server Action**, a public \`POST\` endpoint that anyone can call with any arguments, whatever the UI shows.`,
          names.length === 0 ? 'No action is exported here yet.' : `Public endpoints here: ${names.join(', ')}.`,
          'Each one checks the session and validates its input itself; only async functions may be exported.',
        ]
      : [
          `**\`'use client'\`**: this file and what it imports run in the browser (and are rendered on the server first).`,
          'A Server Action called from here is a `POST` round trip to a public endpoint; actions are defined in a `\'use server\'` module, not inline.',
        ];
  return [...body, `Rules that look at this file: ${rules.join(', ')}.`].join('\n\n');
}

function describeAction(context: DescribeContext, endpoint: Endpoint): string {
  return [
    `**Server Action** \`${endpoint.name}\` — a public \`POST\` endpoint: anyone can call it with any arguments.`,
    `Auth: ${AUTH_LABELS[endpoint.auth]} · ${cachingLabel(endpoint.caching)}`,
    callersSection(context, endpoint, 'Called from'),
    findingsSection(context, endpoint),
  ]
    .filter((s) => s !== '')
    .join('\n\n');
}

function describeRoute(context: DescribeContext, endpoint: Endpoint): string {
  const method = endpoint.method === 'ANY' ? 'Any method' : endpoint.method;
  const signals = endpoint.signals.length > 0 ? ` · ${endpoint.signals.join(', ')}` : '';
  return [
    `**Route Handler** \`${method} ${endpoint.url}\` — a public URL, with full HTTP semantics.`,
    `Auth: ${AUTH_LABELS[endpoint.auth]} · Caching: ${cachingLabel(endpoint.caching)} (${endpoint.caching.why})${signals}`,
    endpoint.callers.length === 0 ? 'No `fetch` of it found in this workspace: external clients only, as far as the code shows.' : callersSection(context, endpoint, 'Fetched by this app from'),
    findingsSection(context, endpoint),
  ]
    .filter((s) => s !== '')
    .join('\n\n');
}

function describeActionCall(context: DescribeContext, from: string, endpoint: Endpoint): string {
  const app = context.index.appOf(from);
  const where = `[${linkText(app ? relativePath(app.root, endpoint.file) : endpoint.file)}](${context.link(endpoint.file, endpoint.span.start)})`;
  return [
    `**Server Action** \`${endpoint.name}\`, defined in ${where}. Calling it is a \`POST\` round trip to a public endpoint: the arguments are sent over the network, and the answer comes back after the server has run it.`,
    `Auth: ${AUTH_LABELS[endpoint.auth]}`,
    findingsSection(context, endpoint),
  ]
    .filter((s) => s !== '')
    .join('\n\n');
}

function callersSection(context: DescribeContext, endpoint: Endpoint, heading: string): string {
  if (endpoint.callers.length === 0) return 'No callers found in this workspace.';
  const lines = endpoint.callers.slice(0, MAX_LISTED).map((c) => `- [${linkText(placeOf(context, endpoint, c.file, c.span.start))}](${context.link(c.file, c.span.start)}) — ${c.how}`);
  const more = endpoint.callers.length > MAX_LISTED ? `\n- … and ${endpoint.callers.length - MAX_LISTED} more` : '';
  return `${heading} ${endpoint.callers.length} place${endpoint.callers.length === 1 ? '' : 's'}:\n${lines.join('\n')}${more}`;
}

function findingsSection(context: DescribeContext, endpoint: Endpoint): string {
  if (endpoint.findings.length === 0) return '';
  const lines = endpoint.findings.slice(0, MAX_LISTED).map((f) => `- [${f.ruleId}](${context.docs(f.ruleId)}) (${f.severity}): ${firstSentence(f.message)}`);
  return `Findings:\n${lines.join('\n')}`;
}

/** `src/components/task-board.tsx:12`, relative to the endpoint's app. */
function placeOf(context: DescribeContext, endpoint: Endpoint, file: string, offset: number): string {
  const starts = context.index.facts(file)?.lineStarts ?? [0];
  return `${relativePath(endpoint.app.root, file)}:${positionOf(starts, offset).line + 1}`;
}

/** Brackets of a path (`[projectId]`) would end the link's text. */
function linkText(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end === -1 ? message : message.slice(0, end + 1);
}

