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

/**
 * `tsconfig.json` (or `jsconfig.json`) with `extends`, `baseUrl` and `paths`, read statically.
 * The file list is never expanded: module resolution is all it is read for.
 */
export function readTsconfig(fs: FileSystem, appRoot: string): TsconfigResult {
  const configPath = ['tsconfig.json', 'jsconfig.json'].map((name) => joinPath(appRoot, name)).find((p) => fs.fileExists(p));
  if (!configPath) return { options: { ...BASE_OPTIONS }, problems: [] };
  const text = fs.readFile(configPath) ?? '';
  const json = ts.parseConfigFileTextToJson(configPath, text);
  if (json.error) return { options: { ...BASE_OPTIONS }, problems: [`${configPath}: ${flatten(json.error)}; imports through its paths are not resolved`] };
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    fileExists: (p) => fs.fileExists(p),
    readFile: (p) => fs.readFile(p),
    readDirectory: () => [],
  };
  const parsed = ts.parseJsonConfigFileContent(json.config, host, appRoot, undefined, configPath);
  // 18003: "No inputs were found" — expected, since the file list is deliberately not expanded.
  const problems = parsed.errors.filter((e) => e.code !== 18003).map((e) => `${configPath}: ${flatten(e)}`);
  const { baseUrl, paths, pathsBasePath } = parsed.options;
  return { options: { ...BASE_OPTIONS, baseUrl, paths, pathsBasePath }, problems };
}

function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}
