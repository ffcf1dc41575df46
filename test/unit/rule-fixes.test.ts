import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Analyzer } from '../../server/src/analysis/analyzer';
import { buildRuleFix } from '../../server/src/analysis/fixes';
import type { FileChange } from '../../server/src/analysis/fixes/file-change';
import type { RefactorOutcome } from '../../server/src/analysis/fixes/refactor';
import { FIXABLE_RULES, ruleFixOffers } from '../../server/src/analysis/fixes/rule-fix-offers';
import { positionOf } from '../../server/src/analysis/positions';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import type { Finding } from '../../server/src/analysis/types';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { writeChanges } from '../../server/src/workspace/write-changes';
import { FIXTURES } from '../support/analyze';
import { analyzeProject, assertAfter, fixtureProject, listFiles, tsc } from '../support/fixture-project';

/**
 * Each folder of test/fixtures/fixes is a project (`before/` over the refactors' `_base/`) and, in
 * `fix.json`, the fix applied to the finding of `rule` at `file:line`, the files it `deletes` and the
 * other findings it `clears`;
 * `after/` holds every file it changes or creates, exactly. `UPDATE_EXPECTED=1` rewrites `after/`, to be reviewed in the diff.
 */
const DIR = path.join(FIXTURES, 'fixes');

interface FixSpec {
  fix: string;
  rule: string;
  file: string;
  line: number;
  deletes?: string[];
  /** Findings of other rules (`file:rule`) that the fix removes too. */
  clears?: string[];
  /** What tsc says of before/ when the finding is a type error too (the deprecated form the types reject). */
  tscBefore?: string;
}

/** The finding of `rule` on that 1-based line. */
function findingAt(analyzer: Analyzer, root: string, spec: FixSpec): Finding | undefined {
  const file = path.join(root, spec.file);
  const starts = analyzer.index.lineStarts(file) ?? [0];
  return analyzer.findings(file).find((f) => f.ruleId === spec.rule && positionOf(starts, f.span.start).line + 1 === spec.line);
}

function build(analyzer: Analyzer, finding: Finding, fix: string): RefactorOutcome {
  return buildRuleFix({ fix, finding }, { fs: new NodeFileSystem(), app: analyzer.index.appOf(finding.file)!, index: analyzer.index, settings: DEFAULT_SETTINGS });
}

/** Applies the fix on disk; answers the files it changed or created, and those it deleted. */
function applyFix(root: string, spec: FixSpec): { touched: string[]; deleted: string[] } {
  const analyzer = analyzeProject(root);
  const finding = findingAt(analyzer, root, spec);
  assert.ok(finding, `a ${spec.rule} finding on ${spec.file}:${spec.line}`);
  const offers = ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS });
  assert.ok(offers.some((o) => o.fix === spec.fix && !o.disabled), `${spec.fix} is offered: ${offers.map((o) => o.fix).join(', ')}`);
  const outcome = build(analyzer, finding, spec.fix);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
  const written = writeChanges(outcome.changes);
  const relative = (paths: string[]): string[] => paths.map((p) => path.relative(root, p)).sort();
  return { touched: relative([...written.created, ...written.changed]), deleted: relative(written.deleted) };
}

function apply(root: string, spec: FixSpec): string[] {
  return applyFix(root, spec).touched;
}

function ruleFindings(root: string, rule?: string): string[] {
  const analyzer = analyzeProject(root);
  return analyzer.index
    .reportedPaths()
    .flatMap((p) => analyzer.findings(p))
    .filter((f) => rule === undefined || f.ruleId === rule)
    .map((f) => `${path.relative(root, f.file)}:${f.ruleId}`)
    .sort();
}

const fixtures = fs.existsSync(DIR) ? fs.readdirSync(DIR).sort() : [];

