import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import semver from 'semver';
import type { Analyzer } from '../../server/src/analysis/analyzer';
import { ADVISORIES, ADVISORY_SEVERITIES, advisedUpgrade, advisoriesAffecting } from '../../server/src/analysis/advisories/match-advisories';
import { buildRuleFix } from '../../server/src/analysis/fixes';
import { ruleFixOffers } from '../../server/src/analysis/fixes/rule-fix-offers';
import { VERSIONED_PACKAGES } from '../../server/src/analysis/project/package-versions';
import { DEFAULT_SETTINGS, type AdvisorSettings } from '../../server/src/analysis/settings';
import type { Finding } from '../../server/src/analysis/types';
import { NodeFileSystem } from '../../server/src/workspace/node-file-system';
import { analyzeFolder, FIXTURES } from '../support/analyze';

const RANGE = /^>=(\S+) <(\S+)$/;

/** The ids of the advisories affecting that version. */
const ids = (name: string, version: string): string[] => advisoriesAffecting(name, version).map((m) => m.advisory.id);

/**
 * A version just below `version`: the previous canary of a canary (`canary.58` below `canary.59`),
 * the previous patch of a release, a canary of an `X.Y.0` release, else the lowest prerelease of it
 * (`16.0.0-0` below `16.0.0-beta.0`). Which patch was the last one published is not knowable offline.
 */
function versionBelow(version: string): string {
  const v = semver.parse(version)!;
  const release = `${v.major}.${v.minor}.${v.patch}`;
  const last = v.prerelease.at(-1);
  if (typeof last === 'number' && last > 0) return `${release}-${[...v.prerelease.slice(0, -1), last - 1].join('.')}`;
  if (v.patch > 0) return `${v.major}.${v.minor}.${v.patch - 1}`;
  return v.prerelease.length === 0 ? `${release}-canary.0` : `${release}-0`;
}

