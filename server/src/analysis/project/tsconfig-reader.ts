import ts from 'typescript';
import type { FileSystem } from '../types';
import { joinPath } from './paths';

export interface TsconfigResult {
  options: ts.CompilerOptions;
  problems: string[];
}

/** Options that module resolution needs in any Next.js app, whatever its tsconfig says. */
const BASE_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
};

/** What the type checker reads of a tsconfig besides resolution: how strict it is, and the library it checks against. */
const CHECK_OPTIONS = [
  'strict', 'strictNullChecks', 'strictFunctionTypes', 'strictBindCallApply', 'strictPropertyInitialization', 'noImplicitAny', 'noImplicitThis',
  'useUnknownInCatchVariables', 'exactOptionalPropertyTypes', 'noUncheckedIndexedAccess', 'target', 'lib', 'types', 'esModuleInterop', 'allowSyntheticDefaultImports', 'skipLibCheck',
] as const;

/**
 * `tsconfig.json` (or `jsconfig.json`) with `extends`, `baseUrl` and `paths`, read statically.
 * The file list is never expanded: module resolution is all it is read for.
 */
export function readTsconfig(fs: FileSystem, appRoot: string): TsconfigResult {
  const parsed = parseTsconfig(fs, appRoot);
  if ('problem' in parsed) return { options: { ...BASE_OPTIONS }, problems: parsed.problem ? [parsed.problem] : [] };
  // 18003: "No inputs were found" — expected, since the file list is deliberately not expanded.
  const problems = parsed.config.errors.filter((e) => e.code !== 18003).map((e) => `${parsed.path}: ${flatten(e)}`);
  const { baseUrl, paths, pathsBasePath } = parsed.config.options;
  return { options: { ...BASE_OPTIONS, baseUrl, paths, pathsBasePath }, problems };
}

/** The options of the tsconfig that the type checker needs to judge code as the app's build does, for a fix that checks what it writes. */
export function readCheckOptions(fs: FileSystem, appRoot: string): ts.CompilerOptions {
  const parsed = parseTsconfig(fs, appRoot);
  if ('problem' in parsed) return {};
  return Object.fromEntries(CHECK_OPTIONS.filter((name) => parsed.config.options[name] !== undefined).map((name) => [name, parsed.config.options[name]]));
}

function parseTsconfig(fs: FileSystem, appRoot: string): { path: string; config: ts.ParsedCommandLine } | { problem: string | null } {
  const configPath = ['tsconfig.json', 'jsconfig.json'].map((name) => joinPath(appRoot, name)).find((p) => fs.fileExists(p));
  if (!configPath) return { problem: null };
  const json = ts.parseConfigFileTextToJson(configPath, fs.readFile(configPath) ?? '');
  if (json.error) return { problem: `${configPath}: ${flatten(json.error)}; imports through its paths are not resolved` };
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    fileExists: (p) => fs.fileExists(p),
    readFile: (p) => fs.readFile(p),
    readDirectory: () => [],
  };
  return { path: configPath, config: ts.parseJsonConfigFileContent(json.config, host, appRoot, undefined, configPath) };
}

function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}
