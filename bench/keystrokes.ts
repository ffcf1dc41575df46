// The keystrokes the benchmark times and the profiler records, in one place.
import type { TestClient } from '../test/support/lsp-client';

export interface Spot {
  line: number;
  character: number;
}

/**
 * A spot inside a function body: in the generated file a known statement (`real` false); in a real one
 * the first indented statement past the middle of the file.
 */
export function statementSpot(text: string, real: boolean): Spot | null {
  const lines = text.split('\n');
  const line = real ? lines.findIndex((l, i) => i >= lines.length / 2 && /^\s+(const|let|await|return|if)\b/.test(l)) : lines.findIndex((l, i) => i > 200 && l.includes('const description'));
  return line < 0 ? null : { line, character: lines[line]!.search(/\S/) };
}

/** The end of the first name on the statement's line (`const title` → after `title`): a letter typed there changes the code. */
export function nameSpot(text: string, at: Spot): Spot | null {
  const name = /^\s*(?:const|let|await|return|if)\s*\(?\s*[A-Za-z_$][\w$]*/.exec(text.split('\n')[at.line]!);
  return name ? { line: at.line, character: name[0].length } : null;
}

/** Types and deletes `typed` at `spot`, `times` edits in all, pulling the file's diagnostics after each: the latency of each. */
export async function typeAndDelete(client: TestClient, file: string, spot: Spot, typed: string, times: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = { line: spot.line, character: spot.character + typed.length };
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    if (i % 2 === 0) await client.edit(file, { start: spot, end: spot }, typed);
    else await client.edit(file, { start: spot, end }, '');
    await client.diagnostics(file);
    latencies.push(performance.now() - started);
  }
  return latencies;
}