describe('the advisories data file', () => {
  it('holds unique GHSA ids, CVE ids, severities, one-sentence summaries and advisory pages', () => {
    assert.equal(new Set(ADVISORIES.map((a) => a.id)).size, ADVISORIES.length);
    for (const a of ADVISORIES) {
      assert.match(a.id, /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/);
      if (a.cve !== undefined) assert.match(a.cve, /^CVE-\d{4}-\d{4,}$/, a.id);
      assert.ok(ADVISORY_SEVERITIES.includes(a.severity), a.id);
      assert.match(a.summary, /^[A-Z][^`]*\.$/, a.id);
      assert.doesNotMatch(a.summary.slice(0, -1), /\.\s/, `${a.id}: one sentence`);
      assert.match(a.url, new RegExp(`^https://github\\.com/[\\w.-]+/[\\w.-]+/security/advisories/${a.id}$`), a.id);
    }
  });

  it('names only the packages whose versions the app model reads', () => {
    for (const a of ADVISORIES) {
      assert.ok(a.packages.length > 0, a.id);
      for (const name of a.packages) assert.ok((VERSIONED_PACKAGES as readonly string[]).includes(name), `${a.id}: ${name}`);
    }
  });

  it('gives each range as >=introduced <fixed, in full versions, with its fixed version outside the advisory', () => {
    for (const a of ADVISORIES) {
      for (const { range, fixed } of a.affected) {
        const [, introduced, upper] = RANGE.exec(range) ?? assert.fail(`${a.id}: ${range}`);
        // A partial version (`>=19.0`) would widen to its prereleases: the data spells every version out.
        assert.ok(semver.valid(introduced!) && semver.valid(fixed), `${a.id}: ${range}`);
        assert.equal(upper, fixed, `${a.id}: ${range} is fixed in ${fixed}`);
        assert.ok(semver.lt(introduced!, fixed), `${a.id}: ${range}`);
        for (const name of a.packages) assert.ok(!ids(name, fixed).includes(a.id), `${a.id}: ${name} ${fixed}`);
      }
    }
  });

  it('keeps the ranges of one advisory apart', () => {
    for (const a of ADVISORIES) {
      const sorted = [...a.affected].sort((x, y) => semver.compare(RANGE.exec(x.range)![1]!, RANGE.exec(y.range)![1]!));
      for (let i = 1; i < sorted.length; i++) assert.ok(semver.lte(sorted[i - 1]!.fixed, RANGE.exec(sorted[i]!.range)![1]!), `${a.id}: ${sorted[i - 1]!.range} and ${sorted[i]!.range}`);
    }
  });
});

describe('the edges of every range', () => {
  for (const a of ADVISORIES) {
    for (const { range, fixed } of a.affected) {
      const introduced = RANGE.exec(range)![1]!;
      for (const name of a.packages) {
        it(`${a.id} affects ${name} ${introduced} and not ${versionBelow(introduced)}`, () => {
          assert.ok(ids(name, introduced).includes(a.id));
          assert.ok(!ids(name, versionBelow(introduced)).includes(a.id));
        });
        it(`${a.id} affects ${name} ${versionBelow(fixed)} and not ${fixed}`, () => {
          assert.ok(ids(name, versionBelow(fixed)).includes(a.id));
          assert.ok(!ids(name, fixed).includes(a.id));
        });
      }
    }
  }
});

describe('prereleases and canaries', () => {
  it('puts a canary below its release: 15.2.3-canary.5 has the middleware bypass that 15.2.3 fixed', () => {
    assert.ok(ids('next', '15.2.3-canary.5').includes('GHSA-f82v-jwr5-mffw'));
    assert.ok(!ids('next', '15.2.3-canary.5').includes('GHSA-223j-4rm8-mrmf'), 'the header leak came with 15.2.3 itself');
  });

  it('leaves out the canaries of a release a range starts at, unless the range names a canary', () => {
    assert.ok(!ids('next', '15.0.0-canary.5').includes('GHSA-f82v-jwr5-mffw'));
    assert.ok(ids('next', '15.0.0-canary.5').includes('GHSA-4342-x723-ch2f'));
    assert.ok(ids('next', '14.3.0-canary.77').includes('GHSA-9qr9-h5gf-34mp'));
    assert.ok(!ids('next', '14.3.0-canary.76').includes('GHSA-9qr9-h5gf-34mp'), 'the advisory names canary.76 as safe');
  });

  it('orders prerelease tags as semver does: a 16.0.0 canary is after 16.0.0-beta.0', () => {
    assert.ok(ids('next', '16.0.0-canary.3').includes('GHSA-w37m-7fhw-fmv9'));
    assert.ok(ids('next', '16.0.0-canary.3').includes('GHSA-9qr9-h5gf-34mp'));
  });

  it('reads React and Clerk prerelease tags as published', () => {
    assert.ok(ids('react-server-dom-webpack', '19.1.0-canary-7130d0c6-20241212').includes('GHSA-83fc-fqcc-2hmg'));
    assert.ok(ids('@clerk/nextjs', '6.0.0-snapshot.vb87a27f').includes('GHSA-vqx2-fgx2-5wq9'));
  });

  it('follows a range as published where it leaves a release out (15.1.0 is before 15.1.1-canary.0)', () => {
    assert.ok(!ids('next', '15.1.0').includes('GHSA-9qr9-h5gf-34mp'));
  });
});

describe('the advised upgrade', () => {
  it('climbs from fix to fix to the lowest release of the major that no advisory affects', () => {
    assert.deepEqual(advisedUpgrade('next', '15.1.5'), { sameMajor: '15.5.18', overall: '15.5.18' });
    assert.deepEqual(advisedUpgrade('next', '16.0.0-canary.3'), { sameMajor: '16.2.6', overall: '16.2.6' });
    assert.deepEqual(advisedUpgrade('react-server-dom-webpack', '19.0.0'), { sameMajor: '19.0.6', overall: '19.0.6' });
    assert.deepEqual(advisedUpgrade('react-server-dom-parcel', '19.1.1'), { sameMajor: '19.1.7', overall: '19.1.7' });
    assert.deepEqual(advisedUpgrade('@clerk/nextjs', '6.35.0'), { sameMajor: '6.39.2', overall: '6.39.2' });
    assert.deepEqual(advisedUpgrade('@clerk/nextjs', '4.20.0'), { sameMajor: '4.29.3', overall: '4.29.3' });
  });

  it('stays on a canary line for a canary', () => {
    assert.deepEqual(advisedUpgrade('next', '15.6.0-canary.10'), { sameMajor: '15.6.0-canary.61', overall: '15.6.0-canary.61' });
  });

  it('names a later major where the advisories have no fix on the installed one', () => {
    assert.deepEqual(advisedUpgrade('next', '14.2.20'), { sameMajor: '14.2.35', overall: '15.5.18' });
    assert.deepEqual(advisedUpgrade('next', '13.5.11'), { sameMajor: null, overall: '15.5.18' });
  });

  it('finds nothing to say about a version no advisory affects', () => {
    assert.deepEqual(ids('next', '16.4.6'), []);
    assert.deepEqual(ids('react', '19.0.0'), [], 'react itself is not where the Server Function advisories are');
  });
});

/** A workspace of one app with this package.json (and other files), analysed. */
function appWith(files: Record<string, string>, settings: Partial<AdvisorSettings> = {}): { root: string; findings: Finding[]; analyzer: Analyzer } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-advisory-')));
  for (const [file, text] of Object.entries({ 'next.config.js': 'module.exports = {}\n', 'app/page.tsx': 'export default function Page() {\n  return <p>Home</p>\n}\n', ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const { analyzer } = analyzeFolder(root, settings);
  const findings = analyzer.findings(path.join(root, 'package.json')).filter((f) => f.ruleId === 'next-advisory');
  return { root, findings, analyzer };
}

const manifest = (dependencies: Record<string, string>): string => `${JSON.stringify({ name: 'app', private: true, dependencies }, null, 2)}\n`;

describe('next-advisory on an app', () => {
  it('stays silent on a version nothing resolves: a range with no lockfile', () => {
    const { root, findings } = appWith({ 'package.json': manifest({ next: '^15.0.0', '@clerk/nextjs': '~6.35.0' }) });
    assert.deepEqual(findings, []);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('stays silent on a package that only the lockfile names', () => {
    const lock = { name: 'app', lockfileVersion: 3, packages: { '': { dependencies: { next: '16.4.6' } }, 'node_modules/next': { version: '16.4.6' }, 'node_modules/react-server-dom-webpack': { version: '19.2.0' } } };
    const { root, findings } = appWith({ 'package.json': manifest({ next: '16.4.6' }), 'package-lock.json': JSON.stringify(lock) });
    assert.deepEqual(findings, []);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is an error for a critical advisory and a warning otherwise, unless the rule has a severity set', () => {
    const files = { 'package.json': manifest({ next: '15.5.9', '@clerk/nextjs': '6.35.0' }) };
    const severities = (findings: Finding[]): string[] => findings.map((f) => `${f.message.split(' ')[0]} ${f.severity}`).sort();
    const byDefault = appWith(files);
    assert.deepEqual(severities(byDefault.findings), ['@clerk/nextjs error', 'next warning']);
    const configured = appWith(files, { rules: { 'next-advisory': 'info' } });
    assert.deepEqual(severities(configured.findings), ['@clerk/nextjs info', 'next info']);
    for (const { root } of [byDefault, configured]) fs.rmSync(root, { recursive: true, force: true });
  });

  it('says when no release of the installed major fixes them', () => {
    const { root, findings } = appWith({ 'package.json': manifest({ next: '13.5.11' }) });
    assert.match(findings[0]!.message, /None of them is fixed in a 13\.x release: the lowest release clear of every known advisory is 15\.5\.18, a new major\.$/);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('the upgrade fix', () => {
  const BAD = path.join(FIXTURES, 'rules', 'next-advisory', 'bad');
  const fixContext = (analyzer: Analyzer, finding: Finding) => ({ fs: new NodeFileSystem(), app: analyzer.index.appOf(finding.file)!, index: analyzer.index, settings: DEFAULT_SETTINGS });
  const offers = (analyzer: Analyzer, finding: Finding) => ruleFixOffers(finding, { index: analyzer.index, settings: DEFAULT_SETTINGS });

  it('keeps a caret or tilde range and pins a pinned version', () => {
    const { analyzer } = analyzeFolder(BAD);
    const edits = analyzer.index.apps.flatMap((app) =>
      analyzer.findings(app.manifest.path).filter((f) => f.ruleId === 'next-advisory').map((finding) => {
        const outcome = buildRuleFix({ fix: 'next-advisory/upgrade', finding }, fixContext(analyzer, finding));
        assert.ok(outcome.ok && outcome.changes[0]?.kind === 'edit', outcome.ok ? '' : outcome.reason);
        return `${path.basename(app.root)}: ${outcome.title} ${outcome.changes[0].edits.map((e) => e.newText).join()}`;
      }),
    );
    assert.deepEqual(edits.sort(), [
      'next14-npm: Upgrade next to 14.2.35 (then reinstall) "^14.2.35"',
      'next15-pinned: Upgrade next to 15.5.18 (then reinstall) "15.5.18"',
      'next15-pinned: Upgrade react-server-dom-webpack to 19.2.6 (then reinstall) "19.2.6"',
      'next15-pnpm: Upgrade next to 15.5.18 (then reinstall) "~15.5.18"',
      'next16-canary: Upgrade next to 16.2.6 (then reinstall) "16.2.6"',
      'next16-yarn: Upgrade @clerk/nextjs to 6.39.2 (then reinstall) "^6.39.2"',
      'next16-yarn: Upgrade next to 16.2.6 (then reinstall) "^16.2.6"',
    ]);
  });

  it('offers a new major, but not as the obvious fix nor in fix all', () => {
    const { root, analyzer, findings } = appWith({ 'package.json': manifest({ next: '13.5.11' }) });
    assert.deepEqual(offers(analyzer, findings[0]!), [{ fix: 'next-advisory/upgrade', title: 'Upgrade next to 15.5.18, a new major (then reinstall)', preferred: false, local: false }]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists the bump disabled for a range wider than one version, and refuses it alike', () => {
    const lock = { name: 'app', lockfileVersion: 3, packages: { '': { dependencies: { next: '15.x' } }, 'node_modules/next': { version: '15.2.2' } } };
    const { root, analyzer, findings } = appWith({ 'package.json': manifest({ next: '15.x' }), 'package-lock.json': JSON.stringify(lock) });
    const reason = 'package.json asks for next 15.x, not one version: write 15.5.18 there by hand, then reinstall.';
    assert.equal(offers(analyzer, findings[0]!)[0]?.disabled, reason);
    assert.deepEqual(buildRuleFix({ fix: 'next-advisory/upgrade', finding: findings[0]! }, fixContext(analyzer, findings[0]!)), { ok: false, reason });
    fs.rmSync(root, { recursive: true, force: true });
  });
});
