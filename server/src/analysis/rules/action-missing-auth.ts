import type { Rule } from './rule';
import { guardingProxy, unguardedActionWrite } from '../unguarded-writes';

export const rule: Rule = {
  meta: {
    id: 'action-missing-auth',
    defaultSeverity: 'warning',
    title: 'A Server Action writes data without checking the session',
    why: 'Every Server Action is a public POST endpoint: anyone can call it with any arguments, whether or not your UI shows the button. A write with no session check is a write anyone can make.',
    fix: 'Check the user before the write (`const session = await auth()`; return or throw when there is none) and that they may touch this record, or wrap the action in an authenticating client.',
    bad: "'use server'\n\nexport async function deleteProject(id: string) {\n  await db.project.delete({ where: { id } })\n}",
    good: "'use server'\n\nexport async function deleteProject(id: string) {\n  const session = await auth()\n  if (!session) return { error: 'Sign in first' }\n  await projects.remove(session.user.id, id)\n}",
  },
  check(context) {
    for (const action of context.actions) {
      const unguarded = unguardedActionWrite(context, action);
      // Behind a proxy that checks the session, auth-only-in-proxy tells it.
      if (!unguarded || guardingProxy(context, action)) continue;
      const { write, identity } = unguarded;
      const risk = identity
        ? `It takes "${identity}" from its caller: anyone can call this public POST endpoint and write as any user.`
        : 'Every Server Action is a public POST endpoint anyone can call.';
      context.report(
        action.span,
        `"${action.name}" writes data ("${write.label}") without checking the session first. ${risk} Check the user (await auth()) and their access to the record before the write.`,
        [{ file: action.file, span: write.span, message: 'The unguarded write' }],
      );
    }
  },
};
