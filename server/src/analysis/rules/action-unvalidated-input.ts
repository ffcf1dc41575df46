import type { Rule } from './rule';

const UNTYPED = new Set(['none', 'any', 'unknown', 'object', 'record']);

export const rule: Rule = {
  meta: {
    id: 'action-unvalidated-input',
    defaultSeverity: 'info',
    title: 'Form data or untyped arguments reach a write unvalidated',
    why: "TypeScript types and `as string` casts vanish at runtime: any client can post any value to an action. Unvalidated input reaching a write stores whatever was sent, or crashes on it.",
    fix: 'Parse the input with a schema (zod, valibot, yup) before the write and return the errors, or use an action client that validates (`next-safe-action`, `zsa`).',
    bad: "const title = formData.get('title') as string\nawait db.task.create({ data: { title } })",
    good: "const parsed = TaskInput.safeParse({ title: formData.get('title') })\nif (!parsed.success) return { error: parsed.error.flatten() }\nawait tasks.create(parsed.data)",
  },
  check(context) {
    const { behaviour, file } = context;
    for (const action of context.actions) {
      const fn = action.fn;
      if (!fn) continue;
      const write = behaviour.writes(file, fn)[0];
      if (!write || behaviour.validationCalls(file, fn).length > 0 || behaviour.wrapperValidates(action.file, action.wrapper)) continue;
      const read = fn.formDataReads[0];
      const formDataAt = fn.params.findIndex((p) => p.type === 'form-data');
      const untyped = action.wrapper ? undefined : fn.params.find((p, i) => UNTYPED.has(p.type) && !(formDataAt > i));
      if (read) {
        const shown = read.cast ? `formData.get(…) as ${read.cast}` : 'formData.get(…)';
        context.report(read.span, `\`${shown}\` reaches a write (\`${write.label}\`) in \`${action.name}\` without validation: casts check nothing at runtime and any client can post any value. Parse the form data with a schema before writing.`, [
          { file: action.file, span: write.span, message: 'The write' },
        ]);
      } else if (untyped) {
        context.report(untyped.span, `\`${untyped.name}\` is untyped and reaches a write (\`${write.label}\`) in \`${action.name}\` without validation: any client can call the action with any value. Type the parameter and parse it with a schema before writing.`, [
          { file: action.file, span: write.span, message: 'The write' },
        ]);
      }
    }
  },
};
