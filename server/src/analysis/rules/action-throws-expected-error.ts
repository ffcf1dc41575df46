import type { Rule } from './rule';
import { describeCaller, usagesIn } from './shared';

export const rule: Rule = {
  meta: {
    id: 'action-throws-expected-error',
    defaultSeverity: 'info',
    title: 'A form action throws for invalid input',
    why: "Invalid input is an expected outcome of a form. When the action throws, production builds replace the message with a generic one, the nearest error boundary takes over the page, and the user's input is lost.",
    fix: 'Return the error as a value (`return { error: "Title is required" }`) and show it with `useActionState`; keep `throw` for bugs.',
    bad: "export async function createTask(formData: FormData) {\n  const title = formData.get('title')\n  if (!title) throw new Error('Title is required')\n}",
    good: "export async function createTask(_state: State, formData: FormData) {\n  const title = formData.get('title')\n  if (!title) return { error: 'Title is required' }\n}",
  },
  check(context) {
    for (const action of context.actions) {
      const fn = action.fn;
      if (!fn) continue;
      const forms = usagesIn(context, action, ['form-action', 'action-state']);
      const thrown = fn.throws.find((t) => t.expected && (t.tryIndex < 0 || !context.file.tries[t.tryIndex]?.hasCatch));
      if (!thrown || forms.length === 0) continue;
      context.report(
        thrown.span,
        `The form action "${action.name}" throws for invalid input. It is used in ${describeCaller(context, forms[0]!)}, and in production the thrown message is replaced by a generic error and the form's input is lost. Return the error instead (return { error: … }) and show it with useActionState.`,
        [{ file: forms[0]!.file, span: forms[0]!.usage.span, message: 'The form using this action' }],
      );
    }
  },
};
