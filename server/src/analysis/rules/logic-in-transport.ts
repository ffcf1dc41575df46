import { calleeLabels, type DataOperation, type Effect } from '../behaviour';
import type { ActionDef, RouteDef } from '../project/project-index';
import type { Span } from '../types';
import type { FunctionFact } from '../facts/file-facts';
import type { Rule, RuleContext } from './rule';
import { describeRoute, displayPath, listLabels } from './shared';

/** The fewest data operations a multi-step process has. */
const PROCESS_STEPS = 3;
/** Statements in a handler past which the rules between its steps are a process of their own. */
const LONG_TRANSPORT = 50;
/** Lookups of who may act (team membership, the user) are access checks, not steps of the process. */
const ACCESS_MODEL = /^(user_?)?teams?$|^(team_?)?members?(hips?)?$|^users?$|^userTeam$/i;

interface Transport {
  kind: 'action' | 'route';
  /** How a message names it: `"createTask"`, `This POST handler`. */
  shown: string;
  span: Span;
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
    const others = new OtherTransports(context);
    for (const transport of [...context.actions.map(actionTransport), ...context.routes.map(routeTransport)]) {
      const facts = index.facts(transport.fnFile);
      const fn = transport.fn;
      if (!fn || !facts) continue;
      const operations = behaviour.dataOperations(facts, fn);
      if (operations.length === 0) continue;
      const twin = operations.some((o) => o.write) && operations.length >= 2 ? others.twinOf(transport, operations) : null;
      if (twin) {
        context.report(
          transport.span,
          `${transport.shown} repeats the data-layer logic of ${twin.kind === 'route' ? 'a Route Handler' : 'a Server Action'}. ${twin.shown.replace(/^This/, 'The')} in ${displayPath(context, twin.file)} runs the same steps (${listLabels(operations.map((o) => o.label))}): two transports, one logic, written twice, so a fix to one misses the other. Move it into a service that both call.`,
          [{ file: twin.file, span: twin.span, message: `The same logic in ${twin.kind === 'route' ? 'a Route Handler' : 'a Server Action'}` }],
        );
        continue;
      }
      // A pages/api handler holds one branch per method: each is judged on its own.
      const process = branchesOf(behaviour.dataOperationsWithLocalHelpers(facts, fn)).find(({ method, operations: steps }) => isProcess(steps, method === null ? fn.statementCount : fn.branchStatements?.[method] ?? 0));
      if (!process) continue;
      const models = new Set(process.operations.filter((o) => o.model !== null && (o.write || !ACCESS_MODEL.test(o.model))).map((o) => o.model!));
      context.report(
        transport.span,
        `${transport.shown} runs a business process itself. Its ${process.operations.length} data-layer steps over ${listLabels([...models])} need the Next.js runtime to test and must be rewritten to move between an action and a route. Move them into a service (lib/<domain>/service.ts) and keep this a thin adapter.`,
        process.operations.map((o) => ({ file: transport.fnFile, span: o.span, message: o.write ? 'A write' : 'A read' })),
      );
    }
  },
};

function actionTransport(a: ActionDef): Transport {
  return { kind: 'action', shown: `"${a.name}"`, span: a.span, file: a.file, fn: a.fn, fnFile: a.file };
}

function routeTransport(r: RouteDef): Transport {
  return { kind: 'route', shown: describeRoute(r), span: r.span, file: r.file, fn: r.fn, fnFile: r.fnFile };
}

/**
 * Several steps that write more than one model; or a longer run that writes and touches three models
 * beyond the access checks; or steps over two models with many rules between them (`statements`: those
 * of the handler, or of its method branch).
 */
function isProcess(operations: DataOperation[], statements: number): boolean {
  const written = new Set(operations.filter((o) => o.write && o.model !== null).map((o) => o.model));
  if (operations.length >= PROCESS_STEPS && written.size >= 2) return true;
  const steps = operations.filter((o) => o.model === null || !ACCESS_MODEL.test(o.model));
  const touched = new Set(steps.map((o) => o.model).filter((m) => m !== null));
  if (written.size >= 1 && steps.length >= PROCESS_STEPS + 1 && touched.size >= 3) return true;
  return statements >= LONG_TRANSPORT && steps.length >= PROCESS_STEPS && touched.size >= 2;
}

/** Operations by the method branch they sit in; those outside any branch belong to every branch. */
function branchesOf(operations: DataOperation[]): { method: string | null; operations: DataOperation[] }[] {
  const methods = [...new Set(operations.map((o) => o.httpMethod).filter((m) => m !== null))];
  if (methods.length === 0) return [{ method: null, operations }];
  return methods.map((method) => ({ method, operations: operations.filter((o) => o.httpMethod === null || o.httpMethod === method) }));
}

function signatureOf(operations: Effect[]): string {
  return operations.map((o) => o.label).join('\n');
}

/** The app's transports of each kind, with the callees they name, gathered once per check. */
class OtherTransports {
  private readonly byKind = new Map<Transport['kind'], { transport: Transport; callees: ReadonlySet<string> }[]>();

  constructor(private readonly context: RuleContext) {}

  /** A transport of the other kind, in the same app, with the same sequence of data operations. */
  twinOf(transport: Transport, operations: DataOperation[]): Transport | null {
    const { behaviour, index } = this.context;
    const signature = signatureOf(operations);
    const first = operations[0]!.label;
    // A cheap look at the callees first: only a function making the same first call can be a twin.
    const twin = this.of(transport.kind === 'action' ? 'route' : 'action').find(({ transport: other, callees }) => {
      const facts = index.facts(other.fnFile);
      return callees.has(first) && other.fn !== null && facts !== undefined && signatureOf(behaviour.dataOperations(facts, other.fn)) === signature;
    });
    return twin?.transport ?? null;
  }

  private of(kind: Transport['kind']): { transport: Transport; callees: ReadonlySet<string> }[] {
    let list = this.byKind.get(kind);
    if (!list) {
      const { app, index } = this.context;
      const transports = !app ? [] : kind === 'route' ? index.routesOfApp(app).map(routeTransport) : index.actionsOfApp(app).map(actionTransport);
      list = transports.map((transport) => ({ transport, callees: transport.fn ? calleeLabels(transport.fn) : new Set<string>() }));
      this.byKind.set(kind, list);
    }
    return list;
  }
}
