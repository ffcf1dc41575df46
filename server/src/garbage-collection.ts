import * as v8 from 'node:v8';
import * as vm from 'node:vm';

type Collect = (options?: { type: 'major' | 'minor' }) => void;
let collector: Collect | null | undefined;

/** V8's collector; null where the runtime refuses, and V8 collects on its own schedule. */
function runtimeCollector(): Collect | null {
  if (collector === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collector = vm.runInNewContext('gc') as Collect;
    } catch {
      collector = null;
    }
  }
  return collector;
}

/** A full collection now. */
export function collectGarbage(): void {
  runtimeCollector()?.();
}

/**
 * A collection of the young generation only (a few milliseconds): it frees the memory of the buffers
 * that died young, which V8 otherwise lets pile up to tens of megabytes before it collects.
 */
export function collectYoungGarbage(): void {
  runtimeCollector()?.({ type: 'minor' });
}

/**
 * V8 allocates objects straight into its old generation where most objects from the same place in the
 * code lived long ("pretenuring"): the facts and index entries of the scan do, so an edit's copies of
 * them then pile up there as garbage until a full collection. Without it they die young: 400
 * keystrokes left 18 MB behind instead of 57 MB. Turned off once the scan is done, which it speeds up.
 */
export function keepEditsYoung(): void {
  setFlag('--no-allocation-site-pretenuring');
}

/** V8's pretenuring again, as at the start (a compiled-code cache is taken only under the flags it was made with). */
export function keepEditsAsAtStart(): void {
  setFlag('--allocation-site-pretenuring');
}

function setFlag(flag: string): void {
  try {
    v8.setFlagsFromString(flag);
  } catch {
    // A runtime that refuses keeps V8's default.
  }
}

/** What the collector reads and does; the process's own by default. */
export interface Heap {
  usedMB(): number;
  collect(): void;
}

const PROCESS_HEAP: Heap = { usedMB: () => process.memoryUsage().heapUsed / 1048576, collect: collectGarbage };

/**
 * Each keystroke leaves the previous facts and diagnostics of the file behind, and V8 collects its old
 * generation only as the heap nears a limit sized for the whole machine: on a 3,000-file workspace
 * the heap grew by 90 MB per 200 keystrokes, all of it garbage. Once edits have settled, a full
 * collection returns it, when the heap grew by more than `slackMB` since the last one.
 */
export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private baseline: number;

  constructor(private readonly heap: Heap = PROCESS_HEAP, private readonly settleMs = 2000, private readonly slackMB = 48) {
    this.baseline = heap.usedMB();
  }

  /** Something was edited: the collection waits until edits pause. */
  activity(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.collectIfGrown(), this.settleMs);
    this.timer.unref?.();
  }

  /** A full collection now (after the initial scan, which leaves much garbage behind). */
  collectNow(): void {
    this.heap.collect();
    this.baseline = this.heap.usedMB();
  }

  private collectIfGrown(): void {
    if (this.heap.usedMB() - this.baseline > this.slackMB) this.collectNow();
  }
}
