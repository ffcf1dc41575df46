import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildRefactor } from '../../server/src/analysis/fixes';
import { refactorOffers } from '../../server/src/analysis/fixes/offers';
import type { RefactorKind, RefactorOutcome } from '../../server/src/analysis/fixes/refactor';
import { DEFAULT_SETTINGS } from '../../server/src/analysis/settings';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { writeChanges } from '../../server/src/workspace/write-changes';
import { FIXTURES } from '../support/analyze';
import { analyzeProject, assertAfter, fixtureProject, listFiles, tsc } from '../support/fixture-project';

/**
 * Each folder of test/fixtures/refactors is a project (`before/` over the shared `_base/`) and the
 * refactors of its `refactor.json`, applied one after the other as a user would; `after/` holds every
 * file they create or change, exactly. `UPDATE_EXPECTED=1` rewrites `after/`, to be reviewed in the diff.
 */
const DIR = path.join(FIXTURES, 'refactors');

interface Step {
  kind: RefactorKind;
  file: string;
  line: number;
}

const project = (fixture: string, eol = '\n'): string => fixtureProject(path.join(DIR, fixture, 'before'), eol);
const analyze = analyzeProject;

/** The refactor of the function at a line, as the checker's `refactor <kind> <file>:<line>` asks for it. */
function run(root: string, step: Step): RefactorOutcome {
  const analyzer = analyze(root);
  const file = path.join(root, step.file);
  const text = fs.readFileSync(file, 'utf8');
  const lineStart = analyzer.index.facts(file)!.lineStarts[step.line - 1]!;
  const offset = lineStart + /^\s*/.exec(text.slice(lineStart))![0].length;
  return buildRefactor({ kind: step.kind, file, offset }, { fs: new NodeFileSystem(), app: analyzer.index.appOf(file)!, index: analyzer.index, settings: DEFAULT_SETTINGS });
}

/** Applies the steps; answers the files created or changed, and those deleted. */
function applyAll(root: string, steps: Step[]): { touched: string[]; deleted: string[] } {
  const touched = new Set<string>();
  const deleted = new Set<string>();
  for (const step of steps) {
    const outcome = run(root, step);
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    const written = writeChanges(outcome.changes);
    for (const p of [...written.created, ...written.changed]) touched.add(path.relative(root, p));
    for (const p of written.deleted) deleted.add(path.relative(root, p));
  }
  return { touched: [...touched].filter((f) => !deleted.has(f)).sort(), deleted: [...deleted].sort() };
}

function findingsOf(root: string, rule: string): number {
  const analyzer = analyze(root);
  return analyzer.index.paths().flatMap((p) => analyzer.findings(p)).filter((f) => f.ruleId === rule).length;
}

const fixtures = fs.readdirSync(DIR).filter((name) => !name.startsWith('_')).sort();

for (const fixture of fixtures) {
  const spec = JSON.parse(fs.readFileSync(path.join(DIR, fixture, 'refactor.json'), 'utf8')) as { steps: Step[]; removes: string[]; deletes?: string[]; before?: string };
  // A variant of another fixture's refactor starts from that fixture's `before/`.
  const start = spec.before ?? fixture;
  const afterDir = path.join(DIR, fixture, 'after');

  describe(`refactor ${fixture}`, () => {
    it('creates and changes exactly the files of after/, and touches nothing else', () => {
      const root = project(start);
      const before = new Map(listFiles(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
      const { touched, deleted } = applyAll(root, spec.steps);
      assertAfter(root, touched, afterDir);
      assert.deepEqual(deleted, spec.deletes ?? [], 'the files deleted');
      for (const f of deleted) assert.ok(!fs.existsSync(path.join(root, f)), `${f} is gone`);
      for (const [f, text] of before) if (!touched.includes(f) && !deleted.includes(f)) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), text, `${f} is left as it was`);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('keeps CRLF line ends in a CRLF project', () => {
      const root = project(start, '\r\n');
      const { touched } = applyAll(root, spec.steps);
      for (const f of touched) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), fs.readFileSync(path.join(afterDir, f), 'utf8').replace(/\n/g, '\r\n'), f);
      fs.rmSync(root, { recursive: true, force: true });
    });

    if (spec.removes.length > 0) {
      it(`removes the findings it remedies (${spec.removes.join(', ')})`, () => {
        const root = project(start);
        for (const rule of spec.removes) assert.ok(findingsOf(root, rule) > 0, `the fixture has a ${rule} finding to remove`);
        applyAll(root, spec.steps);
        for (const rule of spec.removes) assert.equal(findingsOf(root, rule), 0, rule);
        fs.rmSync(root, { recursive: true, force: true });
      });
    }

    it('compiles under tsc against the real next, react and zod types, before and after', () => {
      const root = project(start);
      assert.equal(tsc(root), '', 'the fixture compiles before');
      applyAll(root, spec.steps);
      assert.equal(tsc(root), '', 'and after the refactor');
      fs.rmSync(root, { recursive: true, force: true });
    });
  });
}

