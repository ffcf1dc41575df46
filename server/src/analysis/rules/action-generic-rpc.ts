import type { FunctionFact, ParamFact } from '../facts/file-facts';
import type { Rule } from './rule';

const ARBITRARY = new Set(['any', 'unknown', 'object', 'record']);

export const rule: Rule = {
  meta: {
    id: 'action-generic-rpc',
    defaultSeverity: 'warning',
    title: 'A Server Action is used as a generic RPC layer',
    why: 'An action that takes any shape, or dispatches on a name string, has no typed contract, validates nothing per operation, and hides many endpoints behind one: a worse tRPC with none of its tooling.',
    fix: 'Give each operation its own action with typed, validated input; for a real API, use Route Handlers (or tRPC) with a service layer behind them.',
    bad: "'use server'\n\nexport async function rpc(input: { type: string; payload: any }) {\n  switch (input.type) {\n    case 'archive': return archiveProject(input.payload)\n    case 'rename': return renameProject(input.payload)\n  }\n}",
    good: "'use server'\n\nexport async function archiveProject(projectId: string) { /* … */ }\nexport async function renameProject(projectId: string, name: string) { /* … */ }",
  },
  check(context) {
    for (const action of context.actions) {
      const fn = action.fn;
      if (!fn) continue;
      const loose = arbitraryParams(fn)[0];
      if (fn.dispatch) {
        context.report(action.span, `"${action.name}" dispatches on a name string taken from its input. One action standing for many operations has no typed contract and validates nothing per operation. Export one typed action per operation, or use Route Handlers for an API.`, [
          { file: action.file, span: fn.dispatch, message: 'The dispatch on a name string' },
        ]);
      } else if (loose) {
        context.report(action.span, `"${action.name}" accepts any shape ("${loose.name}: ${loose.type === 'record' ? 'Record<…>' : loose.type}"). An action with an untyped payload is a generic RPC endpoint with no contract. Type the input precisely and validate it, one action per operation.`, [
          { file: action.file, span: loose.span, message: 'The untyped parameter' },
        ]);
      }
    }
  },
};

/** Parameters typed to accept anything; `prevState` of a `useActionState` action is exempt. */
function arbitraryParams(fn: FunctionFact): ParamFact[] {
  const formDataAt = fn.params.findIndex((p) => p.type === 'form-data');
  return fn.params.filter((p, i) => ARBITRARY.has(p.type) && !(formDataAt > i) && !/^(prev|previous)?state$/i.test(p.name));
}
