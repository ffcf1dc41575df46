import * as fs from 'node:fs';
import { walkSourceFiles } from '../server/src/analysis/project/source-walker';
import { NodeFileSystem } from '../server/src/workspace/node-file-system';
import { extractFacts } from '../server/src/analysis/facts/extract-facts';
const files = walkSourceFiles(new NodeFileSystem(), '/work/main/bench/workspace');
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
let t = performance.now();
for (let i = 0; i < files.length; i++) extractFacts(files[i]!, texts[i]!);
console.log(`extractFacts ${(performance.now() - t).toFixed(0)}ms`);
