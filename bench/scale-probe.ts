import * as fs from 'node:fs';
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import { walkSourceFiles } from '../server/src/analysis/project/source-walker';
import { NodeFileSystem } from '../server/src/workspace/node-file-system';
import { extractFacts } from '../server/src/analysis/facts/extract-facts';
const work = (files: string[]) => { const t = performance.now(); for (const f of files) extractFacts(f, fs.readFileSync(f, 'utf8')); return performance.now() - t; };
if (!isMainThread) { parentPort!.postMessage(work(workerData.files)); }
else {
  const files = walkSourceFiles(new NodeFileSystem(), '/work/main/bench/workspace');
  const mode = process.argv[2];
  const t = performance.now();
  if (mode === 'one') console.log('one thread', work(files).toFixed(0));
  else if (mode === 'half') console.log('half in one thread', work(files.filter((_, i) => i % 2 === Number(process.argv[3] ?? 0))).toFixed(0));
  else {
    const n = Number(mode);
    Promise.all(Array.from({ length: n }, (_, k) => new Promise((r) => new Worker(__filename, { workerData: { files: files.filter((_, i) => i % n === k) } }).on('message', r)))).then((ms) => console.log(`${n} workers`, ms.map((m: any) => m.toFixed(0)), 'wall', (performance.now() - t).toFixed(0)));
  }
}
