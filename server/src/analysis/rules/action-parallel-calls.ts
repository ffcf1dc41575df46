import type { ParallelFact, UsageFact } from '../facts/file-facts';
import { definitionKey, type ActionDef } from '../project/project-index';
import type { Rule, RuleContext } from './rule';
import { displayPath, listLabels } from './shared';

interface ActionCall {
  usage: UsageFact;
  parallel: ParallelFact;
  action: ActionDef;
}

export const rule: Rule = {
  meta: {
    id: 'action-parallel-calls',
    defaultSeverity: 'warning',
    title: 'A client awaits several Server Action calls together, expecting them to run in parallel',
    why: 'A client dispatches Server Actions one at a time, each waiting for the one before it to finish. `Promise.all([saveTitle(t), saveTags(t)])` or `Promise.all(ids.map(deleteTask))` in a client component looks parallel, yet makes one round trip after another: the wait grows with every call, and `Promise.race` always goes to the first. (On the server the same functions are plain calls and do run together; that is not reported.)',
    fix: 'For writes, give the UI one action that does all the work (taking the whole list) and runs the steps in parallel on the server. For reads, load the data in a Server Component and pass it down, or fetch GET Route Handlers, which the browser does run in parallel.',
    bad: "'use client'\n\nasync function removeSelected(ids: string[]) {\n  await Promise.all(ids.map((id) => deleteTask(id)))\n}",
    good: "'use client'\n\nasync function removeSelected(ids: string[]) {\n  await deleteTasks(ids)\n}\n\n// app/tasks/actions.ts\nexport async function deleteTasks(ids: string[]) {\n  await Promise.all(ids.map((id) => db.task.delete({ where: { id } })))\n}",
    sources: [{ title: 'Next.js docs: Mutating Data, Invoking Server Functions', url: 'https://nextjs.org/docs/app/getting-started/mutating-data#invoking-server-functions' }],
  },
  check(context) {
    const { file, index } = context;
    // On the server an action is a plain async function: there the calls do run together.
    if (!index.runsInBrowser(file.path)) return;
    const groups = new Map<number, ActionCall[]>();
    for (const usage of file.usages) {
      const parallel = usage.parallel;
      if (!parallel) continue;
      const definition = index.resolveLocal(file.path, usage.name);
      const action = definition && index.actionOf(definitionKey(definition));
      if (!action) continue;
      const group = groups.get(parallel.span.start) ?? [];
      group.push({ usage, parallel, action });
      groups.set(parallel.span.start, group);
    }
    for (const calls of groups.values()) {
      const repeated = calls.some((c) => c.parallel.repeated);
      if (calls.length < 2 && !repeated) continue;
      const { parallel } = calls[0]!;
      const names = listLabels(calls.map((c) => c.action.name));
      context.report(
        parallel.span,
        `Promise.${parallel.method} here awaits Server Actions, which a client runs one at a time, not in parallel. The calls to ${names}${repeated ? ', one per item,' : ''} go out one after another, each waiting for the one before. ${advice(context, calls)}`,
        calls.map((c) => ({ file: file.path, span: c.usage.span, message: `Calls the Server Action "${c.action.name}" (${displayPath(context, c.action.file)})` })),
      );
    }
  },
};

/** Reads belong where requests do run together; writes in one action that does them all. */
function advice(context: RuleContext, calls: ActionCall[]): string {
  const reads = calls.every(({ action }) => {
    const facts = context.index.facts(action.file);
    return action.fn !== null && facts !== undefined && context.behaviour.onlyReads(facts, action.fn);
  });
  return reads
    ? 'Load the data in a Server Component and pass it down, or fetch GET Route Handlers, which the browser runs in parallel.'
    : 'Write one action that does all of it (taking the whole list) and runs the steps in parallel on the server.';
}
