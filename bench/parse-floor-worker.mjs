// A thread of the two-thread parse floor (bench/run.ts): reads, parses and walks the files it is
// handed, as the one-thread floor does, and answers how many it parsed. It says `ready` once
// TypeScript is loaded, so that the figure shows what starting a thread costs.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const ts = createRequire(import.meta.url)('typescript');

parentPort.on('message', (files) => {
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node) => ts.forEachChild(node, visit);
    visit(source);
  }
  parentPort.postMessage(files.length);
});
parentPort.postMessage('ready');
