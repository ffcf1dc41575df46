import { Analyzer } from '../analysis/analyzer';
import { describeAt } from '../analysis/describe';
import { isSourceFile } from '../analysis/facts/parse';
import { NEXT_CONFIG_NAMES } from '../analysis/project/next-config-reader';
import { baseName } from '../analysis/project/paths';
import type { AdvisorSettings } from '../analysis/settings';
import type { Finding } from '../analysis/types';
import { PROJECT_SETTINGS_FILE } from '../protocol';
import { OverlayFileSystem } from './documents';
import { NodeFileSystem } from './node-file-system';
import { loadSettings } from './project-settings';

const CONFIG_FILES = new Set([...NEXT_CONFIG_NAMES, 'tsconfig.json', 'jsconfig.json', 'package.json']);

/** What the user is told, once each: problems reading configuration, files skipped. */
export type Notice = (message: string) => void;

/**
 * The server's view of a workspace: the analyzer over the disk with open documents laid on top.
 * Each change answers the paths whose findings may have changed, for the diagnostics to refresh.
 */
export class Session {
  readonly fs = new OverlayFileSystem(new NodeFileSystem());
  readonly analyzer = new Analyzer(this.fs);
  private roots: string[] = [];
  private editorSettings: unknown = undefined;
  private readonly told = new Set<string>();

  constructor(private readonly notice: Notice) {}

  load(roots: string[], editorSettings: unknown): number {
    this.roots = roots;
    this.editorSettings = editorSettings;
    this.applySettings();
    const result = this.analyzer.loadWorkspace(roots);
    result.problems.forEach((p) => this.tell(p));
    this.reportSkipped(this.analyzer.index.paths());
    return result.files;
  }

  /** New editor settings: the findings of every file may change. */
  updateSettings(editorSettings: unknown): void {
    const before = this.analyzer.currentSettings.maxFileSize;
    this.editorSettings = editorSettings;
    this.applySettings();
    if (this.analyzer.currentSettings.maxFileSize !== before) this.load(this.roots, editorSettings);
  }

  get settings(): AdvisorSettings {
    return this.analyzer.currentSettings;
  }

  /** An open document's new text. */
  change(path: string, text: string): string[] {
    this.fs.setOpen(path, text);
    if (!isSourceFile(path)) return [];
    this.analyzer.updateFile(path, text);
    this.reportSkipped([path]);
    return [path, ...this.analyzer.index.dependentsOf(path)];
  }

  /** A document closed: the disk is the truth again. */
  close(path: string): string[] {
    this.fs.close(path);
    return this.diskChanged(path, 'changed');
  }

  /** A file changed on disk (saved elsewhere, created, deleted by git…). */
  diskChanged(path: string, kind: 'created' | 'changed' | 'deleted'): string[] {
    const name = baseName(path);
    if (name === PROJECT_SETTINGS_FILE) {
      this.applySettings();
      return this.analyzer.index.paths();
    }
    if (CONFIG_FILES.has(name)) {
      this.analyzer.reloadApps().forEach((p) => this.tell(p));
      return this.analyzer.index.paths();
    }
    if (!isSourceFile(path) || this.fs.isOpen(path)) return [];
    const before = this.analyzer.index.dependentsOf(path);
    const text = kind === 'deleted' ? undefined : this.fs.readFile(path);
    if (text === undefined) this.analyzer.removeFile(path);
    else this.analyzer.updateFile(path, text);
    return [...new Set([path, ...before, ...this.analyzer.index.dependentsOf(path)])];
  }

  findings(path: string): Finding[] {
    return this.analyzer.findings(path);
  }

  lineStarts(path: string): readonly number[] | undefined {
    return this.analyzer.index.facts(path)?.lineStarts;
  }

  prologueEndLine(path: string): number {
    return this.analyzer.index.facts(path)?.prologueEndLine ?? 0;
  }

  describe(path: string, offset: number): string | null {
    return describeAt(this.analyzer.index, path, offset);
  }

  private applySettings(): void {
    const { settings, problems } = loadSettings(this.fs, this.roots, this.editorSettings);
    this.analyzer.configure(settings);
    problems.forEach((p) => this.tell(p));
  }

  private reportSkipped(paths: string[]): void {
    const limit = this.analyzer.currentSettings.maxFileSize;
    for (const path of paths) {
      const skipped = this.analyzer.index.facts(path)?.skipped;
      if (skipped === 'too-large') this.tell(`${path} is larger than ${limit} bytes and is not analysed (setting nextActionAdvisor.maxFileSize).`);
      if (skipped === 'binary') this.tell(`${path} holds binary data and is not analysed.`);
    }
  }

  private tell(message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.notice(message);
  }
}
