import * as morph from 'ts-morph';
import { Project, ts, type Diagnostic, type FileSystemHost, type RuntimeDirEntry, type SourceFile, type Type, type TypeNode } from 'ts-morph';
import type { AppInfo } from '../project/app-locator';
import { dirName, joinPath } from '../project/paths';
import type { FileSystem } from '../types';

/**
 * A ts-morph project over the workspace's file system, read-only: the files a refactor touches are
 * added, and the type checker reads what they import (the project's modules, `next`, `zod`) lazily,
 * through the same file system as the analysis, open documents included. Nothing is written.
 * `checking` adds options of the app's tsconfig (`readCheckOptions`) for a fix that type-checks its result.
 */
export function morphProject(fs: FileSystem, app: AppInfo, files: string[], checking: ts.CompilerOptions = {}): { project: Project; sources: SourceFile[] } {
  const project = new Project({
    fileSystem: readOnlyHost(fs, app.root),
    compilerOptions: { ...app.compilerOptions, ...checking, noEmit: true, allowJs: true },
    skipAddingFilesFromTsConfig: true,
  });
  const sources = files.map((path) => project.createSourceFile(path, fs.readFile(path) ?? '', { overwrite: true }));
  return { project, sources };
}

/** ts-morph tells a missing file by this class, which its typings leave out although the module exports it. */
const FileNotFound = (morph as unknown as { FileNotFoundError: new (path: string) => Error }).FileNotFoundError;

function readOnlyHost(fs: FileSystem, cwd: string): FileSystemHost {
  const readOnly = (): never => {
    throw new Error('A refactor never writes through the type checker.');
  };
  const read = (path: string): string => {
    const text = fs.readFile(path);
    if (text === undefined) throw new FileNotFound(path);
    return text;
  };
  const entries = (dir: string): RuntimeDirEntry[] =>
    fs.readDirectory(dir).map((e) => ({ name: joinPath(dir, e.name), isFile: e.kind === 'file', isDirectory: e.kind === 'directory', isSymlink: e.symlink === true }));
  return {
    isCaseSensitive: () => process.platform === 'linux',
    delete: async () => readOnly(),
    deleteSync: readOnly,
    readDirSync: entries,
    readFile: async (path) => read(path),
    readFileSync: read,
    writeFile: async () => readOnly(),
    writeFileSync: readOnly,
    mkdir: async () => readOnly(),
    mkdirSync: readOnly,
    move: async () => readOnly(),
    moveSync: readOnly,
    copy: async () => readOnly(),
    copySync: readOnly,
    fileExists: async (path) => fs.fileExists(path),
    fileExistsSync: (path) => fs.fileExists(path),
    directoryExists: async (path) => fs.directoryExists(path),
    directoryExistsSync: (path) => fs.directoryExists(path),
    realpathSync: (path) => fs.realPath(path),
    getCurrentDirectory: () => cwd,
    glob: async () => [],
    globSync: () => [],
  };
}

/** Per project, the types written out for `admits`, declared once in a scratch module that is never written. */
const probes = new WeakMap<Project, Map<string, Type>>();

/**
 * Whether the type written at `node` admits a value of the type `value`, written in TypeScript
 * (`{ error: string }`), as the type checker sees it.
 */
export function admits(node: TypeNode, value: string): boolean {
  const project = node.getProject();
  const known = probes.get(project) ?? new Map<string, Type>();
  probes.set(project, known);
  let probe = known.get(value);
  if (!probe) {
    const path = joinPath(dirName(node.getSourceFile().getFilePath()), `__probe${known.size}__.ts`);
    probe = project.createSourceFile(path, `export declare const probe: ${value};`, { overwrite: true }).getVariableDeclarationOrThrow('probe').getType();
    known.set(value, probe);
  }
  return project.getTypeChecker().compilerObject.isTypeAssignableTo(probe.compilerType, node.getType().compilerType);
}

/**
 * The first type error that new texts of some of `files` (path → text) bring into `files`, errors
 * they had before aside; `null` when there is none. The files' trees are replaced: read them first.
 */
export function firstNewError(files: SourceFile[], texts: Map<string, string>): { file: string; line: number; message: string } | null {
  const messageOf = (d: Diagnostic): string => ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n');
  const before = new Map(files.map((f) => [f, f.getPreEmitDiagnostics().map(messageOf)]));
  for (const file of files) {
    const text = texts.get(file.getFilePath());
    if (text !== undefined) file.replaceWithText(text);
  }
  for (const file of files) {
    const old = before.get(file)!;
    for (const diagnostic of file.getPreEmitDiagnostics()) {
      const message = messageOf(diagnostic);
      const seen = old.indexOf(message);
      if (seen >= 0) old.splice(seen, 1);
      else return { file: file.getFilePath(), line: diagnostic.getLineNumber() ?? 1, message: message.split('\n')[0]! };
    }
  }
  return null;
}
