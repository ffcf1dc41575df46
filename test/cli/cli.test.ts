import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { RULES } from '../../server/src/analysis/rules';
import { FIXTURES } from '../support/analyze';
import { tempCopy } from '../support/temp-copy';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BAD = path.join(FIXTURES, 'rules', 'action-missing-auth', 'bad');

/** The bundled checker, run as a user runs it. */
function run(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('next-action-advisor --help', () => {
  it('lists the commands, one line each, and points at their own help', () => {
    const { code, stdout } = run(['--help']);
    assert.equal(code, 0);
    assert.equal(stdout.split('\n')[0], 'Usage: next-action-advisor <command> [options]');
    for (const command of ['check', 'endpoints', 'refactor', 'decide', 'scaffold', 'mcp']) assert.match(stdout, new RegExp(`^  ${command} +\\S.*$`, 'm'));
    assert.match(stdout, /Run next-action-advisor <command> --help for a command's arguments, options and exit codes\./);
    assert.equal(run(['-h']).stdout, stdout);
  });

  const firstLines: [string, string][] = [
    ['check', 'Usage: next-action-advisor check [paths…] [options]'],
    ['endpoints', 'Usage: next-action-advisor endpoints [paths…] [--format table|json|markdown]'],
    ['refactor', 'Usage: next-action-advisor refactor <extract-service|to-route|to-action> <file>:<line> [options]'],
    ['decide', 'Usage: next-action-advisor decide [<file>:<line>] [--answers <question>=<answer>…] [--format text|json]'],
    ['scaffold', 'Usage: next-action-advisor scaffold <name> --variant action|route|both [--app <folder>]'],
    ['mcp', 'Usage: next-action-advisor mcp [--root <folder>] [--allow-write] [--no-cache]'],
  ];
  for (const [command, firstLine] of firstLines) {
    it(`prints the usage of ${command} with its options and exit codes, and exits 0`, () => {
      const { code, stdout, stderr } = run([command, '--help']);
      assert.equal(code, 0, stderr);
      assert.equal(stdout.split('\n')[0], firstLine);
      assert.match(stdout, /\nOptions:\n(  .*\n)*  -h, --help +show this help\n/);
      assert.match(stdout, /\nExit codes:\n  0  .*\n(  1  .*\n)?  2  bad usage.*\n$/);
      assert.equal(run([command, 'anything', '-h']).stdout, stdout, '-h, anywhere among the arguments');
    });
  }

  it('exits 2 on an unknown option, naming it, for every command', () => {
    for (const command of ['check', 'endpoints', 'refactor', 'decide', 'scaffold', 'mcp']) {
      const { code, stdout, stderr } = run([command, '--colour']);
      assert.equal(code, 2, command);
      assert.equal(stdout, '');
      assert.equal(stderr, `next-action-advisor: unknown option --colour\nRun next-action-advisor ${command} --help for its usage.\n`);
    }
  });

  it('exits 2 on an option given without its value, or a switch given one', () => {
    assert.match(run(['check', '--format']).stderr, /^next-action-advisor: --format needs a value: --format pretty\|json\|sarif\n/);
    assert.match(run(['check', '--max-warnings', '--format', 'json']).stderr, /^next-action-advisor: --max-warnings needs a value: --max-warnings <n>\n/);
    assert.match(run(['scaffold', 'createInvoice', '--variant']).stderr, /^next-action-advisor: --variant needs a value: --variant action\|route\|both\n/);
    assert.match(run(['refactor', 'to-route', 'a.ts:1', '--keep-action=yes']).stderr, /^next-action-advisor: --keep-action takes no value\n/);
    for (const args of [['check', '--format'], ['decide', '--answers'], ['scaffold', 'createInvoice', '--variant'], ['refactor', '--keep-action=yes']]) assert.equal(run(args).code, 2, args.join(' '));
  });
});

describe('next-action-advisor check', () => {
  it('prints findings ESLint-style, grouped by file, with a summary, and exits 0 without errors', () => {
    const { code, stdout } = run(['check', '.'], BAD);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.filter((l) => /^\S/.test(l)), ['app/events/actions.ts', 'app/profile/actions.ts', 'app/projects/actions.ts', '⚠ 8 problems (4 warnings, 4 infos) in 5 files']);
    assert.match(lines[2]!, /^ {2}6:23 +warning {2}"removeEvent" writes data \("Event\.findByIdAndDelete"\) without checking the session first\. .* {2}action-missing-auth$/);
    assert.match(stdout, /⚠ 8 problems \(4 warnings, 4 infos\) in 5 files\n$/);
  });

  it('exits 1 when a rule set to error fires, or warnings exceed --max-warnings', () => {
    assert.equal(run(['check', BAD, '--rule', 'action-missing-auth=error']).code, 1);
    assert.equal(run(['check', BAD, '--max-warnings', '3']).code, 1);
    assert.equal(run(['check', BAD, '--max-warnings', '4']).code, 0);
  });

  it('turns a rule off with --rule id=off', () => {
    const { stdout } = run(['check', BAD, '--format', 'json', '--rule', 'action-missing-auth=off', '--rule=action-unvalidated-input=off']);
    assert.deepEqual(JSON.parse(stdout).findings, []);
  });

  it('prints JSON with 1-based positions and related locations', () => {
    const { code, stdout } = run(['check', '.', '--format', 'json'], BAD);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.summary, { total: 8, error: 0, warning: 4, info: 4, hint: 0 });
    assert.deepEqual(
      { ...report.findings.find((f: { file: string }) => f.file === 'app/projects/actions.ts'), message: undefined, docs: undefined },
      {
        file: 'app/projects/actions.ts',
        ruleId: 'action-missing-auth',
        severity: 'warning',
        message: undefined,
        startLine: 7,
        startColumn: 23,
        endLine: 7,
        endColumn: 36,
        docs: undefined,
        related: [{ file: 'app/projects/actions.ts', message: 'The unguarded write', startLine: 8, startColumn: 9, endLine: 8, endColumn: 45 }],
      },
    );
    assert.ok(fs.existsSync(new URL(report.findings[0].docs)), 'the docs link points at the rule page');
  });

  it('prints SARIF 2.1.0 that validates against the schema', () => {
    const { code, stdout } = run(['check', path.join(ROOT, 'examples', 'project-tracker'), '--format', 'sarif']);
    assert.equal(code, 1, 'the example app has errors');
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's patterns predate unicode-mode regular expressions.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors?.slice(0, 3)));
    const log = JSON.parse(stdout);
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.rules.length, RULES.length);
    assert.equal(run0.results.length, 32);
    for (const result of run0.results) {
      assert.equal(run0.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(!result.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'), 'URIs are relative to %SRCROOT%');
    }
  });

  it('writes SARIF URIs relative to the %SRCROOT% it declares when the checked folder lies outside the working folder', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-cwd-'));
    after(() => fs.rmSync(elsewhere, { recursive: true, force: true }));
    const { stdout } = run(['check', BAD, '--format', 'sarif'], elsewhere);
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors?.slice(0, 3)));
    const log = JSON.parse(stdout) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
    const run0 = log.runs[0]!;
    assert.equal(run0.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(fs.realpathSync(BAD)).href}/`);
    const uris = run0.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation as { uri: string; uriBaseId: string });
    assert.deepEqual([...new Set(uris.map((u) => `${u.uriBaseId} ${u.uri}`))], ['%SRCROOT% app/events/actions.ts', '%SRCROOT% app/profile/actions.ts', '%SRCROOT% app/projects/actions.ts']);
  });

  it('reads next-action-advisor.json, and says which field is wrong', () => {
    const copy = tempCopy(BAD);
    after(() => copy.remove());
    copy.write('next-action-advisor.json', JSON.stringify({ rules: { 'action-missing-auth': 'error', 'action-unvalidated-input': 'sometimes' } }));
    const { code, stdout, stderr } = run(['check', '.', '--format', 'json'], copy.root);
    assert.equal(code, 1);
    assert.deepEqual([...new Set(JSON.parse(stdout).findings.map((f: { severity: string; ruleId: string }) => `${f.ruleId}:${f.severity}`))].sort(), [
      'action-missing-auth:error',
      'action-unvalidated-input:info',
    ]);
    assert.match(stderr, /next-action-advisor\.json: rules\.action-unvalidated-input: expected one of off, hint, info, warning, error/);
  });

  it('analyses one file within its app, so that cross-file findings hold', () => {
    const effect = path.join(FIXTURES, 'rules', 'action-called-in-effect', 'bad');
    const { stdout } = run(['check', path.join(effect, 'components', 'task-list.tsx'), '--format', 'json']);
    const ids = JSON.parse(stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    assert.ok(ids.includes('action-called-in-effect'));
  });

  it('exits 2 with a message on bad usage', () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--rule', 'no-such-rule=off'], ['check', '--bogus'], ['check', 'missing-folder']]) {
      const { code, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^next-action-advisor: /);
    }
  });

  it('reports a binary file and goes on', () => {
    const copy = tempCopy(BAD);
    after(() => copy.remove());
    fs.writeFileSync(path.join(copy.root, 'app', 'blob.ts'), Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x27, 0x75]));
    const { code, stdout, stderr } = run(['check', '.', '--format', 'json'], copy.root);
    assert.equal(code, 0);
    assert.match(stderr, /blob\.ts: binary data, not analysed/);
    assert.equal(JSON.parse(stdout).summary.total, 8);
  });

  it('finds the same on worker threads as on one thread, in one chunk or many', () => {
    // One fixture folder fits in one chunk of 40 files; all of them take many.
    for (const folder of [BAD, FIXTURES]) {
      const onThread = spawnSync(process.execPath, [CLI, 'check', folder, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ADVISOR_WORKERS: '0' } });
      const onWorkers = spawnSync(process.execPath, [CLI, 'check', folder, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ADVISOR_WORKERS: '2' } });
      assert.equal(onWorkers.status, onThread.status);
      assert.ok(JSON.parse(onThread.stdout).summary.total > 0);
      assert.equal(onWorkers.stdout, onThread.stdout);
    }
  });
});

describe('next-action-advisor refactor', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');

  it('applies one refactor on disk and prints what it created and changed', () => {
    const copy = tempCopy(EXAMPLE);
    const { code, stdout, stderr } = run(['refactor', 'to-action', 'src/app/api/tasks/route.ts:4'], copy.root);
    assert.equal(code, 0, stderr);
    assert.equal(
      stdout,
      'Convert to server action "createTaskAction" in src/app/projects/[projectId]/tasks/actions.ts, calling it from the fetch that used the route, keeping the route\n' +
        'changed src/app/projects/[projectId]/tasks/actions.ts\nchanged src/components/quick-add-task.tsx\n',
    );
    assert.match(copy.read('src/components/quick-add-task.tsx'), /await createTaskAction\(projectId, title\)/);
    copy.remove();
  });

  it('exits 1 with the reason when the refactor cannot be done, and changes nothing', () => {
    const copy = tempCopy(EXAMPLE);
    const before = copy.read('src/app/projects/actions.ts');
    const { code, stdout, stderr } = run(['refactor', 'to-route', 'src/app/projects/actions.ts:14'], copy.root);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, 'next-action-advisor: `createProject` is called from one place in this app (src/components/project-form.tsx…): convert it keeping the action, so that they keep working.\n');
    assert.equal(copy.read('src/app/projects/actions.ts'), before);
    copy.remove();
  });

  it('exits 2 on a wrong refactor name, location or option', () => {
    assert.match(run(['refactor', 'to-lambda', 'a.ts:1']).stderr, /refactor takes one of extract-service, to-route, to-action, not to-lambda/);
    assert.match(run(['refactor', 'to-route', 'a.ts']).stderr, /refactor takes a location as <file>:<line>/);
    assert.match(run(['refactor', 'extract-service', 'a.ts:1', '--keep-action']).stderr, /--keep-action goes with to-route/);
    assert.match(run(['refactor', 'to-route', 'a.ts:1', '--keep-action', '--rewrite-callers']).stderr, /--keep-action and --rewrite-callers exclude each other/);
    assert.match(run(['refactor', 'to-route', 'a.ts:1', '--remove-route']).stderr, /--remove-route goes with to-action/);
    assert.equal(run(['refactor', 'to-route', 'missing.ts:1']).code, 2);
  });
});

describe('next-action-advisor decide', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');

  it('prints the decision for the function at a line as Markdown, its answers read from the code', () => {
    const { code, stdout } = run(['decide', 'src/app/billing/actions.ts:7'], EXAMPLE);
    const docs = (rule: string): string => pathToFileURL(path.join(ROOT, 'docs', 'rules', `${rule}.md`)).href;
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '# Server Action or Route Handler?',
        '',
        'For the Server Action `confirmPayment` in src/app/billing/actions.ts:7.',
        '',
        '## Answers',
        '',
        '- Who calls it? **A third party or webhook sender** (from the code: src/app/billing/actions.ts:8 reads the `stripe-signature` header)',
        '',
        '## Recommendation: A Route Handler',
        '',
        `- A webhook sender posts to a fixed URL and signs the raw body: a Server Action has a build-specific ID and gives you no raw body to verify. ([action-as-webhook](${docs('action-as-webhook')}))`,
        '',
        '## Keep in mind',
        '',
        `- Read \`await request.text()\` and verify the signature before parsing it: the signature is the only proof of the sender. ([webhook-body-parsed-before-verify](${docs('webhook-body-parsed-before-verify')}))`,
        `- Answer failures with their status code (400, 401, 404, 409), not 200 with an error. ([route-error-without-status](${docs('route-error-without-status')}))`,
        '',
        '## The other choice',
        '',
        "A Server Action would give this caller no stable URL (its ID changes with every build), accept only React's POST from this app, and offer no raw body, status codes or headers.",
        '',
        '## Next step',
        '',
        'Convert "confirmPayment" to a route handler.',
        '',
      ].join('\n'),
    );
  });

  it('answers in JSON for the answers given, and exits 1 while a question is open', () => {
    const decided = run(['decide', '--answers', 'callers=own-ui', 'operation=read', 'cdnCache=no', '--format', 'json'], EXAMPLE);
    assert.equal(decided.code, 0);
    const json = JSON.parse(decided.stdout) as { target: unknown; questions: { id: string; answer: string }[]; recommendation: { choice: string; reasons: { rule: string; docs: string }[] }; refactor: unknown };
    assert.equal(json.target, null);
    assert.deepEqual(json.questions.map((q) => `${q.id}=${q.answer}`), ['callers=own-ui', 'operation=read', 'cdnCache=no']);
    assert.equal(json.recommendation.choice, 'server-component-read');
    assert.deepEqual(json.recommendation.reasons.map((r) => r.rule), ['action-used-for-read', 'action-called-in-effect']);
    assert.equal(json.recommendation.reasons[0]!.docs, pathToFileURL(path.join(ROOT, 'docs', 'rules', 'action-used-for-read.md')).href);
    assert.equal(json.refactor, null);
    const open = run(['decide', '--answers', 'callers=own-ui'], EXAMPLE);
    assert.equal(open.code, 1);
    assert.match(open.stdout, /- What does it do\? \*Open:\* `operation=mutation` \(Changes data\), `operation=read` \(Reads data\), `operation=upload` \(Receives a file\), `operation=stream` \(Streams\)\n/);
  });

  it('exits 2 on an unknown question or answer', () => {
    assert.match(run(['decide', '--answers', 'colour=blue']).stderr, /--answers takes <question>=<answer> with a question among callers, operation/);
    assert.match(run(['decide', '--answers', 'callers=aliens']).stderr, /callers takes own-ui, own-ui-and-others, webhook, external-client, cron, not aliens/);
    assert.equal(run(['decide', 'missing.ts:3']).code, 2);
  });
});

