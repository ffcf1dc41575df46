/** One `.gitignore` file's patterns, matched against paths relative to its folder. */
export class IgnoreRules {
  private readonly rules: { pattern: RegExp; negate: boolean; directoryOnly: boolean }[] = [];

  constructor(text: string) {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const negate = line.startsWith('!');
      let body = negate ? line.slice(1) : line;
      const directoryOnly = body.endsWith('/');
      if (directoryOnly) body = body.slice(0, -1);
      // A pattern with a slash other than at the end is anchored to the .gitignore's folder.
      const anchored = body.includes('/');
      if (body.startsWith('/')) body = body.slice(1);
      this.rules.push({ pattern: globToRegExp(body, anchored), negate, directoryOnly });
    }
  }

  /** Whether the path (relative, `/`-separated) is ignored; the last matching pattern decides. */
  ignores(relative: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.pattern.test(relative)) ignored = !rule.negate;
    }
    return ignored;
  }
}

function globToRegExp(glob: string, anchored: boolean): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${out}$`);
}
