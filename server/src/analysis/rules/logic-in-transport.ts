import type { DataOperation, Effect } from '../behaviour';
import type { FunctionFact } from '../facts/file-facts';
import type { Rule, RuleContext } from './rule';
import { describeRoute, displayPath, listLabels } from './shared';

/** A multi-step process: this many data operations at least, writing more than one model. */
const PROCESS_STEPS = 3;
/** Lookups of who may act (team membership, the user) are access checks, not steps of the process. */
const ACCESS_MODEL = /^(user_?)?teams?$|^(team_?)?members?(hips?)?$|^users?$|^userTeam$/i;

interface Transport {
  kind: 'action' | 'route';
  name: string;
  /** How a message names it: `createTask`, `This POST handler`. */
  shown: string;
  span: { start: number; end: number };
  file: string;
  fn: FunctionFact | null;
  fnFile: string;
}

export const rule: Rule = {
  meta: {
    id: 'logic-in-transport',
    defaultSeverity: 'hint',
    title: 'Business logic is written twice, or a whole process sits in one transport',
    why: 'A thin action or handler over a service is fine. But the same data-layer logic written in both an action and a Route Handler drifts apart as each is fixed alone, and a multi-step business process inside a transport needs the Next.js runtime to test and must be rewritten to move between an action and a route.',
    fix: 'Move the data access and the rules between the steps into a service (`lib/<domain>/service.ts`, plain functions, no Next.js imports) and keep the action and the route as thin adapters that call it.',
    bad: "export async function completeTask(id: string) {\n  const task = await db.task.findUnique({ where: { id } })\n  await db.task.update({ where: { id }, data: { done: true } })\n  await db.activity.create({ data: { taskId: id, kind: 'completed' } })\n}",
    good: "export async function completeTask(id: string) {\n  const user = await requireUser()\n  await tasks.complete(user.id, id)\n  revalidatePath('/tasks')\n}",
  },
  check(context) {
    const { behaviour, index } = context;
    for (const transport of transportsOf(context)) {
      const facts = index.facts(transport.fnFile);
      if (!transport.fn || !facts) continue;
      const operations = behaviour.dataOperations(facts, transport.fn);
      if (operations.length === 0) continue;
      const twin = operations.some((o) => o.write) && operations.length >= 2 ? twinOf(context, transport, signatureOf(operations)) : null;
      if (twin) {
        context.report(
          transport.span,
          `${transport.shown} repeats the data-layer logic of ${twin.shown.replace(/^This/, 'the')} in ${displayPath(context, twin.file)} (${listLabels(operations.map((o) => o.label))}): two transports, one logic, written twice, so a fix to one misses the other. Move it into a service that both call.`,
          [{ file: twin.file, span: twin.span, message: `The same logic in ${twin.kind === 'route' ? 'a Route Handler' : 'a Server Action'}` }],
        );
        continue;
      }
      // A pages/api handler holds one branch per method: each is judged on its own.
      const process = branchesOf(operations).find(isProcess);
      if (!process) continue;
      const models = new Set(process.filter((o) => o.model !== null && (o.write || !ACCESS_MODEL.test(o.model))).map((o) => o.model!));
      context.report(
        transport.span,
        `${transport.shown} runs a business process itself: ${process.length} data-layer steps over ${listLabels([...models])}. Logic in a transport needs the Next.js runtime to test and must be rewritten to move between an action and a route: move it into a service (\`lib/<domain>/service.ts\`) and keep this a thin adapter.`,
        process.map((o) => ({ file: transport.fnFile, span: o.span, message: o.write ? 'A write' : 'A read' })),
      );
    }
  },
};

function transportsOf(context: RuleContext): Transport[] {
  return [
    ...context.actions.map((a) => ({ kind: 'action' as const, name: a.name, shown: `\`${a.name}\``, span: a.span, file: a.file, fn: a.fn, fnFile: a.file })),
    ...context.routes.map((r) => ({ kind: 'route' as const, name: r.method, shown: describeRoute(r), span: r.span, file: r.file, fn: r.fn, fnFile: r.fnFile })),
  ];
}

/** Several steps that write more than one model, or a longer run that writes and touches three beyond the access checks. */
function isProcess(operations: DataOperation[]): boolean {
  const written = new Set(operations.filter((o) => o.write && o.model !== null).map((o) => o.model));
  if (operations.length >= PROCESS_STEPS && written.size >= 2) return true;
  const steps = operations.filter((o) => o.model === null || !ACCESS_MODEL.test(o.model));
  const touched = new Set(steps.map((o) => o.model).filter((m) => m !== null));
  return written.size >= 1 && steps.length >= PROCESS_STEPS + 1 && touched.size >= 3;
}

/** Operations by the method branch they sit in; those outside any branch belong to every branch. */
function branchesOf(operations: DataOperation[]): DataOperation[][] {
  const methods = [...new Set(operations.map((o) => o.httpMethod).filter((m) => m !== null))];
  if (methods.length === 0) return [operations];
  return methods.map((method) => operations.filter((o) => o.httpMethod === null || o.httpMethod === method));
}

function signatureOf(operations: Effect[]): string {
  return operations.map((o) => o.label).join('\n');
}

/** A transport of the other kind, in the same app, with the same sequence of data operations. */
function twinOf(context: RuleContext, transport: Transport, signature: string): Transport | null {
  const { app, behaviour, index } = context;
  if (!app) return null;
  const others =
    transport.kind === 'action'
      ? index.routesOfApp(app).map((r) => ({ kind: 'route' as const, name: r.method, shown: describeRoute(r), span: r.span, file: r.file, fn: r.fn, fnFile: r.fnFile }))
      : index.actionsOfApp(app).map((a) => ({ kind: 'action' as const, name: a.name, shown: `\`${a.name}\``, span: a.span, file: a.file, fn: a.fn, fnFile: a.file }));
  return (
    others.find((other) => {
      const facts = index.facts(other.fnFile);
      return other.fn !== null && facts !== undefined && signatureOf(behaviour.dataOperations(facts, other.fn)) === signature;
    }) ?? null
  );
}
