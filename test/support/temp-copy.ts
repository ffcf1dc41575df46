import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A throw-away copy of a fixture, so that a test may edit it. */
export interface TempCopy {
  root: string;
  write(relative: string, text: string): string;
  read(relative: string): string;
  remove(): void;
}

export function tempCopy(source: string): TempCopy {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-')));
  fs.cpSync(source, root, { recursive: true });
  return {
    root,
    write(relative, text) {
      const full = path.join(root, relative);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
      return full;
    },
    read: (relative) => fs.readFileSync(path.join(root, relative), 'utf8'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
