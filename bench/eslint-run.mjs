// ESLint 9 with @next/eslint-plugin-next (no type information) over the same files, in a process of
// its own so that its memory is its own. Prints one JSON line. Used by bench/run.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import nextPlugin from '@next/eslint-plugin-next';
import tsParser from '@typescript-eslint/parser';

const [workspace, largeFile, edits] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 200)];
const eslint = new ESLint({
  cwd: workspace,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.{ts,tsx,js,jsx}'],
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { '@next/next': nextPlugin },
      rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules },
    },
  ],
});
let started = performance.now();
const results = await eslint.lintFiles(['apps/**/*.{ts,tsx}', 'packages/**/*.{ts,tsx}']);
const fullMs = performance.now() - started;
const text = fs.readFileSync(path.join(workspace, largeFile), 'utf8');
const at = text.indexOf('const title');
const latencies = [];
for (let i = 0; i < edits; i++) {
  const edited = i % 2 === 0 ? `${text.slice(0, at)} ${text.slice(at)}` : text;
  started = performance.now();
  await eslint.lintText(edited, { filePath: path.join(workspace, largeFile) });
  latencies.push(performance.now() - started);
}
console.log(JSON.stringify({ files: results.length, fullMs, latencies, rssMB: process.memoryUsage().rss / 1048576 }));
