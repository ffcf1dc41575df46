// The quick-start demo: the checker on the example app, then the count of findings per rule.
// The example is meant to have findings, so the checker's exit code 1 is the expected outcome here.
import { spawnSync } from 'node:child_process';

const target = process.argv[2] ?? 'examples/project-tracker';
const pretty = spawnSync(process.execPath, ['dist/cli.js', 'check', target], { stdio: 'inherit' });
if (pretty.status !== 0 && pretty.status !== 1) process.exit(pretty.status ?? 2);
const json = spawnSync(process.execPath, ['dist/cli.js', 'check', target, '--format', 'json'], { encoding: 'utf8' });
const counts = new Map();
for (const finding of JSON.parse(json.stdout).findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
console.log(`Findings per rule (${counts.size} rules fired):`);
for (const [rule, count] of [...counts].sort()) console.log(`  ${String(count).padStart(3)}  ${rule}`);
