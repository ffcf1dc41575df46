// Runs node's test runner, through tsx, on the given *.test.ts files and every one below the given folders.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(full);
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) files.push(full);
  }
};
for (const target of process.argv.slice(2)) {
  if (target.endsWith('.test.ts')) files.push(target);
  else if (fs.existsSync(target)) walk(target);
}
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files.sort()], { stdio: 'inherit' });
process.exit(result.status ?? 1);
