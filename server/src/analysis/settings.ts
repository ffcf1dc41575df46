import type { SeveritySetting } from './types';

/**
 * The one typed settings object. VS Code's `nextActionAdvisor.*` settings, the project file
 * `next-action-advisor.json` and this object carry the same keys with the same defaults.
 * Name lists add to the built-in vocabulary (see vocabulary.ts); they never replace it.
 */
export interface AdvisorSettings {
  /** Severity per rule id; a rule not listed keeps its default. */
  rules: Record<string, SeveritySetting>;
  /** Extra functions that check the session or the user (`requireAdmin`). */
  authFunctions: string[];
  /** Extra wrappers whose wrapped action or handler counts as authenticated (`withTeamAccess`). */
  authWrappers: string[];
  /** Extra functions that validate input (`assertValid`). */
  validationFunctions: string[];
  /** Extra identifiers that are data-layer clients (`orm`, `store`). */
  dataClients: string[];
  /** Files larger than this many bytes are skipped with one message, never parsed. */
  maxFileSize: number;
  /** Where "Extract to service" puts a domain's service, from the app root (`src/` added when the app uses it). */
  serviceFile: string;
}

export const DEFAULT_SETTINGS: AdvisorSettings = {
  rules: {},
  authFunctions: [],
  authWrappers: [],
  validationFunctions: [],
  dataClients: [],
  maxFileSize: 1_000_000,
  serviceFile: 'lib/{domain}/service.ts',
};

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/**
 * Settings from an untrusted source (an editor, a JSON file), field by field over `base`.
 * A field of the wrong type is ignored and named in `problems`.
 */
export function mergeSettings(base: AdvisorSettings, input: unknown, problems: string[] = []): AdvisorSettings {
  if (input === undefined || input === null) return base;
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.push('settings must be an object');
    return base;
  }
  const raw = input as Record<string, unknown>;
  const merged: AdvisorSettings = { ...base, rules: { ...base.rules } };
  if (raw.rules !== undefined) {
    if (typeof raw.rules === 'object' && raw.rules !== null && !Array.isArray(raw.rules)) {
      for (const [id, severity] of Object.entries(raw.rules)) {
        if (SEVERITY_SETTINGS.includes(severity as SeveritySetting)) merged.rules[id] = severity as SeveritySetting;
        else problems.push(`rules.${id}: expected one of ${SEVERITY_SETTINGS.join(', ')}`);
      }
    } else problems.push('rules: expected an object of rule id to severity');
  }
  for (const key of ['authFunctions', 'authWrappers', 'validationFunctions', 'dataClients'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) merged[key] = [...new Set([...base[key], ...value])];
    else problems.push(`${key}: expected a list of names`);
  }
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0) merged.maxFileSize = raw.maxFileSize;
    else problems.push('maxFileSize: expected a positive number of bytes');
  }
  if (raw.serviceFile !== undefined) {
    const value = raw.serviceFile;
    if (typeof value === 'string' && value.includes('{domain}') && /\.(ts|js)$/.test(value) && !value.startsWith('/') && !value.split('/').includes('..')) merged.serviceFile = value;
    else problems.push("serviceFile: expected a relative path with '{domain}', ending in .ts or .js");
  }
  return merged;
}
