import type { Rule } from './rule';
import { authenticatedBefore, callerIdentity, isPublicByPurpose } from './shared';

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
      const fn = action.fn;
      if (!fn) continue;
      const write = context.behaviour.dataWrites(context.file, fn)[0];
      if (!write || authenticatedBefore(context, action.file, fn, action.wrapper, write.span.start)) continue;
      // A webhook's caller is authenticated by its signature (action-as-webhook says where it belongs).
      if (context.behaviour.webhookSignal(fn)) continue;
      const identity = callerIdentity(fn);
      if (!identity && isPublicByPurpose(action.name, fn)) continue;
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
