import { isAppRoot } from '../analysis/project/app-locator';
import { NEXT_CONFIG_NAMES } from '../analysis/project/next-config-reader';
import { baseName, joinPath } from '../analysis/project/paths';
import { walkSourceFiles } from '../analysis/project/source-walker';
import { keepEditsYoung } from '../garbage-collection';
import { buildId } from '../install-location';
import { PROJECT_SETTINGS_FILE } from '../protocol';
import { Session } from '../workspace/session';

/** Files whose change re-reads the apps' configuration or the settings, as the language server does. */
const CONFIG_NAMES = [...NEXT_CONFIG_NAMES, 'tsconfig.json', 'jsconfig.json', 'package.json', PROJECT_SETTINGS_FILE];

export type Progress = (done: number, total: number) => void;

/**
 * The index of one workspace, kept for the server's lifetime. It is read once at start; before each
 * answer the folder is walked again and only the files whose size or mtime changed are re-read, so that
 * an agent's own edits on disk are seen without a watcher.
 */
export class WarmWorkspace {
  readonly session: Session;
  private loading: Promise<void>;
  private readonly listeners = new Set<Progress>();
  private stamps = new Map<string, string>();
  private appRoots = '';
  private queue: Promise<unknown> = Promise.resolve();
  /** What reading the configuration told (a broken tsconfig or next.config, a wrong setting), once each. */
  readonly notices: string[] = [];

  constructor(
    readonly root: string,
    private readonly cacheFolder: string | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.session = new Session((message, kind) => {
      if (kind === 'configuration') this.notices.push(message);
      log(message);
    });
    this.loading = this.load();
  }

  /** Reads the workspace; a failure is said once here and answered to every call as its error. */
  private load(): Promise<void> {
    const loading = this.read();
    loading.catch((error: unknown) => this.log(`could not read the workspace: ${error instanceof Error ? error.message : String(error)}`));
    return loading;
  }

  /**
   * The session, up to date with the disk, once the first scan is done; `onProgress` hears that scan's
   * progress while it lasts. Calls run one after another: a refactor written to disk is seen by the next.
   */
  async use<T>(onProgress: Progress | undefined, work: (session: Session) => Promise<T> | T): Promise<T> {
    if (onProgress) this.listeners.add(onProgress);
    try {
      // A scan that failed is tried again by the next call.
      await this.loading.catch(() => (this.loading = this.load()));
    } finally {
      if (onProgress) this.listeners.delete(onProgress);
    }
    const turn = this.queue.then(async () => {
      await this.refresh();
      return work(this.session);
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async read(): Promise<void> {
    const started = Date.now();
    // Taken before the files are read: a file that changes during the scan is read again at the next answer.
    const snapshot = this.snapshot();
    const stats = await this.session.load([this.root], undefined, { cacheFolder: this.cacheFolder, buildId: buildId(__filename), onProgress: (done, total) => this.listeners.forEach((l) => l(done, total)) });
    this.stamps = snapshot.stamps;
    this.appRoots = snapshot.appRoots;
    // As in the editor's server: the facts read again after a change die young instead of piling up.
    keepEditsYoung();
    this.log(`read ${stats.files} files in ${((Date.now() - started) / 1000).toFixed(1)} s (${stats.fromCache} from the cache, ${stats.parsed} parsed)`);
  }

  /** Takes in what changed on disk since the last snapshot. */
  private async refresh(): Promise<void> {
    const { appRoots, stamps } = this.snapshot();
    if (appRoots !== this.appRoots) {
      // An app appeared or went: its files and settings are read from scratch.
      await (this.loading = this.load());
      return;
    }
    const isConfig = (path: string): boolean => CONFIG_NAMES.includes(baseName(path));
    const changes: [string, 'created' | 'changed' | 'deleted'][] = [];
    for (const [path, stamp] of stamps) {
      const before = this.stamps.get(path);
      if (before !== stamp) changes.push([path, before === undefined ? 'created' : 'changed']);
    }
    for (const path of this.stamps.keys()) if (!stamps.has(path)) changes.push([path, 'deleted']);
    this.stamps = stamps;
    // Configuration first: the source files are then read under the new settings.
    for (const [path, kind] of changes) if (isConfig(path)) this.session.diskChanged(path, kind);
    for (const [path, kind] of changes) if (!isConfig(path)) this.session.diskChanged(path, kind);
  }

  /** The source and configuration files on disk with their size and mtime, and the apps' folders. */
  private snapshot(): { appRoots: string; stamps: Map<string, string> } {
    const fs = this.session.fs;
    const roots = new Set([this.root]);
    const files = walkSourceFiles(fs, this.root, (folder, names) => {
      if (isAppRoot(fs, folder, names)) roots.add(folder);
    });
    const stamps = new Map<string, string>();
    for (const path of [...files, ...[...roots].flatMap((r) => CONFIG_NAMES.map((name) => joinPath(r, name)))]) {
      const stamp = fs.stamp(path);
      if (stamp) stamps.set(path, `${stamp.size}:${stamp.mtimeMs}`);
    }
    return { appRoots: [...roots].sort().join('\n'), stamps };
  }
}
