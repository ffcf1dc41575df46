import type { UsageContext } from '../../facts/file-facts';
import { relativePath } from '../../project/paths';
import { definitionKey, type ActionDef, type ProjectIndex } from '../../project/project-index';
import type { Finding } from '../../types';
import type { OfferFixes, RuleFixOffer } from '../rule-fix';

/** Where a Server Component may use a plain server function as it used the action: by calling it. */
const SERVER_CALLS = new Set<UsageContext>(['render', 'call']);

/**
 * A read that only the server calls (or nothing does) leaves its `'use server'` module, so that it is
 * no public endpoint; one that client components call becomes a GET route they fetch.
 */
export const offerActionUsedForRead: OfferFixes = (finding, { index }) => {
  const action = index.actionsIn(finding.file).find((a) => a.span.start === finding.span.start && a.span.end === finding.span.end);
  if (!action || action.kind !== 'module' || action.name === 'default') return [];
  const usages = index.usagesOf(action.key);
  if (usages.every((u) => !index.runsInBrowser(u.file) && SERVER_CALLS.has(u.usage.context))) {
    return [{ fix: 'action-used-for-read/move-to-server-module', title: `Move "${action.name}" to a module without 'use server', called directly on the server`, preferred: true, local: false }];
  }
  return [readRouteOffer('action-used-for-read', index, action)];
};

/**
 * The conversion of a read to a GET route that its client components fetch: listed disabled when
 * server code calls it too, where fetching the app's own route would be a needless round trip.
 */
export function readRouteOffer(rule: string, index: ProjectIndex, action: ActionDef): RuleFixOffer {
  const onServer = index.usagesOf(action.key).find((u) => !index.runsInBrowser(u.file));
  const app = index.appOf(action.file);
  const disabled = onServer
    ? `"${action.name}" is also used on the server (${app ? relativePath(app.root, onServer.file) : onServer.file}), which would fetch the app's own route: call the data layer there first.`
    : action.kind !== 'module'
      ? `"${action.name}" is written inline in a component: move it to a 'use server' module first.`
      : undefined;
  return { fix: `${rule}/to-get-route`, title: `Convert "${action.name}" to a GET route handler that its client components fetch`, preferred: true, local: false, ...(disabled ? { disabled } : {}) };
}

/** The action a finding of `action-called-in-effect` is about, as the rule resolved it from the call. */
export function actionCalledAt(index: ProjectIndex, finding: Finding): ActionDef | null {
  const usage = index.facts(finding.file)?.usages.find((u) => u.span.start === finding.span.start && u.span.end === finding.span.end);
  const definition = usage && index.resolveLocal(finding.file, usage.name);
  return (definition && index.actionsIn(definition.file).find((a) => a.key === definitionKey(definition))) ?? null;
}