for (const fixture of fixtures) {
  const spec = JSON.parse(fs.readFileSync(path.join(DIR, fixture, 'fix.json'), 'utf8')) as FixSpec;
  const before = path.join(DIR, fixture, 'before');
  const afterDir = path.join(DIR, fixture, 'after');

  describe(`fix ${fixture} (${spec.fix})`, () => {
    it('changes exactly the files of after/, to their text, and touches nothing else', () => {
      const root = fixtureProject(before);
      const original = new Map(listFiles(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
      const { touched, deleted } = applyFix(root, spec);
      assertAfter(root, touched, afterDir);
      assert.deepEqual(deleted, spec.deletes ?? [], 'the files deleted');
      for (const [f, text] of original) if (!touched.includes(f) && !deleted.includes(f)) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), text, `${f} is left as it was`);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('removes the finding, adds none, and offers nothing more there', () => {
      const root = fixtureProject(before);
      const others = ruleFindings(root).filter((f) => !f.endsWith(`:${spec.rule}`));
      const count = ruleFindings(root, spec.rule).length;
      apply(root, spec);
      assert.equal(ruleFindings(root, spec.rule).length, count - 1, `one ${spec.rule} finding fewer`);
      const cleared = spec.clears ?? [];
      assert.deepEqual(ruleFindings(root).filter((f) => !f.endsWith(`:${spec.rule}`)), others.filter((f) => !cleared.includes(f)), 'no new finding, and only the other ones it clears gone');
      assert.equal(findingAt(analyzeProject(root), root, spec), undefined, 'nothing left to fix on that line');
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('keeps CRLF line ends in a CRLF project', () => {
      const root = fixtureProject(before, '\r\n');
      for (const f of apply(root, spec)) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), fs.readFileSync(path.join(afterDir, f), 'utf8').replace(/\n/g, '\r\n'), f);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('compiles under tsc against the real next, react and zod types, before and after', () => {
      const root = fixtureProject(before);
      assert.equal(tsc(root).split(`${path.relative(process.cwd(), root)}/`).join(''), spec.tscBefore ?? '', 'the fixture compiles before, or fails only as fix.json says');
      apply(root, spec);
      assert.equal(tsc(root), '', 'and after the fix');
      fs.rmSync(root, { recursive: true, force: true });
    });
  });
}

describe('the fixtures of the fixes', () => {
  it('apply a fix of every rule that has one', () => {
    const fixed = new Set(fixtures.map((f) => (JSON.parse(fs.readFileSync(path.join(DIR, f, 'fix.json'), 'utf8')) as FixSpec).rule));
    assert.deepEqual(FIXABLE_RULES.filter((rule) => !fixed.has(rule)), []);
  });
});

describe('fixes of the rules, on their clean twins', () => {
  it('offer nothing where the rules find nothing', () => {
    // A twin is clean of its own rule only: another rule's findings there (an action with no session check) have their fixes.
    const rules = fs.readdirSync(path.join(FIXTURES, 'rules')).filter((rule) => fs.existsSync(path.join(FIXTURES, 'rules', rule, 'good')));
    for (const rule of rules) {
      const root = path.join(FIXTURES, 'rules', rule, 'good');
      const analyzer = analyzeProject(root);
      const findings = analyzer.index.reportedPaths().flatMap((p) => analyzer.findings(p)).filter((f) => f.ruleId === rule);
      const offered = findings.flatMap((f) => ruleFixOffers(f, { index: analyzer.index, settings: DEFAULT_SETTINGS }));
      assert.deepEqual(offered, [], root);
    }
  });
});


describe('redirect-in-try fixes that cannot be done safely', () => {
  it('refuse to move a navigation that uses what the try declares, and change nothing', () => {
    const root = fixtureProject(path.join(DIR, 'redirect-in-try-rethrow', 'before'));
    const analyzer = analyzeProject(root);
    const finding = findingAt(analyzer, root, { fix: 'redirect-in-try/move-after-try', rule: 'redirect-in-try', file: 'src/app/projects/actions.ts', line: 12 })!;
    const offers = ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS }).map((o) => o.fix);
    assert.deepEqual(offers, ['redirect-in-try/move-after-try', 'redirect-in-try/rethrow'], 'the facts cannot tell that the call uses "project"');
    const outcome = build(analyzer, finding, 'redirect-in-try/move-after-try');
    assert.deepEqual(outcome, { ok: false, reason: 'The navigation uses "project", declared inside the try: it cannot move after it. Rethrow in the catch instead.' });
    fs.rmSync(root, { recursive: true, force: true });
  });
});

/** A project of the base and these files, analysed, with the finding of `spec`. */
function projectWith(spec: FixSpec, files: Record<string, string>): { root: string; analyzer: Analyzer; finding: Finding } {
  const before = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'advisor-before-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(before, file)), { recursive: true });
    fs.writeFileSync(path.join(before, file), text);
  }
  const root = fixtureProject(before);
  fs.rmSync(before, { recursive: true, force: true });
  const analyzer = analyzeProject(root);
  const finding = findingAt(analyzer, root, spec);
  assert.ok(finding, `a ${spec.rule} finding on ${spec.file}:${spec.line}`);
  return { root, analyzer, finding };
}

describe('inline-use-server-in-client move to a module', () => {
  const FILE = 'src/components/task-form.tsx';
  const MOVE = 'inline-use-server-in-client/move-to-module';
  const at = (line: number): FixSpec => ({ fix: MOVE, rule: 'inline-use-server-in-client', file: FILE, line });
  const component = (body: string, top = ''): string =>
    `'use client'\n\nimport { useState } from 'react'\n${top}\nexport function TaskForm({ projectId }: { projectId: string }) {\n  const [done, setDone] = useState(false)\n${body}\n  return <form action={save}>{String(done)}</form>\n}\n`;

  it('refuses a function that uses a function of the component', () => {
    const { root, analyzer, finding } = projectWith(at(7), { [FILE]: component(`  async function save() {\n    'use server'\n    setDone(true)\n    console.log(projectId)\n  }`) });
    assert.deepEqual(build(analyzer, finding, MOVE), { ok: false, reason: '"save" uses `setDone`, a function of the component, which cannot be sent to the server: call it with the action\'s result instead first.' });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses a function that uses a value of the client module', () => {
    const { root, analyzer, finding } = projectWith(at(8), { [FILE]: component(`  async function save() {\n    'use server'\n    console.log(LIMIT, projectId)\n  }`, 'const LIMIT = 3\n') });
    assert.deepEqual(build(analyzer, finding, MOVE), { ok: false, reason: '"save" uses `LIMIT`, declared in this client module: move it to a module that both can import first.' });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('offers the move disabled for a function that is not async, and refuses it for the same reason', () => {
    const { root, analyzer, finding } = projectWith(at(7), { [FILE]: component(`  function save() {\n    'use server'\n    console.log(projectId)\n  }`) });
    const [offer] = ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS });
    assert.equal(offer?.disabled, 'A Server Action must be an async function: make it async first.');
    assert.deepEqual(build(analyzer, finding, MOVE), { ok: false, reason: offer.disabled });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('names a function written in the form after its component, and leaves a module that is not a server one alone', () => {
    const form = `'use client'\n\nexport function TaskForm({ projectId }: { projectId: string }) {\n  return (\n    <form\n      action={async () => {\n        'use server'\n        console.log(projectId)\n      }}\n    />\n  )\n}\n`;
    const { root, analyzer, finding } = projectWith(at(6), { [FILE]: form, 'src/components/actions.ts': 'export const tabs = 2\n' });
    const outcome = build(analyzer, finding, MOVE);
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    assert.deepEqual(outcome.changes.map((c) => [c.kind, path.relative(root, c.path)]), [['edit', FILE], ['create', 'src/components/actions2.ts']]);
    writeChanges(outcome.changes);
    assert.match(fs.readFileSync(path.join(root, FILE), 'utf8'), /import \{ taskFormAction \} from '\.\/actions2'[\s\S]*action=\{taskFormAction\.bind\(null, projectId\)\}/);
    assert.equal(fs.readFileSync(path.join(root, 'src/components/actions2.ts'), 'utf8'), "'use server'\n\nexport async function taskFormAction(projectId: string) {\n  console.log(projectId)\n}\n");
    assert.equal(tsc(root), '');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('reads moved out of a Server Action that cannot be moved safely', () => {
  const ACTIONS = 'src/app/projects/actions.ts';
  const ROUTE = 'action-used-for-read/to-get-route';
  const at = (fix: string, line: number): FixSpec => ({ fix, rule: 'action-used-for-read', file: ACTIONS, line });
  const actions = (fn: string, top = ''): Record<string, string> => ({ [ACTIONS]: `'use server'\n\nimport { db } from '@/lib/db'\n${top}\n${fn}\n` });
  const client = (call: string): Record<string, string> => ({
    'src/components/tasks.tsx': `'use client'\n\nimport { getTasks } from '@/app/projects/actions'\n\nexport function Tasks() {\n  return <button onClick={async () => console.log(${call})}>Show</button>\n}\n`,
  });

  it('lists the GET route disabled when a Server Component reads it too, and refuses it alike', () => {
    const page = { 'src/app/projects/page.tsx': "import { getTasks } from './actions'\n\nexport default async function Page() {\n  return <p>{(await getTasks('p1')).length}</p>\n}\n" };
    const { root, analyzer, finding } = projectWith(at(ROUTE, 5), { ...actions('export async function getTasks(projectId: string) {\n  return db.task.findMany({ where: { projectId } })\n}'), ...client("await getTasks('p1')"), ...page });
    const offers = ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS });
    const reason = '"getTasks" is also used on the server (src/app/projects/page.tsx), which would fetch the app\'s own route: call the data layer there first.';
    assert.deepEqual(offers.map((o) => [o.fix, o.disabled]), [[ROUTE, reason]]);
    assert.deepEqual(build(analyzer, finding, ROUTE), { ok: false, reason });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses a GET route for an argument that a query string cannot carry', () => {
    const { root, analyzer, finding } = projectWith(at(ROUTE, 5), { ...actions('export async function getTasks(filter: { projectId: string }) {\n  return db.task.findMany({ where: filter })\n}'), ...client("await getTasks({ projectId: 'p1' })") });
    assert.deepEqual(build(analyzer, finding, ROUTE), { ok: false, reason: '`filter: { projectId: string }` cannot be read from a query string: a GET route takes required strings, numbers and booleans only.' });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses to move a read that uses a helper of its module, and changes nothing', () => {
    const MOVE = 'action-used-for-read/move-to-server-module';
    const { root, analyzer, finding } = projectWith(at(MOVE, 7), actions('export async function getTasks(projectId: string) {\n  return open(await db.task.findMany({ where: { projectId } }))\n}', '\nconst open = <T extends { done: boolean }>(tasks: T[]) => tasks.filter((t) => !t.done)\n'));
    assert.deepEqual(build(analyzer, finding, MOVE), { ok: false, reason: '"getTasks" uses "open", which this module declares: move that first, or with it.' });
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('fetch-own-route-from-server calls that cannot be done safely', () => {
  const CALL = 'fetch-own-route-from-server/call-directly';
  const PAGE = 'src/app/projects/page.tsx';
  const at = (line: number): FixSpec => ({ fix: CALL, rule: 'fetch-own-route-from-server', file: PAGE, line });
  const SERVICE = { 'src/lib/projects/service.ts': "import { db } from '@/lib/db'\n\nexport async function listProjects() {\n  return db.project.findMany()\n}\n" };
  const LIST_ROUTE = { 'src/app/api/projects/route.ts': "import { listProjects } from '@/lib/projects/service'\n\nexport async function GET() {\n  return Response.json(await listProjects())\n}\n" };
  const page = (body: string): Record<string, string> => ({ [PAGE]: `export default async function ProjectsPage() {\n${body}\n  return null\n}\n` });

  it('refuse when the caller reads the status of the answer', () => {
    const { root, analyzer, finding } = projectWith(at(2), { ...SERVICE, ...LIST_ROUTE, ...page("  const res = await fetch('http://localhost:3000/api/projects')\n  if (!res.ok) throw new Error('failed')\n  console.log(await res.json())") });
    assert.deepEqual(build(analyzer, finding, CALL), { ok: false, reason: 'The caller reads `res.ok` of the answer (its status, its headers): a direct call has none. Keep the fetch, or stop reading it first.' });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuse when the fetch caches its answer', () => {
    const { root, analyzer, finding } = projectWith(at(2), { ...SERVICE, ...LIST_ROUTE, ...page("  const res = await fetch('http://localhost:3000/api/projects', { next: { revalidate: 60 } })\n  console.log(await res.json())") });
    assert.deepEqual(build(analyzer, finding, CALL), { ok: false, reason: 'The fetch sets `next: { revalidate: 60 }`, which a direct call cannot keep (caching, headers, a body): keep the fetch, or drop that option first.' });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuse when the handler passes what it reads from its URL', () => {
    const route = { 'src/app/api/projects/[id]/route.ts': "import { findProject } from '@/lib/projects/service'\n\nexport async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {\n  return Response.json(await findProject((await params).id))\n}\n" };
    const service = { 'src/lib/projects/service.ts': "import { db } from '@/lib/db'\n\nexport async function findProject(id: string) {\n  return db.project.findUnique({ where: { id } })\n}\n" };
    const { root, analyzer, finding } = projectWith(at(3), { ...service, ...route, ...page('  const id = "p1"\n  const res = await fetch(`http://localhost:3000/api/projects/${id}`)\n  console.log(await res.json())') });
    assert.deepEqual(build(analyzer, finding, CALL), { ok: false, reason: 'The GET handler passes `params` (from its request, its URL or its module) to findProject(): call findProject() with that value by hand.' });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('offer the call disabled when the handler answers with an error status, and refuse it for the same reason', () => {
    const route = { 'src/app/api/projects/route.ts': "import { auth } from '@/lib/auth'\nimport { listProjects } from '@/lib/projects/service'\n\nexport async function GET() {\n  if (!(await auth())) return Response.json({ error: 'Unauthorized' }, { status: 401 })\n  return Response.json(await listProjects())\n}\n" };
    const { root, analyzer, finding } = projectWith(at(2), { ...SERVICE, ...route, ...page("  const res = await fetch('http://localhost:3000/api/projects')\n  console.log(await res.json())") });
    const [offer] = ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS });
    assert.ok(offer?.disabled);
    assert.deepEqual(build(analyzer, finding, CALL), { ok: false, reason: offer.disabled });
    fs.rmSync(root, { recursive: true, force: true });
  });
});

/** The reason a fix is refused for; the project's files are as they were. */
function refusal(root: string, analyzer: Analyzer, finding: Finding, fix: string): string {
  const texts = (): string[] => listFiles(root).map((f) => `${f}\n${fs.readFileSync(path.join(root, f), 'utf8')}`);
  const before = texts();
  const outcome = build(analyzer, finding, fix);
  assert.deepEqual(texts(), before, 'nothing changes');
  assert.ok(!outcome.ok, 'refused');
  return outcome.reason;
}

const offersOf = (analyzer: Analyzer, finding: Finding): { fix: string; disabled?: string }[] => ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS }).map((o) => ({ fix: o.fix, ...(o.disabled ? { disabled: o.disabled } : {}) }));

describe('webhook-body-parsed-before-verify raw body that cannot be read safely', () => {
  it('refuses a parsed body destructured where it is read', () => {
    const file = 'src/app/api/webhooks/stripe/route.ts';
    const route = "import { stripe } from '@/lib/stripe'\n\nexport async function POST(request: Request) {\n  const { type, data } = await request.json()\n  stripe.webhooks.constructEvent(JSON.stringify({ type, data }), request.headers.get('stripe-signature') ?? '', process.env.STRIPE_WEBHOOK_SECRET ?? '')\n  return Response.json({ received: type, data })\n}\n";
    const { root, analyzer, finding } = projectWith({ fix: 'webhook-body-parsed-before-verify/raw-body', rule: 'webhook-body-parsed-before-verify', file, line: 4 }, { [file]: route });
    assert.equal(refusal(root, analyzer, finding, 'webhook-body-parsed-before-verify/raw-body'), 'The parsed body is destructured where it is read: keep it in one variable first, so that it can be parsed after the check.');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('route-error-without-status statuses', () => {
  it('names the status that the message, or the branch, calls for', () => {
    const file = 'src/app/api/projects/route.ts';
    const route = [
      "import { requireUser } from '@/lib/auth'",
      "import { db } from '@/lib/db'",
      '',
      'export async function PATCH(request: Request) {',
      '  const user = await requireUser()',
      '  const { id, name } = (await request.json()) as { id: string; name: string }',
      "  if (!name) return Response.json({ error: 'Name is required' })",
      '  const project = await db.project.findUnique({ where: { id } })',
      "  if (!project) return Response.json({ error: 'Unavailable' })",
      "  if (project.ownerId !== user.id) return Response.json({ error: 'Not yours' })",
      "  if (await db.project.findUnique({ where: { id: name } })) return Response.json({ error: 'A project of that name already exists' })",
      '  return Response.json(await db.project.update({ where: { id }, data: { name } }))',
      '}',
      '',
    ].join('\n');
    const { root, analyzer } = projectWith({ fix: 'route-error-without-status/status', rule: 'route-error-without-status', file, line: 7 }, { [file]: route });
    const titles = [7, 9, 10, 11].map((line) => ruleFixOffers(findingAt(analyzer, root, { fix: '', rule: 'route-error-without-status', file, line })!, { index: analyzer.index, settings: DEFAULT_SETTINGS })[0]?.title);
    assert.deepEqual(titles, ['Answer 400 Bad Request', 'Answer 404 Not Found', 'Answer 403 Forbidden', 'Answer 409 Conflict']);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('use-server-invalid-export fixes that cannot be done safely', () => {
  const file = 'src/app/projects/actions.ts';
  const at = (fix: string, line: number): FixSpec => ({ fix, rule: 'use-server-invalid-export', file, line });

  it('refuses to make async a function whose result the server uses at once', () => {
    const actions = "'use server'\n\nexport function slugify(name: string) {\n  return name.toLowerCase().replace(/\\s+/g, '-')\n}\n\nexport async function renameProject(id: string, name: string) {\n  return { id, slug: slugify(name) }\n}\n";
    const { root, analyzer, finding } = projectWith(at('use-server-invalid-export/make-async', 3), { [file]: actions });
    assert.deepEqual(offersOf(analyzer, finding), [{ fix: 'use-server-invalid-export/make-async' }, { fix: 'use-server-invalid-export/move-export' }]);
    assert.equal(refusal(root, analyzer, finding, 'use-server-invalid-export/make-async'), `"slugify" is used in src/app/projects/actions.ts (line 8) without awaiting it: as an async function it would give a Promise there. Move it to a module without 'use server' instead.`);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('offers only the move for a value, and refuses it when the value uses one the module declares', () => {
    const actions = "'use server'\n\nconst BASE = 10\nexport const PAGE_SIZE = BASE * 2\n\nexport async function pageCount(total: number) {\n  return Math.ceil(total / PAGE_SIZE)\n}\n";
    const { root, analyzer, finding } = projectWith(at('use-server-invalid-export/move-export', 4), { [file]: actions });
    assert.deepEqual(offersOf(analyzer, finding), [{ fix: 'use-server-invalid-export/move-export' }]);
    assert.equal(refusal(root, analyzer, finding, 'use-server-invalid-export/move-export'), '"PAGE_SIZE" uses "BASE", which this module declares: move that first, or with it.');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('action-throws-expected-error returns that cannot be done safely', () => {
  const RETURN = 'action-throws-expected-error/return-error';

  it('offers the return disabled for the action of a form itself, and refuses it for the same reason', () => {
    const file = 'src/app/tasks/actions.ts';
    const { root, analyzer, finding } = projectWith({ fix: RETURN, rule: 'action-throws-expected-error', file, line: 5 }, {
      [file]: "'use server'\n\nexport async function addTask(formData: FormData) {\n  const title = formData.get('title')\n  if (!title) throw new Error('Title is required')\n  console.log(title)\n}\n",
      'src/app/tasks/page.tsx': "import { addTask } from './actions'\n\nexport default function Page() {\n  return <form action={addTask}><input name=\"title\" /></form>\n}\n",
    });
    const reason = '"addTask" is the action of a form in src/app/tasks/page.tsx, which drops what it returns: a returned error would show nowhere. Call it through useActionState first.';
    assert.deepEqual(offersOf(analyzer, finding), [{ fix: RETURN, disabled: reason }]);
    assert.equal(refusal(root, analyzer, finding, RETURN), reason);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses a return that a caller reading the state would not compile with', () => {
    const file = 'src/app/projects/actions.ts';
    const { root, analyzer, finding } = projectWith({ fix: RETURN, rule: 'action-throws-expected-error', file, line: 5 }, {
      [file]: "'use server'\n\nexport async function renameProject(_state: unknown, formData: FormData): Promise<{ saved: boolean }> {\n  const name = String(formData.get('name') ?? '')\n  if (name.length < 3) throw new Error('The name is too short')\n  return { saved: true }\n}\n",
      'src/components/rename.tsx': "'use client'\n\nimport { useActionState } from 'react'\nimport { renameProject } from '@/app/projects/actions'\n\nexport function Rename() {\n  const [state, formAction] = useActionState(renameProject, { saved: false })\n  return <form action={formAction}>{state.saved ? 'Saved' : <input name=\"name\" />}</form>\n}\n",
    });
    assert.equal(refusal(root, analyzer, finding, RETURN), "Returning the error would not compile in src/components/rename.tsx (line 8): Property 'saved' does not exist on type '{ saved: boolean; } | { error: string; }'. Adapt the state type by hand.");
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('session checks, schemas and revalidations that cannot be written', () => {
  const ACTIONS = 'src/app/projects/actions.ts';
  const GUARD = 'action-missing-auth/guard';
  const ZOD = 'action-unvalidated-input/zod-schema';
  const REVALIDATE = 'action-missing-revalidation/revalidate-path';
  const archive = (body: string): string => `'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function archiveProject(id: string) {\n${body}\n}\n`;
  const WRITE = '  await db.project.update({ where: { id }, data: { archived: true } })';
  const manifest = (dependencies: string): string => `{ "name": "refactor-fixture", "private": true, "dependencies": { ${dependencies}, "next": "16.4.6", "react": "19.3.1" } }\n`;
  const disabled = (analyzer: Analyzer, finding: Finding): string | undefined => ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS })[0]?.disabled;

  it('lists the session check disabled when the app calls no guard and depends on no auth library, and refuses it alike', () => {
    const { root, analyzer, finding } = projectWith({ fix: GUARD, rule: 'action-missing-auth', file: ACTIONS, line: 5 }, { [ACTIONS]: archive(WRITE) });
    const reason = "None of this app's actions or route handlers checks the session, and its package.json lists no auth library this fix knows (Clerk, Auth.js, better-auth, Supabase, Lucia): add the check by hand.";
    assert.equal(disabled(analyzer, finding), reason);
    assert.equal(refusal(root, analyzer, finding, GUARD), reason);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists it disabled when the auth library needs a module of the app that is not there', () => {
    const { root, analyzer, finding } = projectWith({ fix: GUARD, rule: 'action-missing-auth', file: ACTIONS, line: 5 }, { 'package.json': manifest('"next-auth": "5.0.0-beta.25"'), [ACTIONS]: archive(WRITE) });
    assert.equal(disabled(analyzer, finding), 'The app depends on Auth.js, but no module of it exports `auth` (`export const { auth } = NextAuth(…)`) or `authOptions`: add the check by hand, or that module first.');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists it disabled for an action that checks the session after the write', () => {
    const text = `'use server'\n\nimport { db } from '@/lib/db'\nimport { auth } from '@/lib/auth'\n\nexport async function archiveProject(id: string) {\n${WRITE}\n  return { ok: Boolean(await auth()) }\n}\n`;
    const { root, analyzer, finding } = projectWith({ fix: GUARD, rule: 'action-missing-auth', file: ACTIONS, line: 6 }, { [ACTIONS]: text });
    assert.equal(disabled(analyzer, finding), '"archiveProject" checks the session only after the write: move that check before the write.');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists it disabled for a pages/api handler', () => {
    const file = 'src/pages/api/tasks.ts';
    const handler = "import type { NextApiRequest, NextApiResponse } from 'next'\nimport { db } from '@/lib/db'\n\nexport default async function handler(req: NextApiRequest, res: NextApiResponse) {\n  await db.task.create({ data: req.body })\n  res.status(201).json({ ok: true })\n}\n";
    const { root, analyzer, finding } = projectWith({ fix: 'route-missing-auth/guard', rule: 'route-missing-auth', file, line: 4 }, { [file]: handler });
    assert.equal(disabled(analyzer, finding), 'A pages/api handler reads its session from `req` and answers through `res`: add the check by hand.');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("says in the title that a caller's user id is checked, and refuses a check that would declare a name the action has", () => {
    const text = `'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function createProject(userId: string, name: string) {\n  await db.project.create({ data: { name, ownerId: userId, archived: false } })\n}\n`;
    const clerk = { 'package.json': manifest('"@clerk/nextjs": "6.12.0"'), 'src/types/clerk.d.ts': "declare module '@clerk/nextjs/server' {\n  export function auth(): Promise<{ userId: string | null }>\n}\n" };
    const { root, analyzer, finding } = projectWith({ fix: GUARD, rule: 'action-missing-auth', file: ACTIONS, line: 5 }, { ...clerk, [ACTIONS]: text });
    assert.deepEqual(ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS }), [{ fix: GUARD, title: `Check the session first with Clerk's auth() and that "userId" is the signed-in user`, preferred: true, local: true }]);
    assert.equal(refusal(root, analyzer, finding, GUARD), '"createProject" declares `userId` already, and the check declares it too: rename it first.');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("compares a user id the form sends with the signed-in user's", () => {
    const guarded = "'use server'\n\nimport { requireUser } from '@/lib/auth'\nimport { db } from '@/lib/db'\n\nexport async function archiveTask(id: string) {\n  await requireUser()\n  await db.task.update({ where: { id }, data: { done: true } })\n}\n";
    const text = `'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function createProject(formData: FormData) {\n  const ownerId = formData.get('ownerId') as string\n  await db.project.create({ data: { name: 'New', ownerId, archived: false } })\n}\n`;
    const { root, analyzer, finding } = projectWith({ fix: GUARD, rule: 'action-missing-auth', file: ACTIONS, line: 5 }, { 'src/app/tasks/actions.ts': guarded, [ACTIONS]: text });
    writeChanges((build(analyzer, finding, GUARD) as { changes: FileChange[] }).changes);
    assert.match(fs.readFileSync(path.join(root, ACTIONS), 'utf8'), /\{\n {2}const user = await requireUser\(\)\n {2}if \(formData\.get\('ownerId'\) !== user\.id\) throw new Error\('Forbidden'\)\n {2}const ownerId/);
    assert.equal(tsc(root), '');
    fs.rmSync(root, { recursive: true, force: true });
  });

  const addTask = (signature = '', body = "  const title = formData.get('title') as string"): string =>
    `'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function addTask(formData: FormData)${signature} {\n${body}\n  await db.task.create({ data: { projectId: 'p1', title, done: false } })\n}\n`;

  it('lists the schema disabled when the app does not depend on zod', () => {
    const { root, analyzer, finding } = projectWith({ fix: ZOD, rule: 'action-unvalidated-input', file: ACTIONS, line: 6 }, { 'package.json': manifest('"valibot": "1.0.0"'), [ACTIONS]: addTask() });
    const reason = "Add zod to validate the input with a schema: the app's package.json does not list it (this fix writes zod schemas, not valibot ones).";
    assert.equal(disabled(analyzer, finding), reason);
    assert.equal(refusal(root, analyzer, finding, ZOD), reason);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("lists it disabled for an action that returns nothing to a form's action, and for a parameter with no type", () => {
    const form = "'use client'\n\nimport { addTask } from '@/app/projects/actions'\n\nexport function TaskForm() {\n  return <form action={addTask}><input name=\"title\" /></form>\n}\n";
    const used = projectWith({ fix: ZOD, rule: 'action-unvalidated-input', file: ACTIONS, line: 6 }, { [ACTIONS]: addTask(), 'src/components/task-form.tsx': form });
    assert.equal(disabled(used.analyzer, used.finding), '"addTask" returns nothing, and it is used where nothing is expected (a <form action>): the field errors could not reach the form. Call it through useActionState first.');
    fs.rmSync(used.root, { recursive: true, force: true });
    const untyped = `'use server'\n\nimport { db } from '@/lib/db'\n\n// eslint-disable-next-line\nexport async function renameTask(id: any, title: string) {\n  await db.task.update({ where: { id }, data: { title } })\n}\n`;
    const loose = projectWith({ fix: ZOD, rule: 'action-unvalidated-input', file: ACTIONS, line: 6 }, { [ACTIONS]: untyped });
    assert.equal(disabled(loose.analyzer, loose.finding), '"id" has no type a schema can be built from: give it one, then ask again.');
    fs.rmSync(loose.root, { recursive: true, force: true });
  });

  it('refuses a schema whose errors the declared return type has no place for', () => {
    const { root, analyzer, finding } = projectWith({ fix: ZOD, rule: 'action-unvalidated-input', file: ACTIONS, line: 6 }, { [ACTIONS]: addTask(': Promise<void>') });
    assert.equal(disabled(analyzer, finding), undefined, 'the facts do not read return types');
    assert.match(refusal(root, analyzer, finding, ZOD), /^With the schema, the code would not compile in src\/app\/projects\/actions\.ts \(line 10\): Type '\{ errors: \{ title\?: string\[\] \| undefined; \}; \}' is not assignable to type 'void'\. Validate the input by hand\.$/);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses a form field cast to a type no schema states', () => {
    const { root, analyzer, finding } = projectWith({ fix: ZOD, rule: 'action-unvalidated-input', file: ACTIONS, line: 6 }, { [ACTIONS]: addTask('', "  const title = formData.get('title') as unknown as string") });
    assert.equal(refusal(root, analyzer, finding, ZOD), '"title" is cast to `unknown`, which this fix cannot state as a schema: write it by hand.');
    fs.rmSync(root, { recursive: true, force: true });
  });

  const rename = (file: string): Record<string, string> => ({ [file]: `'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function renameProject(id: string, name: string) {\n  await db.project.update({ where: { id }, data: { name } })\n}\n` });

  it('lists the revalidation disabled when no page reads what the action writes and none is above it', () => {
    const file = 'src/lib/project-actions.ts';
    const { root, analyzer, finding } = projectWith({ fix: REVALIDATE, rule: 'action-missing-revalidation', file, line: 5 }, rename(file));
    const reason = 'No page of the app reads "project", and no page is in the action\'s folder or above it: call revalidatePath() for the pages that show the data by hand.';
    // On Next.js 16, refresh() is offered then, first.
    const offers = ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS });
    assert.deepEqual(offers.map((o) => [o.fix, o.preferred, o.disabled]), [['action-missing-revalidation/refresh', true, undefined], [REVALIDATE, false, reason]]);
    assert.equal(refusal(root, analyzer, finding, REVALIDATE), reason);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('revalidates the layout that more than three pages reading the model share', () => {
    const page = (name: string): string => `import { db } from '@/lib/db'\n\nexport default async function ${name}() {\n  return <p>{(await db.project.findMany()).length}</p>\n}\n`;
    const pages = Object.fromEntries(['', 'archived/', 'starred/', 'shared/'].map((dir, i) => [`src/app/(main)/projects/${dir}page.tsx`, page(`Page${i}`)]));
    const { root, analyzer, finding } = projectWith({ fix: REVALIDATE, rule: 'action-missing-revalidation', file: ACTIONS, line: 5 }, { ...rename(ACTIONS), ...pages });
    assert.equal(ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS })[0]?.title, 'Revalidate /(main)/projects (layout) after the write');
    const outcome = build(analyzer, finding, REVALIDATE);
    assert.ok(outcome.ok && outcome.changes[0]?.kind === 'edit' && outcome.changes[0].edits.some((e) => e.newText.includes("revalidatePath('/(main)/projects', 'layout')")));
    fs.rmSync(root, { recursive: true, force: true });
  });
});
