import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import ts from 'typescript';

const CORE = path.resolve(__dirname, '..', '..', 'server', 'src', 'analysis');
/** The core reaches the disk only through its FileSystem interface, and knows nothing of editors. */
const FORBIDDEN = /^(vscode|vscode-.*|node:fs|fs|node:child_process|child_process|node:net|net|node:http|http|node:https|https)$/;

it('the analysis core imports neither vscode, LSP types nor I/O modules', () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest);
        for (const statement of source.statements) {
          if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
            if (FORBIDDEN.test(statement.moduleSpecifier.text)) offenders.push(`${path.relative(CORE, full)} imports ${statement.moduleSpecifier.text}`);
          }
        }
      }
    }
  };
  walk(CORE);
  assert.deepEqual(offenders, []);
});
