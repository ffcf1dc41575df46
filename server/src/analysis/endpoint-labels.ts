import type { Severity } from './types';

/** How an endpoint makes sure of its caller, as the code shows it. */
export type AuthKind = 'checked' | 'wrapper' | 'signature' | 'token' | 'none';

export const AUTH_LABELS: Record<AuthKind, string> = { checked: 'checked', wrapper: 'by wrapper', signature: 'by signature', token: 'by token or API key', none: 'none' };

/** One endpoint as the inventory lists it: plain data, for JSON, tables and the editor's tree. */
export interface InventoryRow {
  /** The app's folder, relative to where the inventory was asked for (`.` for the folder itself). */
  app: string;
  kind: 'action' | 'route';
  name: string;
  method: string;
  url: string | null;
  /** Relative to the app. */
  file: string;
  /** 1-based. */
  line: number;
  callers: number;
  auth: AuthKind;
  caching: string;
  signals: string[];
  findings: Record<Severity, number>;
}

/** Unprotected: neither a session check, an authenticating wrapper nor a signature or token. */
export function isUnprotected(row: Pick<InventoryRow, 'auth'>): boolean {
  return row.auth === 'none';
}

export function findingCount(row: Pick<InventoryRow, 'findings'>): number {
  return row.findings.error + row.findings.warning + row.findings.info + row.findings.hint;
}

/** `createProject`, `POST /api/projects`. */
export function rowTitle(row: Pick<InventoryRow, 'kind' | 'name' | 'method' | 'url'>): string {
  return row.kind === 'action' ? row.name : `${row.method} ${row.url}`;
}

/** `2 warnings, 1 error`, or `none`. */
export function findingsLabel(row: Pick<InventoryRow, 'findings'>): string {
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((s) => row.findings[s] > 0).map((s) => `${row.findings[s]} ${s}${row.findings[s] === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

