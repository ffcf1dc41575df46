import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS } from '../../server/src/analysis/rules';
import { analyzeFolder } from '../support/analyze';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');

/** The files of the example app that hold findings; every other file is correct code that must stay silent. */
const EXPECTED: Record<string, string[]> = {
  // The pinned next has advisories: reported on its line.
  'package.json': ['next-advisory'],
  // Only src/proxy.ts checks the session for /api/admin.
  'src/app/api/admin/projects/[projectId]/route.ts': ['auth-only-in-proxy'],
  'src/app/api/projects/[projectId]/route.ts': ['route-missing-auth', 'route-error-without-status'],
  'src/app/api/tasks/[taskId]/complete/route.ts': ['route-get-side-effects'],
  'src/app/api/tasks/route.ts': ['route-only-own-ui-mutation', 'action-only-api-outside-action'],
  'src/app/api/webhooks/stripe/route.ts': ['webhook-body-parsed-before-verify'],
  'src/app/attachments/actions.ts': ['action-large-upload', 'action-unvalidated-input'],
  // One cause, one finding: the webhook received by an action is reported once.
  'src/app/billing/actions.ts': ['action-as-webhook'],
  'src/app/dashboard/page.tsx': ['auth-interrupt-without-flag'],
  'src/app/projects/[projectId]/page.tsx': ['redirect-in-try'],
  'src/app/projects/[projectId]/tasks/actions.ts': [
    'logic-in-transport',
    'action-unvalidated-input',
    'action-throws-expected-error',
    'action-used-for-read',
    'action-generic-rpc',
    'action-unvalidated-input',
    'action-http-semantics',
    'action-missing-revalidation',
    'action-unvalidated-input',
  ],
  'src/app/projects/actions.ts': ['use-server-invalid-export', 'action-missing-auth', 'action-unvalidated-input', 'action-used-for-read', 'unused-server-action'],
  'src/app/projects/page.tsx': ['fetch-own-route-from-server'],
  'src/components/archive-button.tsx': ['inline-use-server-in-client'],
  'src/lib/search-index.js': ['revalidate-tag-single-argument'],
  // Reported at the call, where the code must change.
  'src/components/task-board.tsx': ['action-called-in-effect', 'action-parallel-calls'],
};

describe('the example app', () => {
  const { analyzer, findings } = analyzeFolder(EXAMPLE);

  it('shows every rule at least once', () => {
    const fired = new Set(findings.map((f) => f.ruleId));
    assert.deepEqual(RULE_IDS.filter((id) => !fired.has(id)), []);
  });

  it('reports exactly the expected rules in each file', () => {
    const actual: Record<string, string[]> = {};
    for (const f of findings) (actual[f.file] ??= []).push(f.ruleId);
    const sorted = (o: Record<string, string[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v].sort()]).sort());
    assert.deepEqual(sorted(actual), sorted(EXPECTED));
  });

  it('keeps its clean files silent', () => {
    const clean = analyzer.index.paths().map((p) => path.relative(EXAMPLE, p)).filter((p) => !(p in EXPECTED));
    assert.ok(clean.length >= 20, `expected many clean files, found ${clean.length}`);
    assert.deepEqual(findings.filter((f) => clean.includes(f.file)), []);
  });
});
