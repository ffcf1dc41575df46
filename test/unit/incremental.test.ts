import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeFolder, FIXTURES } from '../support/analyze';
import { tempCopy } from '../support/temp-copy';

/** An edit applied to a loaded project gives the same findings as a fresh load of the edited tree. */
describe('incremental updates', () => {
  const copy = tempCopy(path.join(FIXTURES, 'rules', 'action-called-in-effect', 'bad'));
  after(() => copy.remove());
  const { analyzer } = analyzeFolder(copy.root);
  const actions = path.join(copy.root, 'app/tasks/actions.ts');
  const ids = () => analyzer.findings(actions).map((f) => f.ruleId).sort();

  it('an edit in the caller changes the findings of the action it calls', () => {
    assert.ok(ids().includes('action-called-in-effect'));
    const list = copy.read('components/task-list.tsx');
    const edited = list.replace('getTasks(projectId).then(setTasks)', 'setTasks([])').replace("queryFn: () => findTasks('open')", 'queryFn: () => Promise.resolve([])');
    analyzer.updateFile(copy.write('components/task-list.tsx', edited), edited);
    assert.ok(!ids().includes('action-called-in-effect'));
    const fresh = analyzeFolder(copy.root).analyzer;
    assert.deepEqual(analyzer.findings(actions), fresh.findings(actions));
  });

  it('names the files whose findings depend on an edited file', () => {
    const caller = path.join(copy.root, 'components/task-list.tsx');
    assert.deepEqual([...analyzer.index.dependentsOf(caller)], [actions]);
  });

  it('stops between rules once the request is cancelled', () => {
    let asked = 0;
    assert.deepEqual(analyzer.findings(actions, () => asked++ > 2), []);
    assert.equal(asked, 4, 'the check ran before each rule until the cancellation');
  });

  it('a suppression comment removes exactly its finding', () => {
    const text = copy.read('app/tasks/actions.ts');
    const suppressed = text.replace('export async function getTasks', '// next-action-advisor-disable-next-line action-used-for-read -- loaded once\nexport async function getTasks');
    analyzer.updateFile(actions, suppressed);
    const fileWide = `/* next-action-advisor-disable logic-in-transport */\n${suppressed}`;
    const before = ids();
    assert.ok(!analyzer.findings(actions).some((f) => f.ruleId === 'action-used-for-read' && f.message.includes('`getTasks`')));
    analyzer.updateFile(actions, fileWide);
    assert.deepEqual(ids(), before.filter((id) => id !== 'logic-in-transport'));
  });
});
