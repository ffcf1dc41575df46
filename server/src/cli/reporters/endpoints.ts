import { AUTH_LABELS, findingsLabel, rowTitle, type InventoryRow } from '../../analysis/endpoint-labels';

const HEADINGS = ['Endpoint', 'Kind', 'Declared in', 'Callers', 'Auth', 'Caching', 'Signals', 'Findings'] as const;

function cells(row: InventoryRow): string[] {
  return [rowTitle(row), row.kind === 'action' ? 'Server Action' : 'Route Handler', `${row.file}:${row.line}`, String(row.callers), AUTH_LABELS[row.auth], row.caching, row.signals.join(', ') || '-', findingsLabel(row)];
}

function byApp(rows: InventoryRow[]): [string, InventoryRow[]][] {
  const apps = new Map<string, InventoryRow[]>();
  for (const row of rows) apps.set(row.app, [...(apps.get(row.app) ?? []), row]);
  return [...apps];
}

const none = 'No Server Action or Route Handler found.\n';

/** Per app, a heading and aligned columns. */
export function endpointsTable(rows: InventoryRow[]): string {
  if (rows.length === 0) return none;
  const out: string[] = [];
  for (const [app, list] of byApp(rows)) {
    const table = [[...HEADINGS], ...list.map(cells)];
    const widths = HEADINGS.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    out.push(`${app} (${list.length} endpoint${list.length === 1 ? '' : 's'})`, ...table.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`), '');
  }
  return out.join('\n');
}

/** Per app, a Markdown table: what a security review or a pull request's description wants. */
export function endpointsMarkdown(rows: InventoryRow[]): string {
  if (rows.length === 0) return none;
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const out: string[] = [];
  for (const [app, list] of byApp(rows)) {
    out.push(`### ${app}`, '', `| ${HEADINGS.join(' | ')} |`, `|${HEADINGS.map(() => ' --- ').join('|')}|`);
    for (const row of list) {
      const [title, ...rest] = cells(row);
      out.push(`| \`${title}\` | ${rest.map(escape).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function endpointsJson(rows: InventoryRow[]): string {
  return `${JSON.stringify({ endpoints: rows }, null, 2)}\n`;
}
