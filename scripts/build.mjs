// Bundles the client, the server and the CLI into dist/ with esbuild; with --editor-tests, also the
// extension-host test suite into out/editor/ (vscode and mocha stay external: the host provides one,
// node_modules the other).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const editorTests = process.argv.includes('--editor-tests')
  ? [esbuild.build({ ...common, entryPoints: ['test/editor/suite/index.ts', 'test/editor/suite/nextjs.test.ts', 'test/editor/suite/plain.test.ts'], outdir: 'out/editor', external: ['vscode', 'mocha'] })]
  : [];

await Promise.all([
  ...editorTests,
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The server's entry is a loader that runs its bundle with V8's code cache (server/src/start.ts).
  esbuild.build({ ...common, entryPoints: ['server/src/start.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The refactors, loaded by the server and the checker only when an edit is asked for. ts-morph
  // carries its own copy of the compiler, of the same version: the analysis code in it uses that one.
  esbuild.build({ ...common, entryPoints: ['server/src/analysis/fixes/index.ts'], outfile: 'dist/fixes.js', alias: { typescript: './node_modules/@ts-morph/common/dist/typescript.js' } }),
]);
