import type { CodeLensSetting, ProblemsSetting } from '../protocol';

/** Settings that shape what the editor shows, not what the analysis finds (the project file has none of them). */
export interface EditorSettings {
  codeLens: CodeLensSetting;
  /** Whose findings the Problems view lists: the open files', or every file's. */
  problems: ProblemsSetting;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { codeLens: 'all', problems: 'workspace' };

const CODE_LENS: readonly CodeLensSetting[] = ['all', 'counts', 'off'];
export const PROBLEMS: readonly ProblemsSetting[] = ['openFiles', 'workspace'];

/** The editor's `nextActionAdvisor` section, field by field; a wrong value keeps the default. */
export function editorSettingsFrom(section: unknown): EditorSettings {
  const raw = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
  return {
    codeLens: CODE_LENS.includes(raw.codeLens as CodeLensSetting) ? (raw.codeLens as CodeLensSetting) : DEFAULT_EDITOR_SETTINGS.codeLens,
    problems: PROBLEMS.includes(raw.problems as ProblemsSetting) ? (raw.problems as ProblemsSetting) : DEFAULT_EDITOR_SETTINGS.problems,
  };
}
