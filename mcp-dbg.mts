import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
const transport = new StdioClientTransport({ command: process.execPath, args: ['/work/main/dist/cli.js', 'mcp'], cwd: '/tmp/benchws', env: { ...process.env, XDG_CACHE_HOME: '/tmp/mcpt/cache' + Date.now() } as any, stderr: 'inherit' });
const client = new Client({ name: 't', version: '1' });
await client.connect(transport);
const p: any[] = [];
const c = await client.callTool({ name: 'check', arguments: { paths: ['packages'] } }, undefined, { onprogress: (x) => p.push(x) });
console.log(p.length, JSON.stringify(p.slice(0, 3)), JSON.stringify(p.slice(-2)));
await client.close();
