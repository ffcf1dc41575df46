import semver from 'semver';
import data from './advisories.json';

export type AdvisorySeverity = 'critical' | 'high' | 'moderate' | 'low';

/** Worst first. */
export const ADVISORY_SEVERITIES: readonly AdvisorySeverity[] = ['critical', 'high', 'moderate', 'low'];

/** One range of an advisory as the GitHub Advisory Database publishes it (`>=15.0.0 <15.2.3`), with its first fixed version. */
export interface AffectedRange {
  range: string;
  fixed: string;
}

/** A published advisory on a package's actions, Server Functions, route handlers or middleware (README.md beside the data says how it is kept). */
export interface Advisory {
  /** The GHSA id. */
  id: string;
  /** The CVE the advisory names, when it names one. */
  cve?: string;
  severity: AdvisorySeverity;
  summary: string;
  packages: string[];
  affected: AffectedRange[];
  url: string;
}

/** An advisory affecting a version, with the range of it that does. */
export interface AdvisoryMatch {
  advisory: Advisory;
  range: AffectedRange;
}

export const ADVISORIES: readonly Advisory[] = data as Advisory[];

// A canary or beta sorts below its release, and is in a range like any version: `15.2.3-canary.5` is below `15.2.3`.
const PRERELEASES = { includePrerelease: true };

/** The advisories whose affected ranges hold this version of the package. */
export function advisoriesAffecting(name: string, version: string, advisories: readonly Advisory[] = ADVISORIES): AdvisoryMatch[] {
  const matches: AdvisoryMatch[] = [];
  for (const advisory of advisories) {
    if (!advisory.packages.includes(name)) continue;
    const range = advisory.affected.find((r) => semver.satisfies(version, r.range, PRERELEASES));
    if (range) matches.push({ advisory, range });
  }
  return matches;
}

/**
 * The lowest version from `version` up that no advisory affects: each affecting range is left only at
 * its fixed version or above, and a fixed version can fall in another advisory's range, so it climbs
 * from fix to fix. `sameMajor` stays on the version's major, leaving out the ranges fixed only in a
 * later one. The version itself when nothing affects it.
 */
export function lowestClearVersion(name: string, version: string, sameMajor: boolean): string {
  const major = semver.major(version);
  let candidate = version;
  for (;;) {
    const fixes = advisoriesAffecting(name, candidate)
      .map((m) => m.range.fixed)
      .filter((fixed) => !sameMajor || semver.major(fixed) === major);
    if (fixes.length === 0) return candidate;
    candidate = fixes.reduce((a, b) => (semver.gt(a, b) ? a : b));
  }
}

/**
 * Where to upgrade a version that advisories affect: `sameMajor`, the lowest release of its major
 * clear of every advisory fixed there (null when none is), and `overall`, the lowest clear of all.
 */
export function advisedUpgrade(name: string, version: string): { sameMajor: string | null; overall: string } {
  const sameMajor = lowestClearVersion(name, version, true);
  return { sameMajor: sameMajor === version ? null : sameMajor, overall: lowestClearVersion(name, version, false) };
}
