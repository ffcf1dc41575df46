import { z } from 'zod';
import { applyEdits, type FileChange } from '../analysis/fixes/file-change';
import { REFACTOR_KINDS, type RefactorContext, type RefactorKind, type RefactorOutcome } from '../analysis/fixes/refactor';
import { ruleFixOffers } from '../analysis/fixes/rule-fix-offers';
import { positionOf } from '../analysis/positions';
import { unifiedDiff } from '../cli/unified-diff';
import { loadFixes } from '../workspace/fixes-loader';
import { writeChanges } from '../workspace/write-changes';
import { locationArg } from './location-arg';
import { shownPath, type ToolContext } from './tool-context';

export const refactorInput = {
  kind: z.string().describe(`A refactor (${REFACTOR_KINDS.join(', ')}) of the Server Action or Route Handler at the location, or the id of a fix that check listed for a finding on that line ("<rule id>/<remedy>").`),
  location: z.string().describe('<file>:<line>, relative to the workspace: a line of the function, or the line of the finding for a fix.'),
  apply: z.boolean().optional().describe('Write the change to disk. Only a server started with --allow-write writes, and then by default; otherwise the change is previewed as a diff.'),
};

export const refactorOutput = {
  title: z.string(),
  applied: z.boolean().describe('Whether the files were written'),
  files: z.array(z.object({ file: z.string(), change: z.enum(['create', 'edit', 'delete']) })),
  diff: z.string().describe('The change as a unified diff, paths relative to the workspace'),
};

type RefactorResult = z.infer<z.ZodObject<typeof refactorOutput>>;

/**
 * A refactor or a fix, built as `refactor` and `check --fix` build it: previewed as a diff, or written
 * through the same all-or-nothing writer when the server may write.
 */
export function refactorTool(context: ToolContext, input: { kind: string; location: string; apply?: boolean | undefined }): RefactorResult {
  const apply = input.apply ?? context.allowWrite;
  if (apply && !context.allowWrite) throw new Error('This server was started without --allow-write: it previews changes only. Apply the diff, or restart it with next-action-advisor mcp --allow-write.');
  const at = locationArg(context, input.location);
  const { session } = context;
  const app = session.analyzer.index.appOf(at.file);
  if (!app) throw new Error(`${input.location} is not in a Next.js app.`);
  const refactorContext: RefactorContext = { fs: session.fs, app, index: session.analyzer.index, settings: session.settings };
  const outcome = REFACTOR_KINDS.includes(input.kind as RefactorKind)
    ? loadFixes().buildRefactor({ kind: input.kind as RefactorKind, file: at.file, offset: at.offset }, refactorContext)
    : ruleFix(context, refactorContext, input.kind, at);
  if (!outcome.ok) throw new Error(outcome.reason);
  const diff = outcome.changes.map((change) => diffOf(context, change)).join('');
  if (apply) writeChanges(outcome.changes);
  return { title: outcome.title, applied: apply, files: outcome.changes.map((c) => ({ file: shownPath(context, c.path), change: c.kind })), diff };
}

/** The fix `fix` of the finding of its rule that starts on the location's line. */
function ruleFix(context: ToolContext, refactorContext: RefactorContext, fix: string, at: { file: string; line: number }): RefactorOutcome {
  if (!fix.includes('/')) throw new Error(`${fix} is neither a refactor (${REFACTOR_KINDS.join(', ')}) nor a fix id of the form <rule id>/<remedy>, as check lists them.`);
  const ruleId = fix.slice(0, fix.indexOf('/'));
  const lineStarts = context.session.analyzer.index.lineStarts(at.file) ?? [0];
  const findings = context.session.findings(at.file).filter((f) => f.ruleId === ruleId && positionOf(lineStarts, f.span.start).line + 1 === at.line);
  if (findings.length === 0) throw new Error(`There is no ${ruleId} finding on line ${at.line} of ${shownPath(context, at.file)}: run check for the findings and their fixes.`);
  const offers = findings.map((finding) => ({ finding, offer: ruleFixOffers(finding, refactorContext).find((o) => o.fix === fix) }));
  const found = offers.find((o) => o.offer && !o.offer.disabled) ?? offers.find((o) => o.offer);
  if (!found?.offer) throw new Error(`The ${ruleId} finding on line ${at.line} is not offered the fix ${fix}.`);
  if (found.offer.disabled) throw new Error(found.offer.disabled);
  return loadFixes().buildRuleFix({ fix, finding: found.finding }, refactorContext);
}

function diffOf(context: ToolContext, change: FileChange): string {
  const before = change.kind === 'create' ? null : (context.session.fs.readFile(change.path) ?? '');
  const after = change.kind === 'create' ? change.text : change.kind === 'edit' ? applyEdits(before ?? '', change.edits) : null;
  return unifiedDiff(shownPath(context, change.path), before, after);
}