describe('next-action-advisor scaffold', () => {
  const EXAMPLE = path.join(ROOT, 'examples', 'project-tracker');

  it('writes a service and a Server Action into the app, and prints them', () => {
    const copy = tempCopy(EXAMPLE);
    const { code, stdout, stderr } = run(['scaffold', 'createInvoice', '--variant', 'action'], copy.root);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, 'Scaffold "createInvoice": a service and a Server Action (invoices)\ncreated src/lib/invoices/service.ts\ncreated src/app/invoices/actions.ts\n');
    assert.match(copy.read('src/app/invoices/actions.ts'), /^'use server'\n\nimport \{ revalidatePath \} from 'next\/cache'\nimport \{ CreateInvoiceInput, createInvoice as createInvoiceInService \} from '@\/lib\/invoices\/service'\nimport \{ requireUser \} from '@\/lib\/auth'\n/);
    copy.remove();
  });

  it('refuses a name that is not a verb and a noun (exit 1), and a wrong variant (exit 2)', () => {
    const refused = run(['scaffold', 'invoices', '--variant', 'route'], EXAMPLE);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, 'next-action-advisor: Name it with a verb and a noun, like `createInvoice`: `invoices` is not such a name.\n');
    const wrong = run(['scaffold', 'createInvoice', '--variant', 'lambda'], EXAMPLE);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--variant takes action, route or both, not lambda/);
  });
});

