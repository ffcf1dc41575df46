import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type PreviousResultId, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { analyzeFolder, type ShownFinding } from '../support/analyze';
import { TASK_ACTIONS } from '../support/example-findings';
import { TestClient, uri } from '../support/lsp-client';
import { tempCopy } from '../support/temp-copy';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'project-tracker');
const TASK_BOARD = 'src/components/task-board.tsx';
const LOAD_TASKS = '  return listTasks(projectId)';
/** `loadTasks` revalidates: it becomes a mutation, so its findings change and so do those of the component calling it in an effect. */
const REVALIDATING = '  revalidatePath(`/projects/${projectId}`)\n  return listTasks(projectId)';

/** Sorted rule ids per file URI, for the files with findings. */
type RuleIds = Map<string, string[]>;

/** What the analysis (the checker's) finds in `root`, file by file. */
function analysed(root: string): { findings: ShownFinding[]; ruleIds: RuleIds } {
  const { findings } = analyzeFolder(root);
  const ruleIds: RuleIds = new Map();
  for (const f of findings) {
    const key = uri(path.join(root, f.file));
    ruleIds.set(key, [...(ruleIds.get(key) ?? []), f.ruleId].sort());
  }
  return { findings, ruleIds };
}

/** The files (relative) whose findings differ between two analyses: places, messages and related places included. */
function changedFiles(before: ShownFinding[], after: ShownFinding[]): string[] {
  const byFile = (findings: ShownFinding[]) => {
    const map = new Map<string, string>();
    for (const f of findings) map.set(f.file, `${map.get(f.file) ?? ''}${JSON.stringify(f)}\n`);
    return map;
  };
  const a = byFile(before);
  const b = byFile(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
}

function ruleIdsOf(reports: WorkspaceDocumentDiagnosticReport[]): RuleIds {
  const ids: RuleIds = new Map();
  for (const r of reports) if (r.kind === 'full') ids.set(r.uri, r.items.map((d) => String(d.code)).sort());
  return ids;
}

const fullUris = (reports: WorkspaceDocumentDiagnosticReport[]) => reports.filter((r) => r.kind === 'full').map((r) => r.uri).sort();
const unchangedUris = (reports: WorkspaceDocumentDiagnosticReport[]) => reports.filter((r) => r.kind === 'unchanged').map((r) => r.uri).sort();

/** What a client shows, by URI: the result id of each report it took, as vscode-languageclient keeps them. */
class Shown {
  readonly ids = new Map<string, string>();

  take(reports: WorkspaceDocumentDiagnosticReport[]): WorkspaceDocumentDiagnosticReport[] {
    for (const r of reports) this.ids.set(r.uri, r.resultId!);
    return reports;
  }

  get previous(): PreviousResultId[] {
    return [...this.ids].map(([key, value]) => ({ uri: key, value }));
  }
}

const settled = async (promise: Promise<unknown>, ms: number): Promise<boolean> => Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('workspace diagnostics of a pull client', () => {
  const copy = tempCopy(EXAMPLE);
  const edited = tempCopy(EXAMPLE);
  const original = copy.read(TASK_ACTIONS);
  edited.write(TASK_ACTIONS, original.replace(LOAD_TASKS, REVALIDATING));
  const expected = analysed(copy.root);
  /** The files whose findings the edit changes, as URIs of the copy the server reads. */
  const changedByEdit = changedFiles(expected.findings, analysed(edited.root).findings).map((f) => uri(path.join(copy.root, f)));
  const shown = new Shown();
  let client: TestClient;
  before(async () => (client = await TestClient.started({ root: copy.root })));
  after(async () => {
    await client.stop();
    copy.remove();
    edited.remove();
  });

  it('reports every file with findings without opening one, with the rule ids the analysis gives', async () => {
    const reports = shown.take(await client.workspaceDiagnostics());
    assert.ok(expected.ruleIds.size > 5, 'the example has findings in many files');
    assert.deepEqual(ruleIdsOf(reports), expected.ruleIds);
    assert.deepEqual(unchangedUris(reports), []);
    for (const r of reports) {
      assert.equal(r.version, null, 'no document is open');
      assert.equal(typeof r.resultId, 'string');
    }
  });

  it('answers `unchanged` for every file when nothing changed', async () => {
    const reports = await client.workspaceDiagnostics(shown.previous);
    assert.deepEqual(fullUris(reports), []);
    assert.deepEqual(unchangedUris(reports), [...shown.ids.keys()].sort());
  });

  it('a document pull and the workspace pull agree on result ids', async () => {
    const docUri = await client.open(TASK_ACTIONS);
    const report = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: docUri }, previousResultId: shown.ids.get(docUri) });
    assert.deepEqual(report, { kind: 'unchanged', resultId: shown.ids.get(docUri) });
  });

  it('after an edit, sends the files whose findings changed and `unchanged` for the others', async () => {
    assert.ok(changedByEdit.includes(uri(path.join(copy.root, TASK_ACTIONS))) && changedByEdit.includes(uri(path.join(copy.root, TASK_BOARD))), changedByEdit.join('\n'));
    const refreshes = client.refreshes;
    await client.change(TASK_ACTIONS, original.replace(LOAD_TASKS, REVALIDATING));
    await client.waitFor(() => client.refreshes > refreshes, 'a workspace/diagnostic/refresh');
    const reports = shown.take(await client.workspaceDiagnostics(shown.previous));
    assert.deepEqual(fullUris(reports), changedByEdit);
    assert.deepEqual(unchangedUris(reports), [...shown.ids.keys()].filter((k) => !changedByEdit.includes(k)).sort());
    const board = reports.find((r) => r.uri === uri(path.join(copy.root, TASK_BOARD)));
    assert.ok(board?.kind === 'full' && !board.items.some((d) => d.code === 'action-called-in-effect'), 'the component no longer loads data through an action');
    assert.equal(reports.find((r) => r.uri === uri(path.join(copy.root, TASK_ACTIONS)))?.version, 2, 'the open document, at its version');
  });

  it('holds a pull with nothing new until a change, then sends just what changed', async () => {
    const held = client.workspaceDiagnostics(shown.previous, { partialResultToken: 'held' });
    assert.equal(await settled(held, 300), false, 'held while nothing changes');
    await client.change(TASK_ACTIONS, original);
    const reports = shown.take(await held);
    assert.deepEqual(fullUris(reports), changedByEdit);
    assert.deepEqual(unchangedUris(reports), [...shown.ids.keys()].filter((k) => !changedByEdit.includes(k)).sort());
    assert.deepEqual(ruleIdsOf(reports).get(uri(path.join(copy.root, TASK_BOARD))), expected.ruleIds.get(uri(path.join(copy.root, TASK_BOARD))));
  });

  it('ends a held pull when the client cancels it', async () => {
    const source = new CancellationTokenSource();
    const held = client.workspaceDiagnostics(shown.previous, { partialResultToken: 'cancelled', token: source.token });
    assert.equal(await settled(held, 100), false);
    source.cancel();
    await assert.rejects(held, (error: { code?: number }) => error.code === -32800);
  });

  it('with `problems: openFiles`, clears every file that is not open, and back', async () => {
    await client.changeSettings({ problems: 'openFiles' });
    const reports = shown.take(await client.workspaceDiagnostics(shown.previous));
    const open = uri(path.join(copy.root, TASK_ACTIONS));
    assert.deepEqual(unchangedUris(reports), [open]);
    assert.deepEqual(fullUris(reports), [...shown.ids.keys()].filter((k) => k !== open).sort());
    assert.deepEqual(reports.filter((r) => r.kind === 'full' && r.items.length > 0), []);
    await client.changeSettings({});
    assert.deepEqual(ruleIdsOf(await client.workspaceDiagnostics()), expected.ruleIds);
  });
});

