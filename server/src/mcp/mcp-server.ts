import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { docsUrlFor, versionFrom } from '../install-location';
import { checkInput, checkOutput, checkTool } from './check-tool';
import { decideInput, decideOutput, decideTool } from './decide-tool';
import { endpointsInput, endpointsOutput, endpointsTool } from './endpoints-tool';
import { explainRuleInput, explainRuleOutput, explainRuleTool } from './explain-rule-tool';
import { refactorInput, refactorOutput, refactorTool } from './refactor-tool';
import type { ToolContext } from './tool-context';
import { WarmWorkspace, type Progress } from './warm-workspace';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const INSTRUCTIONS = `Next.js Action Advisor knows when a Server Action should be a Route Handler (and the reverse), and the footguns of both.
Before finishing a change to Next.js server code, call check on the files you changed and fix its errors and warnings.
Before writing a new endpoint, or when unsure which one a function should be, call decide.
Prefer refactor (preview it, then apply it) to rewriting by hand. Paths are relative to the workspace.`;

export interface McpOptions {
  /** The workspace folder, absolute. */
  root: string;
  allowWrite: boolean;
  /** Where the facts of the last run are kept, so that the next starts warm; none without. */
  cacheFolder?: string;
}

/** The tools over one warm workspace; `connect` it to a transport. */
export function createMcpServer(options: McpOptions, log: (message: string) => void): McpServer {
  const workspace = new WarmWorkspace(options.root, options.cacheFolder, log);
  const docsUrl = docsUrlFor(__dirname);
  const server = new McpServer({ name: 'next-action-advisor', title: 'Next.js Action Advisor', version: versionFrom(__dirname) }, { instructions: INSTRUCTIONS });
  const readOnly = { readOnlyHint: true, openWorldHint: false };
  /** Each answer from the workspace as it is on disk now, as JSON text and as structured content. */
  const answer =
    <I, O extends object>(run: (context: ToolContext, input: I) => O, text: (output: O) => string = (o) => JSON.stringify(o)) =>
    async (input: I, extra: Extra) => {
      const output = await workspace.use(progressOf(extra), (session) => run({ session, root: options.root, docsUrl, allowWrite: options.allowWrite, notices: workspace.notices }, input));
      // Plain JSON data, checked against the tool's output schema by the SDK.
      return { content: [{ type: 'text' as const, text: text(output) }], structuredContent: output as Record<string, unknown> };
    };

  server.registerTool(
    'check',
    {
      title: 'Check Next.js server code',
      description: 'The findings of the Next.js Action Advisor rules in files or folders: rule, severity, message, location, related locations, and the ids of the fixes offered (for refactor).',
      inputSchema: checkInput,
      outputSchema: checkOutput,
      annotations: readOnly,
    },
    answer(checkTool),
  );
  server.registerTool(
    'decide',
    {
      title: 'Server Action or Route Handler?',
      description: "The decision wizard: the recommendation (action, route, both, or a Server Component read) for the function at file:line, its answers read from the code, or for the answers given; with the reasons, each linked to its rule, the questions still open and the refactor to apply.",
      inputSchema: decideInput,
      outputSchema: decideOutput,
      annotations: readOnly,
    },
    answer(decideTool),
  );
  server.registerTool(
    'endpoints',
    {
      title: 'Endpoint inventory',
      description: "Every Server Action and Route Handler: URL, method, callers, authentication, caching, signals and finding counts.",
      inputSchema: endpointsInput,
      outputSchema: endpointsOutput,
      annotations: readOnly,
    },
    answer(endpointsTool),
  );
  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: "A rule's page: why the pattern costs something, what to do instead, a bad and a good example, and how to configure or silence it.",
      inputSchema: explainRuleInput,
      outputSchema: explainRuleOutput,
      annotations: readOnly,
    },
    answer(explainRuleTool, (o) => o.page),
  );
  server.registerTool(
    'refactor',
    {
      title: 'Refactor or fix',
      description: `Converts the Server Action at file:line to a Route Handler (to-route, or to-route-keep-action, to-route-rewrite-callers), a Route Handler to a Server Action (to-action, to-action-remove-route), extracts its data logic to a service (extract-service), or applies a fix id that check listed. Answers the change as a unified diff; ${options.allowWrite ? 'this server was started with --allow-write, so it also writes the files unless apply is false' : 'this server was started without --allow-write, so it never writes files'}.`,
      inputSchema: refactorInput,
      outputSchema: refactorOutput,
      annotations: { readOnlyHint: !options.allowWrite, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    answer(refactorTool, (o) => `${o.title}${o.applied ? ' (written)' : ' (preview)'}\n\n${o.diff}`),
  );
  return server;
}

/** Progress notifications of the first scan, for a call that asked for them with a progress token. */
function progressOf(extra: Extra): Progress | undefined {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  let last = -1;
  return (done, total) => {
    // Each notification must tell more progress than the last.
    if (done <= last) return;
    last = done;
    void extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: done, total, message: `Reading the workspace: ${done} of ${total} files` } }).catch(() => undefined);
  };
}

/** `next-action-advisor mcp`: the server over stdin and stdout, until the client closes them. */
export async function serveMcp(options: McpOptions): Promise<void> {
  const log = (message: string): void => void process.stderr.write(`next-action-advisor mcp: ${message}\n`);
  const server = createMcpServer(options, log);
  await server.connect(new StdioServerTransport());
  log(`serving ${options.root}${options.allowWrite ? ' (writes allowed)' : ' (read-only)'}`);
}
