import { strict as assert } from 'node:assert';
import { describe, it, mock } from 'node:test';
import { IdleCollector } from '../../server/src/garbage-collection';

/** A heap whose use the test sets, counting the collections asked for; one returns it to `live`. */
function fakeHeap(live: number) {
  const heap = { used: live, collections: 0, usedMB: () => heap.used, collect: () => ((heap.used = live), heap.collections++) };
  return heap;
}

describe('the collection after edits settle', () => {
  it('collects once the edits pause and the heap grew past the slack, not while they go on, and not for less', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const heap = fakeHeap(100);
      const idle = new IdleCollector(heap, 2000, 48);
      for (let i = 0; i < 10; i++) {
        heap.used += 10;
        idle.activity();
        mock.timers.tick(500);
      }
      assert.equal(heap.collections, 0, 'no collection while keystrokes keep coming');
      mock.timers.tick(1500);
      assert.deepEqual({ collections: heap.collections, used: heap.used }, { collections: 1, used: 100 });

      heap.used += 30;
      idle.activity();
      mock.timers.tick(2000);
      assert.equal(heap.collections, 1, 'a growth within the slack is left to V8');
    } finally {
      mock.timers.reset();
    }
  });
});
