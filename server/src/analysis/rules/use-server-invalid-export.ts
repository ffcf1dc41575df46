import type { ValueFact } from '../facts/file-facts';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'use-server-invalid-export',
    defaultSeverity: 'error',
    title: "A 'use server' module exports something other than an async function",
    why: "Next.js turns every export of a 'use server' module into a Server Action, and a Server Action must be an async function; anything else fails the build or throws at runtime.",
    fix: "Make the function `async`, or move constants, classes and helpers to a module without 'use server' and import them.",
    bad: "'use server'\n\nexport const MAX_TITLE = 120\n\nexport function slugify(title: string) {\n  return title.toLowerCase()\n}",
    good: "'use server'\n\nimport { MAX_TITLE, slugify } from '@/lib/projects/format'\n\nexport async function renameProject(id: string, title: string) {\n  // …\n}",
  },
  check(context) {
    const { file } = context;
    if (file.directive !== 'use server') return;
    for (const exported of file.exports) {
      if (exported.typeOnly) continue;
      const value = followLocal(exported.value, file.declarations);
      const name = `"${exported.name}"`;
      if (value.kind === 'function') {
        const fn = file.functions[value.fn];
        if (fn && !fn.async) context.report(exported.span, `${name} is exported from a 'use server' module but is not async. Every export there becomes a Server Action, which must be an async function. Make it async, or move ${name} to a module without 'use server'.`);
      } else if (value.kind === 'class' || value.kind === 'other' || value.kind === 'destructured') {
        context.report(exported.span, `${name} is exported from a 'use server' module but is not a function. Only async functions may be exported there. Move it to another module (for example lib/…) and import it from there.`);
      }
    }
  },
};

/** Follows `export { a as b }` and `const b = a` within the file. */
function followLocal(value: ValueFact, declarations: Record<string, ValueFact>): ValueFact {
  let current = value;
  for (let hops = 0; current.kind === 'alias' && hops < 12; hops++) {
    const next = declarations[current.local];
    if (!next) return current;
    current = next;
  }
  return current;
}
