import type ts from 'typescript';
import { factsForText, factsOfTree, hashText, skipReason, skippedFacts } from './facts/extract-facts';
import { changedRange, parseSource, reparse } from './facts/parse';
import type { FileFacts } from './facts/file-facts';
import { blankRunOf } from './facts/blank-edit';
import { StatementWalks } from './facts/tree-walk';
import { OffsetShift } from './facts/offset-shift';
import { movedFindings } from './moved-findings';
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
  private readonly trees = new Map<string, { tree: ts.SourceFile; facts: FileFacts; walks: StatementWalks }>();
  /**
   * The last findings of each open document, with the facts and the index revision they follow from:
   * an edit that only moves offsets (a space typed, a comment edited) moves them instead of running the rules.
   */
  private readonly lastFindings = new Map<string, { facts: FileFacts; revision: number; findings: Finding[] }>();

  constructor(private readonly fs: FileSystem) {
    this.index = new ProjectIndex(fs);
  }

  configure(settings: AdvisorSettings): void {
    this.lastFindings.clear();
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
    if (previous && previous.hash === hash) {
      // Opened as it is on disk: the scan's facts hold, and the tree is kept for the first keystroke.
      if (!previous.skipped && !this.trees.has(path)) this.trees.set(path, { tree: parseSource(path, text), facts: previous, walks: new StatementWalks() });
      return previous;
    }
    const reason = skipReason(text, this.settings.maxFileSize);
    const last = this.lastFindings.get(path);
    const lastIsCurrent = last !== undefined && last.facts === previous && last.revision === this.index.revision;
    this.lastFindings.delete(path);
    let facts: FileFacts;
    let shift: OffsetShift | null = null;
    if (reason) {
      this.trees.delete(path);
      facts = skippedFacts(path, hash, reason);
    } else {
      const kept = this.trees.get(path);
      if (kept) {
        const { walks } = kept;
        const change = changedRange(kept.tree.text, text);
        const blanks = blankRunOf(kept.tree, change, text);
        const tree = reparse(kept.tree, text, change);
        // Blanks resized between tokens move the facts; any other edit describes what it changed.
        const blankShift = blanks && OffsetShift.overBlanks(blanks, change.newEnd - change.oldEnd);
        const moved = blankShift?.movedFacts(kept.facts, hash);
        facts = moved ?? factsOfTree(tree, hash, { facts: kept.facts, change }, walks);
        if (lastIsCurrent && kept.facts === previous) shift = moved ? blankShift : OffsetShift.between(kept.facts, facts, change);
        this.trees.set(path, { tree, facts, walks });
      } else {
        const tree = parseSource(path, text);
        const walks = new StatementWalks();
        facts = factsOfTree(tree, hash, undefined, walks);
        this.trees.set(path, { tree, facts, walks });
      }
    }
    this.index.update(facts);
    const findings = lastIsCurrent && shift ? movedFindings(last.findings, path, shift) : null;
    if (findings) this.lastFindings.set(path, { facts, revision: this.index.revision, findings });
    return facts;
  }

  /** The document was closed: its tree goes. */
  forgetTree(path: string): void {
    this.trees.delete(path);
    this.lastFindings.delete(path);
  }

  removeFile(path: string): void {
    this.forgetTree(path);
    this.index.remove(path);
  }

  findings(path: string, isCancelled?: () => boolean): Finding[] {
    const facts = this.index.facts(path);
    const last = this.lastFindings.get(path);
    if (last && last.facts === facts && last.revision === this.index.revision) return last.findings;
    const findings = runRules(path, this.index, this.settings, this.vocabulary, isCancelled);
    if (facts && this.trees.has(path) && !isCancelled?.()) this.lastFindings.set(path, { facts, revision: this.index.revision, findings });
    return findings;
  }

  /** Facts are kept by content hash: the same text is never parsed twice. */
  factsFor(path: string, text: string): FileFacts {
    const hash = hashText(text);
    const previous = this.index.facts(path);
    return previous && previous.hash === hash ? previous : factsForText(path, text, this.settings.maxFileSize, hash);
  }
}