describe('next-action-advisor endpoints', () => {
  // Reviewed by hand: each endpoint of the example app with its URL, callers, auth, caching, signals and findings.
  for (const [format, file] of [['table', 'endpoints.txt'], ['markdown', 'endpoints.md'], ['json', 'endpoints.json']] as const) {
    it(`lists the example app's endpoints as ${format}, exactly`, () => {
      const { code, stdout, stderr } = run(['endpoints', 'examples/project-tracker', '--format', format]);
      assert.equal(stderr, '');
      assert.equal(code, 0);
      const expected = path.join(FIXTURES, 'cli', file);
      if (process.env.UPDATE_EXPECTED) fs.writeFileSync(expected, stdout);
      assert.equal(stdout, fs.readFileSync(expected, 'utf8'));
    });
  }

  it('lists only the endpoints inside the paths given, and says when there are none', () => {
    const { code, stdout } = run(['endpoints', 'examples/project-tracker/src/app/projects/actions.ts', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).endpoints.map((e: { name: string }) => e.name), ['createProject', 'deleteProject', 'getProjectSummary']);
    assert.equal(run(['endpoints', 'examples/project-tracker/src/lib/db.ts']).stdout, 'No Server Action or Route Handler found.\n');
    assert.equal(run(['endpoints', 'no/such/folder']).code, 2);
  });
});

