// A deterministic (seeded) generator of a large Next.js monorepo for `npm run bench`: several apps,
// `src/app` and `app`, route groups and dynamic segments, client and server components, action
// modules, route handlers and services, with a share of every rule's cases. About 3,000 files and
// 500k lines by default. `tsx bench/generate.ts [folder] [--seed N] [--apps N] [--domains N]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../test/support/random';

export interface GeneratorOptions {
  root: string;
  seed: number;
  apps: number;
  domainsPerApp: number;
}

export const DEFAULTS = { seed: 42, apps: 6, domainsPerApp: 50 };
/** The action file whose keystrokes the benchmark times: 540 lines, in the first app. */
export const LARGE_ACTION_FILE = 'apps/app-0/src/app/(dashboard)/projects/actions.ts';
/** A client component that calls actions of that file in an effect. */
export const CALLER_FILE = 'apps/app-0/src/components/projects/projects-panel-0.tsx';

const NOUNS = ['project', 'task', 'invoice', 'customer', 'order', 'ticket', 'report', 'team', 'member', 'comment', 'label', 'milestone', 'payment', 'subscription', 'asset', 'document', 'event', 'note', 'shipment', 'product'];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function generate(options: GeneratorOptions): { files: number; lines: number } {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let files = 0;
  let lines = 0;
  const write = (relative: string, text: string): void => {
    const full = path.join(options.root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    files++;
    lines += text.split('\n').length;
  };

  fs.rmSync(options.root, { recursive: true, force: true });
  write('package.json', JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['apps/*', 'packages/*'] }, null, 2));
  write('tsconfig.base.json', JSON.stringify({ compilerOptions: { strict: true, jsx: 'preserve', moduleResolution: 'bundler', module: 'esnext', target: 'es2022' } }, null, 2));
  write('packages/db/src/index.ts', "export const db: any = {}\nexport const sql: any = () => []\n");
  for (let i = 0; i < 20; i++) write(`packages/ui/src/button-${i}.tsx`, uiComponent(i));

  for (let a = 0; a < options.apps; a++) {
    const app = `apps/app-${a}`;
    const src = a % 2 === 0 ? 'src/' : '';
    write(`${app}/package.json`, JSON.stringify({ name: `app-${a}`, dependencies: { next: '16.0.0', react: '19.0.0' } }, null, 2));
    write(`${app}/next.config.mjs`, `export default { ${a === 1 ? "basePath: '/app1', " : ''}experimental: { serverActions: { bodySizeLimit: '2mb' } } }\n`);
    write(`${app}/tsconfig.json`, JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { baseUrl: '.', paths: { '@/*': [`./${src}*`], '@acme/db': ['../../packages/db/src/index.ts'] } } }, null, 2));
    write(`${app}/${src}lib/auth.ts`, "import { cookies } from 'next/headers'\n\nexport async function auth() {\n  const token = (await cookies()).get('session')?.value\n  return token ? { user: { id: token } } : null\n}\n");
    write(`${app}/${src}app/layout.tsx`, 'export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html><body>{children}</body></html>\n}\n');
    for (let d = 0; d < options.domainsPerApp; d++) {
      const noun = a === 0 && d === 0 ? 'project' : `${NOUNS[d % NOUNS.length]}${d >= NOUNS.length ? Math.floor(d / NOUNS.length) : ''}`;
      const plural = noun === 'project' ? 'projects' : `${noun}s`;
      const large = a === 0 && d === 0;
      write(`${app}/${src}lib/${plural}/service.ts`, service(noun, plural, 12 + Math.floor(random() * 8)));
      write(`${app}/${src}app/(dashboard)/${plural}/actions.ts`, large ? largeActions(noun, plural) : actions(noun, plural, random, 8 + Math.floor(random() * 8)));
      write(`${app}/${src}app/(dashboard)/${plural}/page.tsx`, listPage(noun, plural, random() < 0.1));
      write(`${app}/${src}app/(dashboard)/${plural}/[id]/page.tsx`, detailPage(noun, plural, random() < 0.1));
      write(`${app}/${src}app/api/${plural}/route.ts`, collectionRoute(noun, plural, random() < 0.2));
      write(`${app}/${src}app/api/${plural}/[id]/route.ts`, itemRoute(noun, random() < 0.2));
      for (let c = 0; c < 4; c++) write(`${app}/${src}components/${plural}/${plural}-panel-${c}.tsx`, clientComponent(noun, plural, c, large && c === 0 ? 0 : pick([0, 1, 2, 3]), random));
    }
  }
  return { files, lines };
}

