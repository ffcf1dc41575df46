import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './code-server';

/** Two Next.js apps side by side: the example app and a small second app. */
export function nextWorkspace(base: string): string {
  const root = path.join(base, 'workspace');
  fs.cpSync(path.join(ROOT, 'examples', 'project-tracker'), path.join(root, 'apps', 'tracker'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'action-missing-auth', 'bad'), path.join(root, 'apps', 'billing'), { recursive: true });
  // The real `next` and `react` types, so that VS Code's own TypeScript shows no missing-module noise.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** A TypeScript project without Next.js. */
export function plainWorkspace(base: string): string {
  const root = path.join(base, 'workspace');
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'plain', private: true, devDependencies: { typescript: '5.9.3' } }));
  fs.writeFileSync(path.join(root, 'src', 'index.ts'), "export async function greet(name: string) {\n  return `Hello ${name}`\n}\n");
  return root;
}
