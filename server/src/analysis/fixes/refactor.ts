import type { AppInfo } from '../project/app-locator';
import type { ProjectIndex } from '../project/project-index';
import type { AdvisorSettings } from '../settings';
import type { FileSystem } from '../types';
import type { FileChange } from './file-change';

export type RefactorKind = 'extract-service' | 'to-route' | 'to-route-keep-action' | 'to-route-rewrite-callers' | 'to-action' | 'to-action-remove-route';

export const REFACTOR_KINDS: readonly RefactorKind[] = ['extract-service', 'to-route', 'to-route-keep-action', 'to-route-rewrite-callers', 'to-action', 'to-action-remove-route'];

/** A refactor asked for on the function at `offset` of `file`. */
export interface RefactorRequest {
  kind: RefactorKind;
  file: string;
  offset: number;
}

/** What a refactor reads: files through the workspace's file system (open documents included), the app, the index. */
export interface RefactorContext {
  fs: FileSystem;
  app: AppInfo;
  index: ProjectIndex;
  settings: AdvisorSettings;
}

export type RefactorOutcome = { ok: true; title: string; changes: FileChange[] } | { ok: false; reason: string };

/** Stops a refactor with the reason the user is shown: nothing is changed. */
export class Refusal extends Error {}

export function refuse(reason: string): never {
  throw new Refusal(reason);
}
