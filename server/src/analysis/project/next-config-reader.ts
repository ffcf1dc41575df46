import ts from 'typescript';
import type { FileSystem } from '../types';
import { firstSyntaxError, parseSource } from '../facts/parse';
import { propertyName, stringValue } from '../facts/syntax';
import { joinPath } from './paths';

export const NEXT_CONFIG_NAMES = ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'next.config.mts'];
export const DEFAULT_BODY_SIZE_LIMIT = '1 MB';

export interface NextConfigResult {
  configPath: string | null;
  basePath: string;
  bodySizeLimit: string;
  /** `experimental.authInterrupts`: false when the config does not set it, null when it cannot tell (a spread, a value that is no literal). */
  authInterrupts: boolean | null;
  problems: string[];
}

/**
 * `basePath`, `serverActions.bodySizeLimit` (top-level or under `experimental`) and
 * `experimental.authInterrupts`, read from the syntax of `next.config.*`: the file is never run, so
 * only literal values count.
 */
export function readNextConfig(fs: FileSystem, appRoot: string): NextConfigResult {
  const configPath = NEXT_CONFIG_NAMES.map((name) => joinPath(appRoot, name)).find((p) => fs.fileExists(p)) ?? null;
  const result: NextConfigResult = { configPath, basePath: '', bodySizeLimit: DEFAULT_BODY_SIZE_LIMIT, authInterrupts: false, problems: [] };
  if (!configPath) return result;
  const sourceFile = parseSource(configPath, fs.readFile(configPath) ?? '');
  if (firstSyntaxError(sourceFile)) {
    result.problems.push(`${configPath} has a syntax error; using the default basePath and bodySizeLimit`);
    return { ...result, authInterrupts: null };
  }
  // A spread (`...base`) may hold any setting: what is not found stays unknown.
  let opaque = false;
  let authInterrupts: boolean | null | undefined;
  // `owner`: the property whose object literal holds the node (`serverActions` for `bodySizeLimit`).
  const visit = (node: ts.Node, owner: string | null): void => {
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name === 'basePath') {
        const value = stringValue(node.initializer);
        if (value !== null) result.basePath = value.replace(/\/$/, '');
      } else if (name === 'bodySizeLimit' && owner === 'serverActions') {
        const value = stringValue(node.initializer);
        if (value !== null) result.bodySizeLimit = value;
        else if (ts.isNumericLiteral(node.initializer)) result.bodySizeLimit = `${node.initializer.text} bytes`;
      } else if (name === 'authInterrupts' && owner === 'experimental') {
        const kind = node.initializer.kind;
        authInterrupts = kind === ts.SyntaxKind.TrueKeyword ? true : kind === ts.SyntaxKind.FalseKeyword ? false : null;
      }
      visit(node.initializer, name);
    } else if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isSpreadAssignment(property)) opaque = true;
        visit(property, owner);
      }
    } else ts.forEachChild(node, (child) => visit(child, null));
  };
  visit(sourceFile, null);
  return { ...result, authInterrupts: authInterrupts !== undefined ? authInterrupts : opaque ? null : false };
}
