import { decide, type Decision } from '../analysis/decide/decide';
import { DEFAULT_SETTINGS } from '../analysis/settings';
import type { FileSystem } from '../analysis/types';
import { Analyzer } from '../analysis/analyzer';
import type { DecideOptions } from './args';
import { appAt } from './app-at';

export type DecideResult = { ok: true; decision: Decision } | { ok: false; reason: string };

/** `decide [file:line] [--answers …]`: the decision for the function at that line, or for the answers alone. */
export async function decideAt(fs: FileSystem, options: DecideOptions): Promise<DecideResult> {
  if (!options.location) return { ok: true, decision: decide(new Analyzer(fs).index, DEFAULT_SETTINGS, { answers: options.answers }) };
  const loaded = await appAt(fs, options.location.file, options.location.line);
  if (!loaded.ok) return loaded;
  return { ok: true, decision: decide(loaded.analyzer.index, loaded.settings, { file: loaded.path, offset: loaded.offset, answers: options.answers }) };
}
