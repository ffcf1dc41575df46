import { extractFacts, hashText, skippedFacts } from './facts/extract-facts';
import type { FileFacts } from './facts/file-facts';
import { describeApp, isAppRoot } from './project/app-locator';
import { normalizePath } from './project/paths';
import { ProjectIndex } from './project/project-index';
import { walkSourceFiles } from './project/source-walker';
import { runRules } from './run-rules';
import { DEFAULT_SETTINGS, type AdvisorSettings } from './settings';
import type { FileSystem, Finding } from './types';
import { vocabularyFor, type Vocabulary } from './vocabulary';

/** How much of a file is looked at to tell text from binary. */
const BINARY_PROBE = 8000;

/**
 * The analysis core's front door, shared by the language server and the CLI: it loads a workspace,
 * takes file changes one at a time, and answers findings per file.
 */
export class Analyzer {
  readonly index: ProjectIndex;
  private settings: AdvisorSettings = DEFAULT_SETTINGS;
  private vocabulary: Vocabulary = vocabularyFor(DEFAULT_SETTINGS);
  private roots: string[] = [];

  constructor(private readonly fs: FileSystem) {
    this.index = new ProjectIndex(fs);
  }

  configure(settings: AdvisorSettings): void {
    this.settings = settings;
    this.vocabulary = vocabularyFor(settings);
  }

  get currentSettings(): AdvisorSettings {
    return this.settings;
  }

  /** Finds the apps and reads every source file under the roots. Returns what could not be read. */
  loadWorkspace(roots: string[]): { files: number; problems: string[] } {
    this.roots = roots.map((r) => normalizePath(this.fs.realPath(r)));
    const appRoots: string[] = [];
    const files = this.roots.flatMap((root) => walkSourceFiles(this.fs, root, (folder) => isAppRoot(this.fs, folder) && appRoots.push(folder)));
    const apps = appRoots.map((root) => describeApp(this.fs, root));
    this.index.setApps(apps);
    for (const path of files) {
      // A file over the limit is not even read: its size is its identity until it shrinks.
      const size = this.fs.fileSize(path);
      if (size > this.settings.maxFileSize) this.index.update(skippedFacts(path, `size:${size}`, 'too-large'));
      else {
        const text = this.fs.readFile(path);
        if (text !== undefined) this.updateFile(path, text);
      }
    }
    return { files: files.length, problems: apps.flatMap((a) => a.problems) };
  }

  /** Re-reads the apps' configuration (a tsconfig or next.config changed). */
  reloadApps(): string[] {
    const apps = this.index.apps.map((a) => describeApp(this.fs, a.root));
    this.index.setApps(apps);
    return apps.flatMap((a) => a.problems);
  }

  /** A new text for one file: one parse, one index update. */
  updateFile(path: string, text: string): FileFacts {
    const facts = this.factsOf(path, text);
    this.index.update(facts);
    return facts;
  }

  removeFile(path: string): void {
    this.index.remove(path);
  }

  findings(path: string): Finding[] {
    return runRules(path, this.index, this.settings, this.vocabulary);
  }

  /** Facts are kept by content hash: the same text is never parsed twice. */
  private factsOf(path: string, text: string): FileFacts {
    const hash = hashText(text);
    const previous = this.index.facts(path);
    if (previous && previous.hash === hash) return previous;
    if (text.length > this.settings.maxFileSize) return skippedFacts(path, hash, 'too-large');
    if (text.slice(0, BINARY_PROBE).includes('\u0000')) return skippedFacts(path, hash, 'binary');
    return extractFacts(path, text, hash);
  }
}