describe('workspace diagnostics with `problems: openFiles`', () => {
  const copy = tempCopy(EXAMPLE);
  const expected = analysed(copy.root);
  const board = uri(path.join(copy.root, TASK_BOARD));
  const shown = new Shown();
  let client: TestClient;
  before(async () => (client = await TestClient.started({ root: copy.root, settings: { problems: 'openFiles' } })));
  after(async () => {
    await client.stop();
    copy.remove();
  });

  it('reports the open files only', async () => {
    await client.open(TASK_BOARD);
    const reports = shown.take(await client.workspaceDiagnostics());
    assert.deepEqual(fullUris(reports), [board]);
    assert.deepEqual(ruleIdsOf(reports).get(board), expected.ruleIds.get(board));
    assert.equal(reports[0]!.version, 1);
  });

  it('clears a file once it is closed', async () => {
    await client.close(TASK_BOARD);
    const reports = shown.take(await client.workspaceDiagnostics(shown.previous));
    assert.deepEqual(reports.map((r) => [r.kind, r.uri, r.kind === 'full' ? r.items.length : -1]), [['full', board, 0]]);
  });

  it('"Check Whole Workspace" reports every file once asked, and keeps them', async () => {
    const result = (await client.connection.sendRequest('nextActionAdvisor/checkWorkspace')) as { files: number; filesWithFindings: number; findings: number };
    assert.deepEqual(result, { files: client.indexedStats!.files, filesWithFindings: expected.ruleIds.size, findings: expected.findings.length });
    const reports = shown.take(await client.workspaceDiagnostics(shown.previous));
    assert.deepEqual(new Map([...ruleIdsOf(reports)].filter(([, ids]) => ids.length > 0)), expected.ruleIds);
    const again = await client.workspaceDiagnostics(shown.previous);
    assert.deepEqual(fullUris(again), [], 'nothing is cleared afterwards');
  });
});

