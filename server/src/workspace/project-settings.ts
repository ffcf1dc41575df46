import { mergeSettings, DEFAULT_SETTINGS, type AdvisorSettings } from '../analysis/settings';
import type { FileSystem } from '../analysis/types';
import { joinPath } from '../analysis/project/paths';
import { PROJECT_SETTINGS_FILE } from '../protocol';

/**
 * Settings for a workspace: defaults, then the project file `next-action-advisor.json` of each root,
 * then `overrides` (the editor's settings or the command line). Problems name the file and the field.
 */
export function loadSettings(fs: FileSystem, roots: string[], overrides: unknown = undefined): { settings: AdvisorSettings; problems: string[] } {
  const problems: string[] = [];
  let settings = DEFAULT_SETTINGS;
  for (const root of roots) {
    const path = joinPath(root, PROJECT_SETTINGS_FILE);
    const text = fs.readFile(path);
    if (text === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      problems.push(`${path} is not valid JSON (${(error as Error).message}); it was ignored`);
      continue;
    }
    const fileProblems: string[] = [];
    const { $schema: _schema, ...rest } = (parsed ?? {}) as Record<string, unknown>;
    settings = mergeSettings(settings, rest, fileProblems);
    problems.push(...fileProblems.map((p) => `${path}: ${p}`));
  }
  const overrideProblems: string[] = [];
  settings = mergeSettings(settings, overrides, overrideProblems);
  problems.push(...overrideProblems.map((p) => `settings: ${p}`));
  return { settings, problems };
}
