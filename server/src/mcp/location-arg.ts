import { codeOffsetAt } from '../cli/app-at';
import { locationOf } from '../cli/commands/location';
import { sourceFile, type ToolContext } from './tool-context';

/** `file:line`, as `decide` and `refactor` take it: the file in the index and the offset of the line's first code. */
export function locationArg(context: ToolContext, location: string): { file: string; line: number; offset: number } {
  const at = locationOf(location);
  if (!at) throw new Error(`A location is <file>:<line>, with a 1-based line: not ${location}`);
  const file = sourceFile(context, at.file);
  const facts = context.session.analyzer.index.facts(file)!;
  const offset = codeOffsetAt(context.session.fs.readFile(file) ?? '', facts.lineStarts, at.line);
  if (offset === null) throw new Error(`${at.file} has no line ${at.line}: it has ${facts.lineStarts.length}.`);
  return { file, line: at.line, offset };
}
