// `npm run demo:mcp`: what a coding agent sees. The MCP server is started on the example app as an agent
// starts it (stdio, read-only) and each of its tools is called once, through the SDK's own client.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const cwd = process.argv[2] ?? 'examples/project-tracker';
const client = new Client({ name: 'next-action-advisor-demo', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command: process.execPath, args: ['dist/cli.js', 'mcp', '--root', cwd, '--no-cache'], stderr: 'ignore' }));
const { tools } = await client.listTools();
console.log(`tools/list: ${tools.map((t) => t.name).join(', ')}\n`);
const shorten = (text, max) => (text.length > max ? `${text.slice(0, max)} …` : text);
const calls = [
  ['check', { paths: ['src/app/billing'] }],
  ['decide', { location: 'src/app/billing/actions.ts:7' }],
  ['endpoints', { paths: ['src/app/api/tasks'] }],
  ['explain_rule', { rule: 'action-as-webhook' }],
  ['refactor', { kind: 'to-route', location: 'src/app/billing/actions.ts:7' }],
];
for (const [name, args] of calls) {
  const result = await client.callTool({ name, arguments: args });
  console.log(`→ ${name} ${JSON.stringify(args)}`);
  console.log(`← ${result.isError ? 'error: ' : ''}${shorten(result.content.map((c) => c.text).join('\n'), 1200)}\n`);
}
await client.close();
