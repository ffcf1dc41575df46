import { namesFedBy } from '../data-flow';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'action-unvalidated-input',
    defaultSeverity: 'info',
    title: 'Form data or arguments reach a write unvalidated',
    why: "TypeScript types and `as string` casts vanish at runtime: any client can post any value to an action, typed parameter or not. Unvalidated input reaching a write stores whatever was sent, or crashes on it.",
    fix: 'Parse the input with a schema (zod, valibot, yup) before the write and return the errors, or use an action client that validates (`next-safe-action`, `zsa`).',
    bad: "const title = formData.get('title') as string\nawait db.task.create({ data: { title } })",
    good: "const parsed = TaskInput.safeParse({ title: formData.get('title') })\nif (!parsed.success) return { error: parsed.error.flatten() }\nawait tasks.create(parsed.data)",
  },
  check(context) {
    const { behaviour, file } = context;
    for (const action of context.actions) {
      const fn = action.fn;
      if (!fn || behaviour.validates(file, fn) || behaviour.wrapperValidates(action.file, action.wrapper) || behaviour.webhookSignal(fn)) continue;
      const read = fn.formDataReads[0];
      const formDataAt = fn.params.findIndex((p) => p.type === 'form-data');
      // Types vanish at runtime: a typed argument is as unchecked as an untyped one.
      const untyped = action.wrapper ? undefined : fn.params.find((p, i) => p.type !== 'form-data' && !(formDataAt > i) && !/^_?(prev|previous)?state$/i.test(p.name));
      const input = read ? fn.params.filter((p) => p.type === 'form-data') : untyped ? [untyped] : [];
      // Only a write the input flows into: an argument used elsewhere (a redirect path, a log) is not stored.
      const write = input.length > 0 ? behaviour.dataWrites(file, fn, namesFedBy(fn, input.flatMap((p) => p.names)))[0] : undefined;
      if (!write) continue;
      if (read) {
        const shown = read.cast ? `formData.get(…) as ${read.cast}` : 'formData.get(…)';
        context.report(read.span, `"${shown}" reaches a write in "${action.name}" without validation. It flows into "${write.label}", and casts check nothing at runtime: any client can post any value. Parse the form data with a schema before writing.`, [
          { file: action.file, span: write.span, message: 'The write' },
        ]);
      } else if (untyped) {
        context.report(untyped.span, `"${untyped.name}" reaches a write in "${action.name}" without validation. It flows into "${write.label}", and its TypeScript type is gone at runtime: any client can call the action with any value. Parse it with a schema before writing.`, [
          { file: action.file, span: write.span, message: 'The write' },
        ]);
      }
    }
  },
};