describe('workspace diagnostics pushed to a client without pull', () => {
  const copy = tempCopy(EXAMPLE);
  const edited = tempCopy(EXAMPLE);
  const original = copy.read(TASK_ACTIONS);
  edited.write(TASK_ACTIONS, original.replace(LOAD_TASKS, REVALIDATING));
  const expected = analysed(copy.root);
  const changedByEdit = changedFiles(expected.findings, analysed(edited.root).findings).map((f) => uri(path.join(copy.root, f)));
  const actions = uri(path.join(copy.root, TASK_ACTIONS));
  let client: TestClient;
  before(async () => (client = await TestClient.started({ root: copy.root, pull: false })));
  after(async () => {
    await client.stop();
    copy.remove();
    edited.remove();
  });

  const pushedRuleIds = (): RuleIds => new Map([...client.pushed].filter(([, d]) => d.length > 0).map(([key, d]) => [key, d.map((x) => String(x.code)).sort()]));

  it('publishes every file with findings after the initial scan, none opened', async () => {
    await client.waitFor(() => pushedRuleIds().size >= expected.ruleIds.size, 'every file to be published');
    assert.deepEqual(pushedRuleIds(), expected.ruleIds);
  });

  it('after an edit, publishes only the files whose findings changed', async () => {
    await client.open(TASK_ACTIONS);
    await client.waitFor(() => client.publishes.some((p) => p.uri === actions && p.version === 1), 'the open document');
    const start = client.publishes.length;
    await client.change(TASK_ACTIONS, original.replace(LOAD_TASKS, REVALIDATING));
    const published = () => [...new Set(client.publishes.slice(start).map((p) => p.uri))].sort();
    await client.waitFor(() => changedByEdit.every((k) => published().includes(k)), 'the changed files');
    // Anything else would come in the same settling of the edit.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(published(), changedByEdit);
    assert.ok(!client.pushed.get(uri(path.join(copy.root, TASK_BOARD)))!.some((d) => d.code === 'action-called-in-effect'));
  });

  it('a closed file keeps the findings of its text on disk', async () => {
    await client.change(TASK_ACTIONS, original);
    await client.waitFor(() => client.publishes.at(-1)?.version === 3, 'the text as on disk');
    await client.close(TASK_ACTIONS);
    await client.waitFor(() => client.publishes.at(-1)?.uri === actions && client.publishes.at(-1)?.diagnostics.length !== 0, 'the findings on disk');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(pushedRuleIds(), expected.ruleIds);
  });
});
