import ignore, { type Ignore } from 'ignore';

/**
 * One `.gitignore` file's patterns, matched against paths relative to its folder by the `ignore`
 * package (the matcher ESLint and Prettier use): `**`, negations, escapes and directory-only patterns
 * as git reads them.
 */
export class IgnoreRules {
  private readonly matcher: Ignore;

  constructor(text: string) {
    this.matcher = ignore({ allowRelativePaths: true }).add(text);
  }

  /** `true` ignored, `false` re-included by a negation, `null` when no pattern of this file speaks of the path. */
  verdict(relative: string, isDirectory: boolean): boolean | null {
    const result = this.matcher.test(isDirectory ? `${relative}/` : relative);
    return result.ignored ? true : result.unignored ? false : null;
  }
}

/** As git decides: the deepest `.gitignore` with a pattern for the path wins. */
export function isIgnored(stack: readonly { base: string; rules: IgnoreRules }[], relativeTo: (base: string) => string, isDirectory: boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const { base, rules } = stack[i]!;
    const verdict = rules.verdict(relativeTo(base), isDirectory);
    if (verdict !== null) return verdict;
  }
  return false;
}
