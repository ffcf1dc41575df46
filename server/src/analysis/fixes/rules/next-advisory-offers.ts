import { advisedUpgrade } from '../../advisories/match-advisories';
import type { DependencyVersion } from '../../project/package-versions';
import type { ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes } from '../rule-fix';

/** The upgrade a finding calls for: the dependency, the version to reach, and the range package.json gets for it. */
export interface AdvisedBump {
  dependency: DependencyVersion & { range: string };
  target: string;
  /** The target is on the installed major: no migration, so the fix is the obvious one. */
  sameMajor: boolean;
  /** Null when package.json asks for more than one version (`15.x`, `>=15`): the user's to rewrite. */
  newRange: string | null;
}

/** The bump of the dependency reported at the finding, as the app's versions say now; null when nothing calls for one. */
export function bumpAt(index: ProjectIndex, finding: Finding): AdvisedBump | null {
  const app = index.appOfManifest(finding.file);
  const dependency = app && Object.values(app.versions).find((d) => d.span?.start === finding.span.start && d.span.end === finding.span.end);
  if (!dependency?.version || dependency.range === null) return null;
  const { sameMajor, overall } = advisedUpgrade(dependency.name, dependency.version);
  const target = sameMajor ?? overall;
  if (target === dependency.version) return null;
  // A caret range stays a caret range, a tilde one a tilde one, a pin a pin.
  const single = /^([\^~]?)\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/.exec(dependency.range);
  return { dependency: { ...dependency, range: dependency.range }, target, sameMajor: sameMajor !== null, newRange: single ? `${single[1]}${target}` : null };
}

/** `Upgrade next to 15.5.18 (then reinstall)`. */
export function bumpTitle(bump: AdvisedBump): string {
  return `Upgrade ${bump.dependency.name} to ${bump.target}${bump.sameMajor ? '' : ', a new major'} (then reinstall)`;
}

export function wideRangeReason(bump: AdvisedBump): string {
  return `package.json asks for ${bump.dependency.name} ${bump.dependency.range}, not one version: write ${bump.target} there by hand, then reinstall.`;
}

/** A bump on the installed major is the one obvious fix; one to a new major is the user's call (code may need migrating). */
export const offerNextAdvisory: OfferFixes = (finding, { index }) => {
  const bump = bumpAt(index, finding);
  if (!bump) return [];
  const offer = { fix: 'next-advisory/upgrade', title: bumpTitle(bump), preferred: bump.sameMajor, local: bump.sameMajor };
  return [bump.newRange === null ? { ...offer, preferred: false, local: false, disabled: wideRangeReason(bump) } : offer];
};