/** A project of the shared base and the given files, for the cases that need no after/. */
function projectWith(files: Record<string, string>): string {
  const root = project('extract-service-action');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('refactors that cannot be done safely', () => {
  const cases: { name: string; files: Record<string, string>; step: Step; reason: string }[] = [
    {
      name: 'steps that use a helper of the action module',
      files: {
        'src/app/tags/actions.ts': "'use server'\n\nimport { db } from '@/lib/db'\n\nfunction slug(name: string) {\n  return name.toLowerCase()\n}\n\nexport async function tagProject(projectId: string, name: string) {\n  await db.project.update({ where: { id: projectId }, data: { name: slug(name) } })\n}\n",
      },
      step: { kind: 'extract-service', file: 'src/app/tags/actions.ts', line: 9 },
      reason: 'The steps use `slug`, declared in this file outside `tagProject`: move it to a module of its own first, so that the service can import it.',
    },
    {
      name: 'a Next.js call among the steps',
      files: {
        'src/app/tags/actions.ts': "'use server'\n\nimport { revalidatePath } from 'next/cache'\nimport { db } from '@/lib/db'\n\nexport async function moveTask(taskId: string, projectId: string) {\n  await db.task.update({ where: { id: taskId }, data: { projectId } })\n  revalidatePath('/')\n  await db.project.update({ where: { id: projectId }, data: { archived: false } })\n}\n",
      },
      step: { kind: 'extract-service', file: 'src/app/tags/actions.ts', line: 6 },
      reason: 'The steps call into `next/cache`, which belongs in the adapter, not in a service: move that call before or after them first.',
    },
    {
      name: 'an early return with more code after it',
      files: {
        'src/app/tags/actions.ts': "'use server'\n\nimport { redirect } from 'next/navigation'\nimport { db } from '@/lib/db'\n\nexport async function openProject(projectId: string) {\n  const project = await db.project.findUnique({ where: { id: projectId } })\n  if (!project) return\n  await db.project.update({ where: { id: projectId }, data: { archived: false } })\n  redirect(`/projects/${projectId}`)\n}\n",
      },
      step: { kind: 'extract-service', file: 'src/app/tags/actions.ts', line: 6 },
      reason: 'The steps of `openProject` return early, and the code after them would then run: move the early returns out of them first.',
    },
    {
      name: 'converting an action that a form calls, without keeping it',
      files: {},
      step: { kind: 'to-route', file: 'src/app/projects/[projectId]/tasks/actions.ts', line: 21 },
      reason: '`loadTasks` is called from one place in this app (src/app/projects/[projectId]/tasks/board.tsx…): convert it keeping the action, so that they keep working.',
    },
    {
      name: 'rewriting a Server Component form to fetch the route',
      files: {
        'src/app/notes/actions.ts': "'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function addNote(formData: FormData) {\n  await db.task.create({ data: { projectId: String(formData.get('projectId')), title: String(formData.get('title')), done: false } })\n}\n",
        'src/app/notes/page.tsx': "import { addNote } from './actions'\n\nexport default function NotesPage() {\n  return <form action={addNote}><input name=\"title\" /></form>\n}\n",
      },
      step: { kind: 'to-route-rewrite-callers', file: 'src/app/notes/actions.ts', line: 5 },
      reason: "src/app/notes/page.tsx runs on the server, where fetching the app's own route is a needless HTTP round trip: keep the action for it.",
    },
    {
      name: 'rewriting the callers of an action that redirects',
      files: {
        'src/app/notes/actions.ts': "'use server'\n\nimport { redirect } from 'next/navigation'\nimport { db } from '@/lib/db'\n\nexport async function addNote(formData: FormData) {\n  await db.task.create({ data: { projectId: String(formData.get('projectId')), title: 'Note', done: false } })\n  redirect('/notes')\n}\n",
        'src/app/notes/form.tsx': "'use client'\n\nimport { addNote } from './actions'\n\nexport function NoteForm() {\n  return <form action={addNote}><input name=\"title\" /></form>\n}\n",
      },
      step: { kind: 'to-route-rewrite-callers', file: 'src/app/notes/actions.ts', line: 6 },
      reason: '`addNote` navigates when it is done (`redirect()`), which a fetch of the route would not follow: keep the action.',
    },
    {
      name: 'a cursor outside any action or route',
      files: {},
      step: { kind: 'extract-service', file: 'src/lib/tasks/service.ts', line: 3 },
      reason: 'The cursor is not inside a Server Action or a Route Handler.',
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}, with the reason, and changes nothing`, () => {
      const extra: Record<string, string> = c.name.startsWith('converting') ? { 'src/app/projects/[projectId]/tasks/board.tsx': "'use client'\n\nimport { useEffect } from 'react'\nimport { loadTasks } from './actions'\n\nexport function Board({ id }: { id: string }) {\n  useEffect(() => {\n    void loadTasks(id)\n  }, [id])\n  return null\n}\n" } : {};
      const root = projectWith({ ...c.files, ...extra });
      const before = snapshotOf(root);
      assert.deepEqual(run(root, c.step), { ok: false, reason: c.reason });
      assert.deepEqual(snapshotOf(root), before);
      fs.rmSync(root, { recursive: true, force: true });
    });
  }

  it('never overwrites a file that appeared meanwhile', () => {
    const root = projectWith({});
    const outcome = run(root, { kind: 'extract-service', file: 'src/app/projects/actions.ts', line: 7 });
    assert.ok(outcome.ok);
    fs.mkdirSync(path.join(root, 'src/lib/projects'));
    fs.writeFileSync(path.join(root, 'src/lib/projects/service.ts'), '// mine\n');
    assert.throws(() => writeChanges(outcome.changes), /exists already; a refactor never overwrites a file/);
    assert.equal(fs.readFileSync(path.join(root, 'src/lib/projects/service.ts'), 'utf8'), '// mine\n');
    assert.equal(fs.readFileSync(path.join(root, 'src/app/projects/actions.ts'), 'utf8'), fs.readFileSync(path.join(DIR, 'extract-service-action/before/src/app/projects/actions.ts'), 'utf8'), 'nothing is written when one file cannot be');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('callers of an action bound to a form', () => {
  it('get a client function for a `.bind(null, …)`, its bound arguments in the JSON body, throwing when the route fails as the action would have', () => {
    const root = projectWith({
      'src/app/notes/actions.ts': "'use server'\n\nimport { db } from '@/lib/db'\n\nexport async function archiveNote(noteId: string, reason: string) {\n  await db.project.update({ where: { id: noteId }, data: { name: reason } })\n}\n",
      'src/app/notes/archive.tsx': "'use client'\n\nimport { archiveNote } from './actions'\n\nexport function Archive({ id }: { id: string }) {\n  const archive = archiveNote.bind(null, id, 'done')\n  return <form action={archive}><button>Archive</button></form>\n}\n",
    });
    const outcome = run(root, { kind: 'to-route-rewrite-callers', file: 'src/app/notes/actions.ts', line: 5 });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    writeChanges(outcome.changes);
    assert.equal(
      fs.readFileSync(path.join(root, 'src/app/notes/archive.tsx'), 'utf8'),
      "'use client'\n\nexport function Archive({ id }: { id: string }) {\n  const archive = () => fetch('/api/archive-note', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ noteId: id, reason: 'done' }) }).then(async (response) => { if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? response.statusText) })\n  return <form action={archive}><button>Archive</button></form>\n}\n",
    );
    assert.equal(tsc(root), '');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('request APIs in a converted action', () => {
  it('are awaited in the route, as Next.js 15 and later require, and left as they were in the action kept', () => {
    const action = "'use server'\n\nimport { cookies } from 'next/headers'\nimport { db } from '@/lib/db'\n\nexport async function renameProject(projectId: string, name: string) {\n  const theme = cookies().get('theme')?.value\n  const store = cookies()\n  await db.project.update({ where: { id: projectId }, data: { name: `${name} ${theme} ${store.size}` } })\n}\n";
    const root = projectWith({ 'src/app/names/actions.ts': action });
    const outcome = run(root, { kind: 'to-route-keep-action', file: 'src/app/names/actions.ts', line: 6 });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    writeChanges(outcome.changes);
    const route = fs.readFileSync(path.join(root, 'src/app/api/rename-project/route.ts'), 'utf8');
    assert.match(route, /\n {2}const theme = \(await cookies\(\)\)\.get\('theme'\)\?\.value\n {2}const store = await cookies\(\)\n/);
    assert.match(fs.readFileSync(path.join(root, 'src/app/names/actions.ts'), 'utf8'), /const theme = cookies\(\)\.get/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('a webhook that verified nothing', () => {
  it("gets its provider's check in the route: Stripe's constructEvent with the app's client, over the raw body, before it is parsed", () => {
    const action = "'use server'\n\nimport { headers } from 'next/headers'\nimport { stripe } from '@/lib/stripe'\nimport { recordPayment } from '@/lib/billing'\n\nexport async function paymentSucceeded(event: { projectId: string }) {\n  const signature = (await headers()).get('stripe-signature')\n  console.log('stripe event', signature)\n  await recordPayment(event.projectId)\n}\n";
    const root = projectWith({ 'src/app/billing/actions.ts': action, 'src/lib/billing.ts': "export async function recordPayment(projectId: string) {\n  console.log(projectId)\n}\n" });
    const outcome = run(root, { kind: 'to-route', file: 'src/app/billing/actions.ts', line: 7 });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    writeChanges(outcome.changes);
    const route = fs.readFileSync(path.join(root, 'src/app/api/payment-succeeded/route.ts'), 'utf8');
    assert.match(route, /\nfunction signedByStripe\(payload: string, signature: string \| null\): boolean \{\n {2}try \{\n {4}stripe\.webhooks\.constructEvent\(payload, signature \?\? '', process\.env\.STRIPE_WEBHOOK_SECRET \?\? ''\)\n/);
    assert.match(route, /\n {2}const body = await request\.text\(\)\n {2}if \(!signedByStripe\(body, request\.headers\.get\('stripe-signature'\)\)\) return NextResponse\.json\(\{ error: 'Invalid signature' \}, \{ status: 401 \}\)\n {2}const event = JSON\.parse\(body\) as \{ projectId: string \}\n/);
    assert.equal(tsc(root), '');
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('refactors of a default export', () => {
  it('name the service function after the function, and keep the default export', () => {
    const root = projectWith({
      'src/app/notes/save.ts': "'use server'\n\nimport { db } from '@/lib/db'\n\nexport default async function saveNote(projectId: string, title: string) {\n  await db.task.create({ data: { projectId, title, done: false } })\n}\n",
    });
    const outcome = run(root, { kind: 'extract-service', file: 'src/app/notes/save.ts', line: 5 });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason);
    writeChanges(outcome.changes);
    assert.equal(fs.readFileSync(path.join(root, 'src/app/notes/save.ts'), 'utf8'), "'use server'\n\nimport { saveNote as saveNoteInService } from '@/lib/notes/service'\n\nexport default async function saveNote(projectId: string, title: string) {\n  await saveNoteInService(projectId, title)\n}\n");
    assert.equal(fs.readFileSync(path.join(root, 'src/lib/notes/service.ts'), 'utf8'), "import { db } from '@/lib/db'\n\nexport async function saveNote(projectId: string, title: string) {\n  await db.task.create({ data: { projectId, title, done: false } })\n}\n");
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('refactor offers', () => {
  it('offer each refactor only where it applies', () => {
    const root = project('to-route-keep-action');
    const analyzer = analyze(root);
    const offered = (file: string, needle: string): string[] => {
      const full = path.join(root, file);
      return refactorOffers(analyzer.index, DEFAULT_SETTINGS, full, fs.readFileSync(full, 'utf8').indexOf(needle)).map((o) => `${o.kind} ${o.codeActionKind}`);
    };
    // createTask writes itself and a client component's form calls it: extract, convert while keeping it, or convert with the form fetching the route.
    assert.deepEqual(offered('src/app/projects/[projectId]/tasks/actions.ts', 'const task'), ['extract-service refactor.extract', 'to-route-keep-action refactor.rewrite', 'to-route-rewrite-callers refactor.rewrite']);
    // A client component and a plain module offer nothing.
    assert.deepEqual(offered('src/components/new-task-form.tsx', 'useActionState('), []);
    assert.deepEqual(offered('src/lib/auth.ts', 'cookies()'), []);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

function snapshotOf(root: string): Map<string, string> {
  return new Map(listFiles(root).map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
}
