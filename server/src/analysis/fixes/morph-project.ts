import * as morph from 'ts-morph';
import { Project, type FileSystemHost, type RuntimeDirEntry, type SourceFile } from 'ts-morph';
import type { AppInfo } from '../project/app-locator';
import { joinPath } from '../project/paths';
import type { FileSystem } from '../types';

/**
 * A ts-morph project over the workspace's file system, read-only: the files a refactor touches are
 * added, and the type checker reads what they import (the project's modules, `next`, `zod`) lazily,
 * through the same file system as the analysis, open documents included. Nothing is written.
 */
export function morphProject(fs: FileSystem, app: AppInfo, files: string[]): { project: Project; sources: SourceFile[] } {
  const project = new Project({
    fileSystem: readOnlyHost(fs, app.root),
    compilerOptions: { ...app.compilerOptions, noEmit: true, allowJs: true },
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
