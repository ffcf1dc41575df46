import type ts from 'typescript';
import { factsForText, factsOfTree, hashText, skipReason, skippedFacts } from './facts/extract-facts';
import { changedRange, parseSource, reparse } from './facts/parse';
import type { FileFacts } from './facts/file-facts';
import type { EarlierFacts } from './facts/function-reuse';
import { describeApp, isAppRoot } from './project/app-locator';
import { normalizePath } from './project/paths';
import { ProjectIndex } from './project/project-index';
import { walkSourceFiles } from './project/source-walker';
import { runRules } from './run-rules';
import { DEFAULT_SETTINGS, type AdvisorSettings } from './settings';
import type { FileSystem, Finding } from './types';
import { vocabularyFor, type Vocabulary } from './vocabulary';

/**
 * The analysis core's front door, shared by the language server and the CLI: it finds the apps and
 * files of a workspace, takes facts one file at a time (parsed here, or by workers), and answers
 * findings per file.
 */
export class Analyzer {
  readonly index: ProjectIndex;
  private settings: AdvisorSettings = DEFAULT_SETTINGS;
  private vocabulary: Vocabulary = vocabularyFor(DEFAULT_SETTINGS);
  /**
   * Syntax trees of the documents open in the editor only, with the facts taken from them: a keystroke
   * re-parses just what changed, and describes again just the functions it changed.
   */
  private readonly trees = new Map<string, { tree: ts.SourceFile; facts: FileFacts }>();

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

  /** Finds the apps and the source files under the roots; the files still have to be read. */
  discover(roots: string[]): { files: string[]; problems: string[] } {
    const realRoots = roots.map((r) => normalizePath(this.fs.realPath(r)));
    const appRoots: string[] = [];
    const files = realRoots.flatMap((root) => walkSourceFiles(this.fs, root, (folder, names) => isAppRoot(this.fs, folder, names) && appRoots.push(folder)));
    const apps = appRoots.map((root) => describeApp(this.fs, root));
    this.index.setApps(apps);
    return { files, problems: apps.flatMap((a) => a.problems) };
  }

  /** Discovers and reads every file on this thread. */
  loadWorkspace(roots: string[]): { files: number; problems: string[] } {
    const { files, problems } = this.discover(roots);
    for (const path of files) {
      const facts = this.readFacts(path);
      if (facts) this.ingest(facts);
    }
    return { files: files.length, problems };
  }

  /** The facts of a file on disk; a file over the size limit is not even read. */
  readFacts(path: string): FileFacts | null {
    const size = this.fs.fileSize(path);
    if (size > this.settings.maxFileSize) return skippedFacts(path, `size:${size}`, 'too-large');
    const text = this.fs.readFile(path);
    return text === undefined ? null : this.factsFor(path, text);
  }

  /** Facts computed elsewhere (a worker, the disk cache). */
  ingest(facts: FileFacts): void {
    this.index.update(facts);
  }

  /** Re-reads the apps' configuration (a tsconfig or next.config changed). */
  reloadApps(): string[] {
    const apps = this.index.apps.map((a) => describeApp(this.fs, a.root));
    this.index.setApps(apps);
    return apps.flatMap((a) => a.problems);
  }

  /** A new text for one file: one parse, one index update. */
  updateFile(path: string, text: string): FileFacts {
    const facts = this.factsFor(path, text);
    this.index.update(facts);
    return facts;
  }

  /** A new text for a document open in the editor: its tree is kept and re-parsed incrementally. */
  updateOpenFile(path: string, text: string): FileFacts {
    const hash = hashText(text);
    const previous = this.index.facts(path);
    if (previous && previous.hash === hash) return previous;
    const reason = skipReason(text, this.settings.maxFileSize);
    let facts: FileFacts;
    if (reason) {
      this.trees.delete(path);
      facts = skippedFacts(path, hash, reason);
    } else {
      const kept = this.trees.get(path);
      let tree: ts.SourceFile;
      let earlier: EarlierFacts | undefined;
      if (kept) {
        earlier = { facts: kept.facts, change: changedRange(kept.tree.text, text) };
        tree = reparse(kept.tree, text, earlier.change);
      } else tree = parseSource(path, text);
      facts = factsOfTree(tree, hash, earlier);
      this.trees.set(path, { tree, facts });
    }
    this.index.update(facts);
    return facts;
  }

  /** The document was closed: its tree goes. */
  forgetTree(path: string): void {
    this.trees.delete(path);
  }

  removeFile(path: string): void {
    this.trees.delete(path);
    this.index.remove(path);
  }

  findings(path: string, isCancelled?: () => boolean): Finding[] {
    return runRules(path, this.index, this.settings, this.vocabulary, isCancelled);
  }

  /** Facts are kept by content hash: the same text is never parsed twice. */
  factsFor(path: string, text: string): FileFacts {
    const hash = hashText(text);
    const previous = this.index.facts(path);
    return previous && previous.hash === hash ? previous : factsForText(path, text, this.settings.maxFileSize, hash);
  }
}
