import { Analyzer } from '../analysis/analyzer';
import { isSourceFile } from '../analysis/facts/parse';
import { NEXT_CONFIG_NAMES } from '../analysis/project/next-config-reader';
import { baseName } from '../analysis/project/paths';
import { decide, type DecideRequest, type Decision } from '../analysis/decide/decide';
import type { AdvisorSettings } from '../analysis/settings';
import type { Finding } from '../analysis/types';
import { PROJECT_SETTINGS_FILE } from '../protocol';
import { OverlayFileSystem } from './documents';
import { NodeFileSystem } from './node-file-system';
import { DiskFactCache } from './fact-cache';
import { defaultWorkerCount } from './fact-workers';
import { loadSettings } from './project-settings';
import { loadWorkspace, type LoadStats } from './workspace-loader';

const CONFIG_FILES = new Set([...NEXT_CONFIG_NAMES, 'tsconfig.json', 'jsconfig.json', 'package.json']);

/** What the user is told, once each: problems reading configuration, files skipped. */
export type Notice = (message: string, kind: 'configuration' | 'skipped') => void;

/**
 * The server's view of a workspace: the analyzer over the disk with open documents laid on top.
 * Each change answers the paths whose findings may have changed, for the diagnostics to refresh.
 */
export class Session {
  readonly fs = new OverlayFileSystem(new NodeFileSystem());
  readonly analyzer = new Analyzer(this.fs);
  private roots: string[] = [];
  private editorSettings: unknown = undefined;
  private cacheFolder: string | undefined;
  private buildId = 'unknown';
  private readonly told = new Set<string>();
  private readonly pending = new Map<string, string>();
  private readonly listeners: ((paths: string[]) => void)[] = [];

  constructor(private readonly notice: Notice) {}

  /** Called with the paths whose facts or findings may have changed, after each edit or disk change. */
  onChange(listener: (paths: string[]) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Reads the workspace: `onDiscovered` runs once the apps and files are known (edits can be taken
   * from then on), the promise settles when every file's facts are in. Open documents keep their
   * editor text.
   */
  async load(roots: string[], editorSettings: unknown, options: { cacheFolder?: string; buildId?: string; onDiscovered?: () => void; onProgress?: (done: number, total: number) => void } = {}): Promise<LoadStats> {
    this.roots = roots;
    this.editorSettings = editorSettings;
    this.cacheFolder = options.cacheFolder;
    this.buildId = options.buildId ?? 'unknown';
    this.applySettings();
    const cache = this.cacheFolder ? new DiskFactCache(this.cacheFolder, this.buildId) : undefined;
    const stats = await loadWorkspace(this.analyzer, this.fs, roots, { cache, workers: defaultWorkerCount(), keep: (p) => !this.fs.isOpen(p), onDiscovered: options.onDiscovered, onProgress: options.onProgress });
    stats.problems.forEach((p) => this.tell(p));
    this.reportSkipped(this.analyzer.index.paths());
    return stats;
  }

  /** New editor settings: the findings of every file may change. */
  async updateSettings(editorSettings: unknown): Promise<void> {
    const before = this.analyzer.currentSettings.maxFileSize;
    this.editorSettings = editorSettings;
    this.applySettings();
    if (this.analyzer.currentSettings.maxFileSize !== before) await this.load(this.roots, editorSettings, { cacheFolder: this.cacheFolder, buildId: this.buildId });
  }

  get settings(): AdvisorSettings {
    return this.analyzer.currentSettings;
  }

  /** An open document's new text, analysed at the next `sync()`: a burst of keystrokes costs one parse. */
  setText(path: string, text: string): void {
    this.fs.setOpen(path, text);
    if (isSourceFile(path)) this.pending.set(path, text);
  }

  /**
   * Analyses the texts set since the last call. Answers the edited paths, and the other paths whose
   * findings may have changed through them (an edited file is a dependent too when another edit reaches it).
   */
  sync(): { edited: string[]; dependents: string[] } {
    if (this.pending.size === 0) return { edited: [], dependents: [] };
    const texts = [...this.pending];
    this.pending.clear();
    for (const [path, text] of texts) this.analyzer.updateOpenFile(path, text);
    const dependents = new Set<string>();
    for (const [path] of texts) for (const dependent of this.analyzer.index.dependentsOf(path)) dependents.add(dependent);
    this.reportSkipped(texts.map(([path]) => path));
    const edited = texts.map(([path]) => path);
    this.changed([...edited, ...dependents]);
    return { edited, dependents: [...dependents] };
  }

  /** A document closed: the disk is the truth again. */
  close(path: string): string[] {
    this.fs.close(path);
    this.pending.delete(path);
    this.analyzer.forgetTree(path);
    return this.diskChanged(path, 'changed');
  }

  /** A file changed on disk (saved elsewhere, created, deleted by git…). */
  diskChanged(path: string, kind: 'created' | 'changed' | 'deleted'): string[] {
    const name = baseName(path);
    if (name === PROJECT_SETTINGS_FILE) {
      this.applySettings();
      return this.changed(this.analyzer.index.paths());
    }
    if (CONFIG_FILES.has(name)) {
      this.analyzer.reloadApps().forEach((p) => this.tell(p));
      return this.changed(this.analyzer.index.paths());
    }
    if (!isSourceFile(path) || this.fs.isOpen(path)) return [];
    const before = this.analyzer.index.dependentsOf(path);
    const text = kind === 'deleted' ? undefined : this.fs.readFile(path);
    if (text === undefined) this.analyzer.removeFile(path);
    else this.analyzer.updateFile(path, text);
    return this.changed([...new Set([path, ...before, ...this.analyzer.index.dependentsOf(path)])]);
  }

  private changed(paths: string[]): string[] {
    for (const listener of this.listeners) listener(paths);
    return paths;
  }

  /** Findings of one file; pending texts must have been synced first. */
  findings(path: string, isCancelled?: () => boolean): Finding[] {
    return this.analyzer.findings(path, isCancelled);
  }

  get fileCount(): number {
    return this.analyzer.index.paths().length;
  }

  lineStarts(path: string): readonly number[] | undefined {
    return this.analyzer.index.lineStarts(path);
  }

  prologueEndLine(path: string): number {
    return this.analyzer.index.facts(path)?.prologueEndLine ?? 0;
  }

  /** A path as the user reads it: relative to the workspace folder holding it (empty for the folder itself). */
  relativePath(path: string): string {
    if (this.roots.includes(path)) return '';
    const root = this.roots.filter((r) => path.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
    return root ? path.slice(root.length + 1) : path;
  }

  decide(request: DecideRequest): Decision {
    return decide(this.analyzer.index, this.analyzer.currentSettings, request);
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
      if (skipped === 'too-large') this.tell(`${path} is larger than ${limit} bytes and is not analysed (setting nextActionAdvisor.maxFileSize).`, 'skipped');
      if (skipped === 'binary') this.tell(`${path} holds binary data and is not analysed.`, 'skipped');
    }
  }

  private tell(message: string, kind: 'configuration' | 'skipped' = 'configuration'): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.notice(message, kind);
  }
}
