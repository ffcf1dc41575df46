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
  const list = path.join(copy.root, 'components/task-list.tsx');
  const ids = () => analyzer.findings(list).map((f) => f.ruleId).sort();

  it('an edit in an action changes the findings of the component that calls it', () => {
    assert.ok(ids().includes('action-called-in-effect'));
    const text = copy.read('app/tasks/actions.ts');
    // Actions that revalidate are mutations: calling them from an effect is no read.
    const edited = `import { revalidatePath } from 'next/cache'\n${text.replace(/\n  return /g, "\n  revalidatePath('/tasks')\n  return ")}`;
    analyzer.updateFile(copy.write('app/tasks/actions.ts', edited), edited);
    assert.ok(!ids().includes('action-called-in-effect'));
    const fresh = analyzeFolder(copy.root).analyzer;
    assert.deepEqual(analyzer.findings(list), fresh.findings(list));
    analyzer.updateFile(copy.write('app/tasks/actions.ts', text), text);
    assert.ok(ids().includes('action-called-in-effect'));
  });

  it('names the files whose findings depend on an edited file', () => {
    assert.deepEqual([...analyzer.index.dependentsOf(list)], [actions]);
    assert.deepEqual([...analyzer.index.dependentsOf(actions)], [list]);
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
    assert.ok(!analyzer.findings(actions).some((f) => f.ruleId === 'action-used-for-read' && f.message.includes('"getTasks"')));
    analyzer.updateFile(actions, fileWide);
    assert.deepEqual(ids(), before.filter((id) => id !== 'logic-in-transport'));
  });
});
