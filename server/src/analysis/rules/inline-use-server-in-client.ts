import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'inline-use-server-in-client',
    defaultSeverity: 'error',
    title: "An inline 'use server' function sits in a 'use client' module",
    why: "Inline Server Actions can only be defined in Server Components. In a 'use client' module Next.js fails the build, because the function would have to ship to the browser.",
    fix: "Move the function to a module that starts with 'use server' and import it into the client component.",
    bad: "'use client'\n\nexport function NewTask() {\n  async function create(formData: FormData) {\n    'use server'\n    await db.task.create({ data: { title: String(formData.get('title')) } })\n  }\n  return <form action={create}>…</form>\n}",
    good: "'use client'\n\nimport { createTask } from './actions'\n\nexport function NewTask() {\n  return <form action={createTask}>…</form>\n}",
  },
  check(context) {
    if (context.file.directive !== 'use client') return;
    for (const fn of context.file.functions) {
      if (!fn.inlineUseServer) continue;
      context.report(
        fn.nameSpan,
        `"${fn.name}" declares 'use server' inside a 'use client' module. Next.js cannot create a Server Action there. Move it to a file that starts with 'use server' and import it here.`,
      );
    }
  },
};
