import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'redirect-in-try',
    defaultSeverity: 'error',
    title: '`redirect()` or `notFound()` inside a `try` whose `catch` swallows it',
    why: '`redirect`, `permanentRedirect`, `notFound`, `forbidden` and `unauthorized` work by throwing a special error. A `catch` that does not rethrow it turns the navigation into a handled error: the user stays on the page.',
    fix: 'Call it after the `try`/`catch`, or start the `catch` with `unstable_rethrow(error)` (from `next/navigation`).',
    bad: "try {\n  await createProject(input)\n  redirect('/projects')\n} catch (error) {\n  return { error: 'Could not create the project' }\n}",
    good: "try {\n  await createProject(input)\n} catch (error) {\n  return { error: 'Could not create the project' }\n}\nredirect('/projects')",
  },
  check(context) {
    const { file, behaviour } = context;
    for (const fn of file.functions) {
      for (const call of behaviour.navigationCalls(file, fn)) {
        const block = file.tries[call.tryIndex];
        if (!block || !block.hasCatch || block.rethrowsNavigation) continue;
        const name = context.index.importOf(file, call.root!)?.imported ?? call.root;
        context.report(
          call.span,
          `${name}() is inside a try whose catch swallows it. It navigates by throwing, so the catch turns the navigation into a handled error. Call it after the try/catch, or call unstable_rethrow(error) first in the catch.`,
          [{ file: file.path, span: block.span, message: 'The try block whose catch does not rethrow' }],
        );
      }
    }
  },
};
