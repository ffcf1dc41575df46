import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../analysis/rules';
import type { Severity } from '../../analysis/types';
import { versionFrom } from '../../install-location';
import type { ReportContext } from '../summary';
import { displayPath, regionOf } from './locations';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: URIs relative to the %SRCROOT% it declares, one rule
 * entry per rule. %SRCROOT% is the working folder, or the checked folders' common ancestor when they
 * lie outside it.
 */
export function formatSarif({ cwd, result }: ReportContext): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const srcRoot = result.roots.every((root) => !path.relative(cwd, root).startsWith('..')) ? cwd : commonAncestor(result.roots);
  const location = (file: string, span: { start: number; end: number }) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(displayPath(srcRoot, file)), uriBaseId: '%SRCROOT%' },
      region: regionOf(result.lineStarts(file), span),
    },
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'next-action-advisor',
            version: versionFrom(__dirname),
            informationUri: 'https://www.npmjs.com/package/next-action-advisor',
            rules: RULES.map(({ meta }) => ({
              id: meta.id,
              name: meta.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: meta.title.replace(/`/g, '') },
              fullDescription: { text: meta.why.replace(/`/g, '') },
              help: { text: `${meta.why} ${meta.fix}`.replace(/`/g, ''), markdown: `${meta.why}\n\n**Fix:** ${meta.fix}` },
              defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
              properties: { tags: ['next.js', 'server-actions', 'route-handlers'] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/`).href } },
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
          level: LEVELS[f.severity],
          message: { text: f.message },
          locations: [location(f.file, f.span)],
          relatedLocations: f.related.length > 0 ? f.related.map((r, i) => ({ id: i, message: { text: r.message }, ...location(r.file, r.span) })) : undefined,
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function commonAncestor(folders: string[]): string {
  return folders.reduce((common, folder) => {
    let ancestor = common;
    while (path.relative(ancestor, folder).startsWith('..')) ancestor = path.dirname(ancestor);
    return ancestor;
  });
}