describe('next-action-advisor check --fix', () => {
  /** Every file of the copy and its text, to compare before and after. */
  const snapshot = (root: string): Map<string, string> => {
    const files = new Map<string, string>();
    for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
      const full = path.join(entry.parentPath, entry.name);
      if (entry.isFile() && !full.includes('node_modules')) files.set(path.relative(root, full), fs.readFileSync(full, 'utf8'));
    }
    return files;
  };
  const changedBetween = (before: Map<string, string>, after: Map<string, string>): string[] => [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f).sort();

  it('applies the local fixes of the example app, changes nothing else, compiles, and has nothing left to fix', () => {
    const copy = tempCopy(path.join(ROOT, 'examples', 'project-tracker'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy.root, 'node_modules'), 'dir');
    const before = snapshot(copy.root);
    const dry = run(['check', '.', '--fix-dry-run'], copy.root);
    assert.equal(dry.code, 0);
    assert.ok(dry.stdout.includes("--- a/src/app/projects/[projectId]/page.tsx\n+++ b/src/app/projects/[projectId]/page.tsx\n@@ -1,4 +1,4 @@\n-import { redirect } from 'next/navigation'\n+import { redirect, unstable_rethrow } from 'next/navigation'\n"), dry.stdout);
    assert.deepEqual(changedBetween(before, snapshot(copy.root)), [], 'a dry run writes nothing');

    const fixed = run(['check', '.', '--fix'], copy.root);
    assert.equal(fixed.code, 1, 'errors are left, as check reports them');
    assert.equal(
      fixed.stderr,
      [
        'Fixed 11 findings in 8 files:',
        'package.json',
        '  next-advisory: Upgrade next to 16.2.6 (then reinstall)',
        'src/app/api/projects/[projectId]/route.ts',
        '  route-missing-auth: Check the session first with requireUser(), answering 401',
        '  route-error-without-status: Answer 400 Bad Request',
        'src/app/api/tasks/route.ts',
        "  action-only-api-outside-action: Expire the tag with revalidateTag(tag, 'max')",
        'src/app/api/webhooks/stripe/route.ts',
        '  webhook-body-parsed-before-verify: Verify the raw body (request.text())',
        'src/app/projects/[projectId]/page.tsx',
        '  redirect-in-try: Rethrow navigation errors first in the catch',
        'src/app/projects/[projectId]/tasks/actions.ts',
        '  action-missing-revalidation: Revalidate /dashboard after the write',
        '  action-unvalidated-input: Validate "taskId" and "title" with a zod schema',
        'src/app/projects/actions.ts',
        '  action-missing-auth: Check the session first with requireUser()',
        '  action-unvalidated-input: Validate "projectId" with a zod schema',
        'src/lib/search-index.js',
        "  revalidate-tag-single-argument: Pass the 'max' profile",
        '',
      ].join('\n'),
    );
    for (const rule of ['redirect-in-try', 'webhook-body-parsed-before-verify', 'route-error-without-status']) assert.ok(!fixed.stdout.includes(rule), `no ${rule} finding left`);
    const after = snapshot(copy.root);
    assert.deepEqual(changedBetween(before, after), ['package.json', 'src/app/api/projects/[projectId]/route.ts', 'src/app/api/tasks/route.ts', 'src/app/api/webhooks/stripe/route.ts', 'src/app/projects/[projectId]/page.tsx', 'src/app/projects/[projectId]/tasks/actions.ts', 'src/app/projects/actions.ts', 'src/lib/search-index.js']);
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(copy.root, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout);

    const again = run(['check', '.', '--fix'], copy.root);
    assert.equal(again.stderr, 'next-action-advisor: nothing to fix\n');
    assert.deepEqual(changedBetween(after, snapshot(copy.root)), []);
    copy.remove();
  });

  it('takes --fix-refactors only with --fix or --fix-dry-run', () => {
    const { code, stderr } = run(['check', '--fix-refactors']);
    assert.equal(code, 2);
    assert.match(stderr, /--fix-refactors goes with --fix or --fix-dry-run/);
  });
});
