// The parse floor's work on one file (bench/run.ts): read it, parse it with TypeScript's parser and walk
// the tree once. Started as a worker thread, it parses the files it is handed and answers how many, for
// the two-thread floor; it says `ready` once TypeScript is loaded, so that the figure shows what starting
// a thread costs.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { isMainThread, parentPort } from 'node:worker_threads';

const ts = createRequire(import.meta.url)('typescript');

export function parseAndWalk(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node) => ts.forEachChild(node, visit);
  visit(source);
}

if (!isMainThread) {
  parentPort.on('message', (files) => {
    for (const file of files) parseAndWalk(file);
    parentPort.postMessage(files.length);
  });
  parentPort.postMessage('ready');
}
