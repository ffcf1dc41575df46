import * as path from 'node:path';
import { positionOf } from '../../analysis/positions';
import type { Span } from '../../analysis/types';

/** 1-based line and column, as people and SARIF count them. */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export function regionOf(lineStarts: readonly number[], span: Span): Region {
  const start = positionOf(lineStarts, span.start);
  const end = positionOf(lineStarts, span.end);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
