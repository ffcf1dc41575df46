import type { UsageRef } from '../project/project-index';
import type { Rule, RuleContext } from './rule';
import { isPublicByPurpose } from './shared';

const CLIENT_REFRESH = new Set(['refresh', 'mutate']);

export const rule: Rule = {
  meta: {
    id: 'action-missing-revalidation',
    defaultSeverity: 'hint',
    title: 'A mutating Server Action revalidates nothing',
    why: 'After an action writes, pages and fetches that show the data keep serving the cached render until something revalidates them; the user sees their change only after a reload.',
    accuracy: "On the labelled public apps of `eval/`, no mutating action that skipped revalidation was judged a real problem: their callers applied the returned state themselves (local state, SWR `mutate`, a full navigation to a payment page), or the pages showing the data render per request. Whether a page caches what an action writes is not visible in the syntax, so the rule is a hint by default.",
    fix: 'Call `revalidatePath(…)` or `revalidateTag(…)` (or `updateTag`, `refresh`) after the write, or `redirect()` to a page that reads fresh data.',
    bad: "export async function renameProject(id: string, name: string) {\n  await projects.rename(id, name)\n}",
    good: "export async function renameProject(id: string, name: string) {\n  await projects.rename(id, name)\n  revalidatePath(`/projects/${id}`)\n}",
  },
  check(context) {
    const { behaviour, file } = context;
    for (const action of context.actions) {
      const fn = action.fn;
      if (!fn) continue;
      // This app's stored data only: sends, external calls and cookie changes leave no cached page stale.
      const write = behaviour.dataWrites(file, fn)[0];
      if (!write || behaviour.revalidations(file, fn).length > 0 || behaviour.webhookSignal(fn) || isPublicByPurpose(action.name, fn)) continue;
      // The caller gets the new state back (the record, a URL to go to) and applies it.
      if (fn.returns.some((r) => r.kind === 'value')) continue;
      const callers = context.index.usagesOf(action.key);
      // Called only by server code (a webhook route, a page): it is a plain function there, and revalidating is the caller's concern.
      if (callers.length > 0 && !callers.some((ref) => context.index.runsInBrowser(ref.file))) continue;
      if (callersRefresh(context, callers)) continue;
      context.report(
        action.span,
        `"${action.name}" changes data ("${write.label}") but revalidates nothing. Pages showing the data keep their cached render until a reload. Call ${refreshes(context) ? 'revalidatePath(…), revalidateTag(…) or refresh()' : 'revalidatePath(…) or revalidateTag(…)'} after the write, or redirect().`,
        [{ file: action.file, span: write.span, message: 'The write' }],
      );
    }
  },
};

/** `refresh()` from `next/cache` exists from Next.js 16 on: no advice to call it below, or when the version is unknown. */
function refreshes(context: RuleContext): boolean {
  return (context.app?.versions.next?.major ?? 0) >= 16;
}

/** A caller refreshes after the call (`router.refresh()`, SWR's `mutate`), in the same component. */
function callersRefresh(context: RuleContext, callers: UsageRef[]): boolean {
  return callers.some((ref) => {
    const caller = context.index.facts(ref.file)?.functions.find((f) => f.name === ref.usage.container && f.span.start <= ref.usage.span.start && ref.usage.span.end <= f.span.end);
    return caller?.calls.some((c) => CLIENT_REFRESH.has(c.members[c.members.length - 1] ?? c.root ?? '')) ?? false;
  });
}
