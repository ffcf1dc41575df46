import { isFileType } from '../facts/function-body';
import type { RelatedLocation } from '../types';
import { DEFAULT_BODY_SIZE_LIMIT } from '../project/next-config-reader';
import type { Rule } from './rule';
import { describeCaller, relatedUsages } from './shared';

export const rule: Rule = {
  meta: {
    id: 'action-large-upload',
    defaultSeverity: 'warning',
    title: 'A Server Action receives a file upload',
    why: "A Server Action's whole request body must fit in `serverActions.bodySizeLimit` (1 MB unless configured) and is buffered in memory; a larger upload fails with an error the user cannot act on.",
    fix: 'Upload through a Route Handler that streams the body, or straight to storage with a presigned URL; keep the action for the metadata.',
    bad: "export async function uploadAttachment(formData: FormData) {\n  const file = formData.get('file') as File\n  await storage.put(file.name, file)\n}",
    good: "// app/api/attachments/route.ts\nexport async function POST(request: Request) {\n  await storage.put(name, request.body!)\n  return Response.json({ ok: true }, { status: 201 })\n}",
  },
  check(context) {
    const limit = context.app?.bodySizeLimit ?? DEFAULT_BODY_SIZE_LIMIT;
    for (const action of context.actions) {
      const fn = action.fn;
      if (!fn) continue;
      const related: RelatedLocation[] = [];
      for (const read of fn.formDataReads) if (read.cast !== null && isFileType(read.cast)) related.push({ file: action.file, span: read.span, message: 'A file read from the form data' });
      for (const use of fn.fileUses) related.push({ file: action.file, span: use, message: 'A file taken by the action' });
      for (const param of fn.params) if (param.type === 'file') related.push({ file: action.file, span: param.span, message: 'A file parameter' });
      const forms = context.index.usagesOf(action.key).filter((ref) => ref.usage.formHasFileInput);
      related.push(...relatedUsages(forms, (ref) => `A form with <input type="file"> in ${describeCaller(context, ref)}`));
      if (related.length === 0) continue;
      context.report(
        action.span,
        `"${action.name}" receives a file through a Server Action. The action's whole body must fit in serverActions.bodySizeLimit (${limit} here) or the upload fails. Upload through a Route Handler that streams the body, or straight to storage with a presigned URL.`,
        dedupe(related),
      );
    }
  },
};

function dedupe(related: RelatedLocation[]): RelatedLocation[] {
  const seen = new Set<string>();
  return related.filter((r) => {
    const key = `${r.file}:${r.span.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
