import semver from 'semver';
import { ADVISORIES, ADVISORY_SEVERITIES, advisedUpgrade, advisoriesAffecting, type AdvisoryMatch } from '../advisories/match-advisories';
import type { DependencyVersion } from '../project/package-versions';
import type { Rule } from './rule';

const DATA = '../../server/src/analysis/advisories';

export const rule: Rule = {
  meta: {
    id: 'next-advisory',
    defaultSeverity: 'warning',
    title: 'The installed next, react-server-dom-* or @clerk/nextjs version has a security advisory on actions, route handlers or middleware',
    why: 'A published advisory on Server Actions, Server Functions, route handlers or middleware tells anyone how to attack the versions it names, and scanners look for those versions. The advisories come from the GitHub Advisory Database and are kept in the repository: nothing is fetched. The version is the one the lockfile (npm, pnpm, yarn, bun) installs, or an exact version in `package.json`; a range alone (`^15.0.0`) says nothing about what is installed, so it is not reported. A critical advisory is an error, unless the rule\'s severity is set; the others are warnings.',
    fix: 'Upgrade to the release the message names, the lowest on your major that no known advisory affects, and reinstall so that the lockfile follows: the quick fix edits the version in `package.json`. When an advisory has no fix on your major (several have none on Next.js 13 and 14), the message names the first release that has one. JSON has no comments, so a finding here is silenced by the rule\'s severity, not by a disable comment.',
    bad: '// package.json (pnpm-lock.yaml installs next 15.2.2)\n{\n  "dependencies": {\n    "next": "~15.2.0"\n  }\n}',
    good: '// package.json (pnpm-lock.yaml installs next 15.5.18)\n{\n  "dependencies": {\n    "next": "~15.5.18"\n  }\n}',
    sources: [
      { title: 'advisories.json: the advisories the rule knows, from the GitHub Advisory Database', url: `${DATA}/advisories.json` },
      { title: 'How that file is kept up to date, and which advisories are in scope', url: `${DATA}/README.md` },
      ...ADVISORIES.map((a) => ({ title: `${a.id}${a.cve ? ` (${a.cve})` : ''}, ${a.severity}, ${a.packages.join(', ')}: ${a.summary}`, url: a.url })),
    ],
  },
  checkApp(context) {
    // A folder with a next.config but no router folder (a Storybook, a package of shared config) serves nothing.
    if (context.app.appDirs.length === 0 && context.app.pagesDirs.length === 0) return;
    for (const dependency of Object.values(context.app.versions)) {
      // An unknown version is no evidence. A package that only the lockfile names has no line of the app's to change.
      if (!dependency.version || !dependency.span) continue;
      const matches = advisoriesAffecting(dependency.name, dependency.version);
      if (matches.length === 0) continue;
      const critical = matches.some((m) => m.advisory.severity === 'critical');
      context.report(dependency.span, advisoryMessage(dependency, dependency.version, matches), [], critical ? 'error' : 'warning');
    }
  },
};

function advisoryMessage(dependency: DependencyVersion, version: string, matches: AdvisoryMatch[]): string {
  const sorted = [...matches].sort(bySeverity);
  const worst = sorted[0]!.advisory.severity;
  const count = sorted.length === 1 ? `a ${worst === 'critical' ? 'critical' : `${worst}-severity`} security advisory` : `${sorted.length} security advisories, the worst ${worst}`;
  const origin = dependency.source === 'package.json' ? 'package.json pins that version' : `${dependency.source} installs that version`;
  const groups = ADVISORY_SEVERITIES.flatMap((severity) => {
    const named = sorted.filter((m) => m.advisory.severity === severity).map(({ advisory }) => (advisory.cve ? `${advisory.id} (${advisory.cve})` : advisory.id));
    return named.length === 0 ? [] : [`${severity[0]!.toUpperCase()}${severity.slice(1)}: ${named.join(', ')}.`];
  });
  return `${dependency.name} ${version} is affected by ${count}. ${origin}, and the advisories are public, on what any client can reach (Server Functions, route handlers, middleware). ${groups.join(' ')} ${upgradeAdvice(dependency.name, version)}`;
}

function upgradeAdvice(name: string, version: string): string {
  const major = semver.major(version);
  const { sameMajor, overall } = advisedUpgrade(name, version);
  if (sameMajor === overall) return `Upgrade to ${overall} and reinstall: it is the lowest ${major}.x release that no known advisory affects.`;
  const later = `the lowest release clear of every known advisory is ${overall}, a new major.`;
  if (sameMajor === null) return `None of them is fixed in a ${major}.x release: ${later}`;
  const left = advisoriesAffecting(name, sameMajor).sort(bySeverity).map((m) => m.advisory.id);
  return `Upgrade to ${sameMajor} and reinstall: it is the lowest ${major}.x release clear of every advisory fixed in ${major}.x. ${left.join(', ')} still ${left.length === 1 ? 'affects' : 'affect'} it, with no ${major}.x fix: ${later}`;
}

/** Worst first, then by id. */
function bySeverity(a: AdvisoryMatch, b: AdvisoryMatch): number {
  return ADVISORY_SEVERITIES.indexOf(a.advisory.severity) - ADVISORY_SEVERITIES.indexOf(b.advisory.severity) || a.advisory.id.localeCompare(b.advisory.id);
}
