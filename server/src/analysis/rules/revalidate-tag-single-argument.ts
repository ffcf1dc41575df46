import type { Rule } from './rule';

const REVALIDATE_TAG: ReadonlySet<string> = new Set(['revalidateTag']);

export const rule: Rule = {
  meta: {
    id: 'revalidate-tag-single-argument',
    defaultSeverity: 'info',
    title: "revalidateTag(tag) is called without a cache profile (deprecated in Next.js 16)",
    why: "Since Next.js 16 `revalidateTag` takes a cache life profile as its second argument. The one-argument form is deprecated: it expires the tag at once, so the next visitor waits for fresh data, Next.js warns about it at run time, and the types of later 16.x releases reject it.",
    fix: "Pass `'max'` (`revalidateTag(tag, 'max')`) to serve the stale entry while a fresh one is fetched in the background; in a Server Action where the user must see their own write at once, call `updateTag(tag)` instead.",
    bad: "'use server'\n\nimport { revalidateTag } from 'next/cache'\n\nexport async function publishPost(id: string) {\n  await posts.publish(id)\n  revalidateTag('posts')\n}",
    good: "'use server'\n\nimport { revalidateTag } from 'next/cache'\n\nexport async function publishPost(id: string) {\n  await posts.publish(id)\n  revalidateTag('posts', 'max')\n}",
    sources: [
      { title: 'revalidateTag — Next.js API reference', url: 'https://nextjs.org/docs/app/api-reference/functions/revalidateTag' },
      { title: 'revalidateTag single argument deprecated — Next.js error message', url: 'https://nextjs.org/docs/messages/revalidate-tag-single-arg' },
    ],
  },
  check(context) {
    const { behaviour, file, app } = context;
    // Before 16 the one-argument form is the only one; an unknown version says nothing.
    const major = app?.versions.next?.major;
    if (major === undefined || major === null || major < 16) return;
    for (const { call } of behaviour.importedCallsInFile(file, 'next/cache', REVALIDATE_TAG)) {
      if (call.argCount !== 1) continue;
      context.report(
        call.span,
        "revalidateTag() is called with a tag alone, which Next.js 16 deprecates. It expires the tag at once and logs a warning. Pass the 'max' profile to serve stale data while fresh data loads, or use updateTag(tag) in a Server Action that must show its own write.",
      );
    }
  },
};
