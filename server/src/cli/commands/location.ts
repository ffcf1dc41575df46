/** `<file>:<line>`, as refactor and decide take it; null for anything else. */
export function locationOf(arg: string | undefined): { file: string; line: number } | null {
  const match = /^(.+):(\d+)$/.exec(arg ?? '');
  return match ? { file: match[1]!, line: Number(match[2]) } : null;
}
