import * as path from 'node:path';

type FixesModule = typeof import('../analysis/fixes/index');

/** The bundle of the refactors, beside the server's and the checker's. */
export const FIXES_BUNDLE = 'fixes.js';

let loaded: FixesModule | undefined;

/**
 * The refactor builder, loaded at the first edit asked for: ts-morph and its compiler are a bundle of
 * their own, kept off the startup and the keystroke. The computed path keeps the bundler from inlining it.
 */
export function loadFixes(): FixesModule {
  loaded ??= require(path.join(__dirname, FIXES_BUNDLE)) as FixesModule;
  return loaded;
}

/** Whether anything asked for an edit yet in this process. */
export function fixesLoaded(): boolean {
  return loaded !== undefined;
}