function uiComponent(i: number): string {
  const body = Array.from({ length: 30 }, (_, k) => `  const style${k} = { padding: ${k}, margin: ${k % 4} }`).join('\n');
  return `export function Button${i}({ label }: { label: string }) {\n${body}\n  return <button style={style0}>{label}</button>\n}\n`;
}

function service(noun: string, plural: string, count: number): string {
  const N = cap(noun);
  const fns = Array.from({ length: count }, (_, i) => `
/** Loads the ${plural} of an owner, page ${i}. */
export async function list${N}sPage${i}(ownerId: string, cursor?: string) {
  const rows = await db.${noun}.findMany({ where: { ownerId, archived: false }, take: 20, skip: ${i} * 20, cursor: cursor ? { id: cursor } : undefined })
  const total = await db.${noun}.count({ where: { ownerId } })
  const visible = rows.filter((row: { hidden?: boolean }) => !row.hidden)
  return { rows: visible, total, next: visible.length === 20 ? visible[visible.length - 1]?.id : null }
}

export async function update${N}Field${i}(id: string, value: string) {
  if (value.length > 200) return { error: 'Too long' }
  const updated = await db.${noun}.update({ where: { id }, data: { field${i}: value } })
  return { ok: true, updated }
}`).join('\n');
  return `import { db } from '@acme/db'\n${fns}\n\nexport async function create${N}(ownerId: string, name: string) {\n  return db.${noun}.create({ data: { ownerId, name } })\n}\n\nexport async function remove${N}(id: string) {\n  return db.${noun}.delete({ where: { id } })\n}\n`;
}

