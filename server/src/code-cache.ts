import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { CodeCacheState } from './protocol';

interface Handle {
  state: CodeCacheState;
  save(): void;
}

const CACHE_FILE = /^code-[0-9a-f]{16}\.bin$/;

/** The loader (`start.ts`) and the bundle it runs are bundled apart: they meet through this global. */
const HANDLE = Symbol.for('next-action-advisor.code-cache');

function handle(): Handle | undefined {
  return (globalThis as Record<symbol, Handle | undefined>)[HANDLE];
}

/**
 * Runs a CommonJS bundle as `require` would, compiled with V8's cached data from `folder` when there is
 * some for this very bundle and runtime: a start after the first skips most of the compilation. With
 * no folder the bundle is required as usual; a cache V8 refuses costs nothing but the usual compile.
 */
export function runBundle(bundle: string, folder: string | undefined): void {
  if (!folder) {
    require(bundle);
    return;
  }
  // V8 takes a cache only under the flags it was made with: the one the server sets for good (for its
  // collector) is set first, and the others are as at the start when the cache is written.
  v8.setFlagsFromString('--expose-gc');
  const source = fs.readFileSync(bundle, 'utf8');
  const file = path.join(folder, `code-${createHash('sha1').update(process.version).update(source).digest('hex').slice(0, 16)}.bin`);
  const cachedData = readIfThere(file);
  const script = new vm.Script(wrap(source), { filename: bundle, cachedData });
  const state: CodeCacheState = !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const kept: Handle = {
    state,
    save() {
      if (kept.state !== 'missing' && kept.state !== 'rejected') return;
      kept.state = 'written';
      try {
        fs.mkdirSync(folder, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData());
        fs.renameSync(temporary, file);
        // The caches of earlier versions of the bundle are of no more use.
        for (const name of fs.readdirSync(folder)) if (CACHE_FILE.test(name) && name !== path.basename(file)) fs.rmSync(path.join(folder, name), { force: true });
      } catch {
        // Without a cache the next start compiles as this one did.
      }
    },
  };
  (globalThis as Record<symbol, Handle>)[HANDLE] = kept;
  const module = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  module.loaded = true;
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache of the code compiled so far, when the start had none or V8 refused it: called as the
 * editor shuts the server down, so that what a session ran is in it.
 */
export function saveCodeCache(): void {
  handle()?.save();
}

export function codeCacheState(): CodeCacheState {
  return handle()?.state ?? 'off';
}
