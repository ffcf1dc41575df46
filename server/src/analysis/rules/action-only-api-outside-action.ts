import type { Rule } from './rule';
import { displayPath } from './shared';

/** What `next/cache` allows only while a Server Action runs: both throw anywhere else. */
const ACTION_ONLY_APIS: ReadonlySet<string> = new Set(['updateTag', 'refresh']);

export const rule: Rule = {
  meta: {
    id: 'action-only-api-outside-action',
    defaultSeverity: 'error',
    title: 'updateTag() or refresh() is called outside a Server Action',
    why: "`updateTag` and `refresh` from `next/cache` work only while a Server Action runs: they expire a tag for the user's own next read, or refresh the router of the client that called the action. A Route Handler has no such client, and both throw there at run time.",
    fix: "In a Route Handler, expire the tag with `revalidateTag(tag, 'max')`, and drop `refresh()` (the client that fetched the route refreshes itself with `router.refresh()`).",
    bad: "// app/api/posts/route.ts\nimport { updateTag } from 'next/cache'\n\nexport async function POST(request: Request) {\n  await createPost(await request.json())\n  updateTag('posts')\n  return new Response(null, { status: 201 })\n}",
    good: "// app/api/posts/route.ts\nimport { revalidateTag } from 'next/cache'\n\nexport async function POST(request: Request) {\n  await createPost(await request.json())\n  revalidateTag('posts', 'max')\n  return new Response(null, { status: 201 })\n}",
    sources: [
      { title: 'updateTag — Next.js API reference', url: 'https://nextjs.org/docs/app/api-reference/functions/updateTag' },
      { title: 'refresh — Next.js API reference', url: 'https://nextjs.org/docs/app/api-reference/functions/refresh' },
      { title: 'revalidateTag — Next.js API reference', url: 'https://nextjs.org/docs/app/api-reference/functions/revalidateTag' },
    ],
  },
  check(context) {
    const { behaviour, file } = context;
    // One handler may answer several methods (`export const PUT = PATCH`): each call is told once.
    const told = new Set<number>();
    for (const route of context.routes) {
      if (route.fnFile !== file.path || !route.fn) continue;
      for (const reached of behaviour.reachedCalls(file, route.fn, 'next/cache', ACTION_ONLY_APIS)) {
        if (told.has(reached.via.span.start)) continue;
        told.add(reached.via.span.start);
        const direct = reached.via === reached.call;
        const name = `${reached.imported}()`;
        const where = direct ? `The ${route.method} handler calls ${name}` : `The ${route.method} handler reaches ${name} through this call`;
        const remedy = reached.imported === 'updateTag' ? "Expire the tag with revalidateTag(tag, 'max') instead." : 'Drop it: the client that fetched the route refreshes itself (router.refresh()).';
        context.report(
          reached.via.span,
          `${where}, which throws outside a Server Action. ${name} works only while an action runs, for the client that called it. ${remedy}`,
          direct ? [] : [{ file: reached.file, span: reached.call.span, message: `${name} in ${displayPath(context, reached.file)}` }],
        );
      }
    }
  },
};