function actions(noun: string, plural: string, random: () => number, count: number): string {
  const N = cap(noun);
  const parts = [`'use server'\n\nimport { revalidatePath } from 'next/cache'\nimport { z } from 'zod'\nimport { auth } from '@/lib/auth'\nimport { create${N}, remove${N} } from '@/lib/${plural}/service'\nimport { db } from '@acme/db'\n\nconst Input = z.object({ name: z.string().min(1).max(80) })\n`];
  parts.push(`export async function create${N}Action(_state: { error?: string }, formData: FormData) {
  const session = await auth()
  if (!session) return { error: 'Sign in first' }
  const parsed = Input.safeParse({ name: formData.get('name') })
  if (!parsed.success) return { error: parsed.error.issues[0]?.message }
  await create${N}(session.user.id, parsed.data.name)
  revalidatePath('/${plural}')
  return {}
}`);
  for (let i = 0; i < count; i++) {
    const kind = Math.floor(random() * 6);
    if (kind === 0) parts.push(`export async function remove${N}${i}(id: string) {\n  await remove${N}(id)\n  revalidatePath('/${plural}')\n}`);
    else if (kind === 1) parts.push(`export async function load${N}s${i}(ownerId: string) {\n  return db.${noun}.findMany({ where: { ownerId } })\n}`);
    else if (kind === 2) parts.push(`export async function rename${N}${i}(formData: FormData) {\n  const session = await auth()\n  const id = formData.get('id') as string\n  const name = formData.get('name') as string\n  if (!name) throw new Error('Name is required')\n  await db.${noun}.update({ where: { id, ownerId: session?.user.id }, data: { name } })\n  revalidatePath('/${plural}')\n}`);
    else if (kind === 3) parts.push(`export async function run${N}Command${i}(input: { type: string; id: string }) {\n  const session = await auth()\n  if (!session) return { error: 'Sign in first' }\n  switch (input.type) {\n    case 'remove':\n      await remove${N}(input.id)\n      break\n  }\n  revalidatePath('/${plural}')\n}`);
    else if (kind === 4) parts.push(`export async function archive${N}${i}(id: string) {\n  const session = await auth()\n  if (!session) return { error: 'Sign in first' }\n  try {\n    await db.${noun}.update({ where: { id }, data: { archived: true } })\n  } catch (error) {\n    return { error: String(error) }\n  }\n  revalidatePath('/${plural}')\n}`);
    else parts.push(`export async function export${N}s${i}(ownerId: string) {\n  const session = await auth()\n  if (!session) return new Response(null, { status: 401 })\n  const rows = await db.${noun}.findMany({ where: { ownerId } })\n  return new Response(rows.map((r: { id: string }) => r.id).join('\\n'))\n}`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** The keystroke target: 540 lines of actions. */
function largeActions(noun: string, plural: string): string {
  const N = cap(noun);
  const head = `'use server'\n\nimport { revalidatePath } from 'next/cache'\nimport { redirect } from 'next/navigation'\nimport { auth } from '@/lib/auth'\nimport { db } from '@acme/db'\nimport { create${N}, remove${N} } from '@/lib/${plural}/service'\n`;
  const blocks: string[] = [];
  for (let i = 0; blocks.join('\n\n').split('\n').length + head.split('\n').length < 522; i++) {
    blocks.push(`export async function update${N}Settings${i}(id: string, formData: FormData) {
  const session = await auth()
  if (!session) return { error: 'Sign in first' }
  const title = String(formData.get('title') ?? '')
  const description = String(formData.get('description') ?? '')
  if (title.length === 0) return { error: 'Title is required' }
  const current = await db.${noun}.findUnique({ where: { id } })
  if (!current || current.ownerId !== session.user.id) return { error: 'Not found' }
  await db.${noun}.update({ where: { id }, data: { title, description, version: current.version + 1 } })
  await db.activity.create({ data: { ${noun}Id: id, kind: 'settings-${i}', actorId: session.user.id } })
  revalidatePath('/${plural}/' + id)
  return { ok: true }
}`);
  }
  const tail = `export async function load${N}s(ownerId: string) {\n  return db.${noun}.findMany({ where: { ownerId } })\n}\n\nexport async function create${N}AndOpen(formData: FormData) {\n  const session = await auth()\n  if (!session) return\n  const created = await create${N}(session.user.id, String(formData.get('name')))\n  redirect('/${plural}/' + created.id)\n}\n\nexport async function remove${N}Now(id: string) {\n  await remove${N}(id)\n}`;
  return `${head}\n${blocks.join('\n\n')}\n\n${tail}\n`;
}

function listPage(noun: string, plural: string, fetchesOwnRoute: boolean): string {
  const N = cap(noun);
  const read = fetchesOwnRoute
    ? `const response = await fetch(\`\${process.env.NEXT_PUBLIC_SITE_URL}/api/${plural}\`)\n  const rows: { id: string; name: string }[] = await response.json()`
    : `const { rows } = await list${N}sPage0(session.user.id)`;
  const items = Array.from({ length: 80 }, (_, i) => `        <li key={row.id + '-${i}'} className="item-${i}">{row.name} #{${i}}</li>`).join('\n');
  return `import { auth } from '@/lib/auth'\nimport { list${N}sPage0 } from '@/lib/${plural}/service'\n\nexport default async function ${N}sPage() {\n  const session = await auth()\n  if (!session) return null\n  ${read}\n  void list${N}sPage0\n  return (\n    <main>\n      <h1>${N}s</h1>\n      {rows.map((row: { id: string; name: string }) => (\n      <ul key={row.id}>\n${items}\n      </ul>\n      ))}\n    </main>\n  )\n}\n`;
}

function detailPage(noun: string, plural: string, inlineRedirectInTry: boolean): string {
  const N = cap(noun);
  const inline = inlineRedirectInTry
    ? `  async function archive() {\n    'use server'\n    try {\n      await remove${N}(id)\n      redirect('/${plural}')\n    } catch {\n      console.error('failed')\n    }\n  }`
    : `  async function archive() {\n    'use server'\n    await remove${N}(id)\n    redirect('/${plural}')\n  }`;
  return `import { redirect } from 'next/navigation'\nimport { remove${N} } from '@/lib/${plural}/service'\n\nexport default async function ${N}Page({ params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params\n${inline}\n  return <form action={archive}><button>Archive</button></form>\n}\n`;
}

function collectionRoute(noun: string, plural: string, errorWithoutStatus: boolean): string {
  const N = cap(noun);
  return `import { NextResponse } from 'next/server'\nimport { auth } from '@/lib/auth'\nimport { list${N}sPage0, create${N} } from '@/lib/${plural}/service'\n\nexport async function GET() {\n  const session = await auth()\n  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })\n  return NextResponse.json(await list${N}sPage0(session.user.id))\n}\n\nexport async function POST(request: Request) {\n  const session = await auth()\n  if (!session) return NextResponse.json({ error: 'Unauthorized' }${errorWithoutStatus ? '' : ', { status: 401 }'})\n  const body = await request.json()\n  return NextResponse.json(await create${N}(session.user.id, body.name), { status: 201 })\n}\n`;
}

function itemRoute(noun: string, unauthenticated: boolean): string {
  const guard = unauthenticated ? '' : `  const session = await auth()\n  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 })\n`;
  return `import { NextResponse } from 'next/server'\nimport { auth } from '@/lib/auth'\nimport { db } from '@acme/db'\n\ntype Context = { params: Promise<{ id: string }> }\n\nexport async function DELETE(_request: Request, { params }: Context) {\n${guard}  await db.${noun}.delete({ where: { id: (await params).id } })\n  return new Response(null, { status: 204 })\n}\n\nexport async function GET(_request: Request, { params }: Context) {\n  void auth\n  return NextResponse.json(await db.${noun}.findUnique({ where: { id: (await params).id } }))\n}\n`;
}

function clientComponent(noun: string, plural: string, index: number, kind: number, random: () => number): string {
  const N = cap(noun);
  const rows = Array.from({ length: 230 + Math.floor(random() * 100) }, (_, i) => `      <div className="row-${i}" onClick={() => setSelected('${noun}-${i}')}>{selected === '${noun}-${i}' ? 'selected' : '${noun} ${i}'}</div>`).join('\n');
  const loads = noun === 'project' ? `load${N}s` : null;
  const effect =
    kind === 0 && loads
      ? `  useEffect(() => {\n    ${loads}('me').then((r: unknown[]) => setCount(r.length))\n  }, [])\n`
      : kind === 1
        ? `  async function quickAdd() {\n    await fetch('/api/${plural}', { method: 'POST', body: JSON.stringify({ name: selected }) })\n  }\n`
        : '';
  const imports = kind === 0 && loads ? `import { ${loads}, create${N}Action } from '@/app/(dashboard)/${plural}/actions'` : `import { create${N}Action } from '@/app/(dashboard)/${plural}/actions'`;
  return `'use client'\n\nimport { useActionState, useEffect, useState } from 'react'\n${imports}\n\nexport function ${N}sPanel${index}() {\n  const [selected, setSelected] = useState<string | null>(null)\n  const [count, setCount] = useState(0)\n  const [state, formAction] = useActionState(create${N}Action, {})\n${effect}  void useEffect\n  return (\n    <section data-count={count}>\n      <form action={formAction}><input name="name" /><button>Add</button>{state.error}</form>\n${rows}\n    </section>\n  )\n}\n`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const root = path.resolve(args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? path.join(__dirname, 'workspace'));
  const started = Date.now();
  const result = generate({ root, seed: option('seed', DEFAULTS.seed), apps: option('apps', DEFAULTS.apps), domainsPerApp: option('domains', DEFAULTS.domainsPerApp) });
  console.log(`generated ${result.files} files, ${result.lines} lines in ${root} (${Date.now() - started} ms)`);
}
