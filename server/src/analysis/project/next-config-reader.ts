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
  problems: string[];
}

/**
 * `basePath` and `serverActions.bodySizeLimit` (top-level or under `experimental`), read from the
 * syntax of `next.config.*`: the file is never run, so only literal values count.
 */
export function readNextConfig(fs: FileSystem, appRoot: string): NextConfigResult {
  const configPath = NEXT_CONFIG_NAMES.map((name) => joinPath(appRoot, name)).find((p) => fs.fileExists(p)) ?? null;
  const result: NextConfigResult = { configPath, basePath: '', bodySizeLimit: DEFAULT_BODY_SIZE_LIMIT, problems: [] };
  if (!configPath) return result;
  const sourceFile = parseSource(configPath, fs.readFile(configPath) ?? '');
  if (firstSyntaxError(sourceFile)) {
    result.problems.push(`${configPath} has a syntax error; using the default basePath and bodySizeLimit`);
    return result;
  }
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
      }
      visit(node.initializer, name);
    } else if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) visit(property, owner);
    } else ts.forEachChild(node, (child) => visit(child, null));
  };
  visit(sourceFile, null);
  return result;
}
