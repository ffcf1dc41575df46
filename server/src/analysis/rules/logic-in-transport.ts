import type { Rule } from './rule';
import { listLabels } from './shared';

export const rule: Rule = {
  meta: {
    id: 'logic-in-transport',
    defaultSeverity: 'hint',
    title: 'Business logic sits in an action or a route handler',
    why: 'Logic written inside an action or a handler is tied to its transport: it needs the Next.js runtime to test, cannot be reused by the other transport, and must be rewritten to move between an action and a route.',
    fix: 'Move the data access and rules into a service (`lib/<domain>/service.ts`, plain functions, no Next.js imports) and keep the action and the route as thin adapters that call it.',
    bad: "export async function completeTask(id: string) {\n  const task = await db.task.findUnique({ where: { id } })\n  await db.task.update({ where: { id }, data: { done: true } })\n  await db.activity.create({ data: { taskId: id, kind: 'completed' } })\n}",
    good: "export async function completeTask(id: string) {\n  const user = await requireUser()\n  await tasks.complete(user.id, id)\n  revalidatePath('/tasks')\n}",
  },
  check(context) {
    const { behaviour, index } = context;
    const transports = [
      ...context.actions.map((a) => ({ name: `\`${a.name}\``, span: a.span, fn: a.fn, fnFile: a.file })),
      ...context.routes.map((r) => ({ name: `This \`${r.method}\` handler`, span: r.span, fn: r.fn, fnFile: r.fnFile })),
    ];
    for (const transport of transports) {
      const facts = index.facts(transport.fnFile);
      if (!transport.fn || !facts) continue;
      const calls = behaviour.directDataCalls(facts, transport.fn);
      if (calls.length === 0) continue;
      context.report(
        transport.span,
        `${transport.name} talks to the data layer itself (${listLabels(calls.map((c) => c.label))}): logic in a transport is hard to test and must be rewritten to move between an action and a route. Move it into a service (\`lib/<domain>/service.ts\`) and keep this a thin adapter.`,
        calls.map((c) => ({ file: transport.fnFile, span: c.span, message: 'Direct data access' })),
      );
    }
  },
};
