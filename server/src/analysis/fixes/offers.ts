import { Behaviour } from '../behaviour';
import { endpointAt } from '../endpoint-at';
import type { ProjectIndex } from '../project/project-index';
import type { AdvisorSettings } from '../settings';
import { vocabularyFor } from '../vocabulary';
import type { RefactorKind } from './refactor';

/** A refactor that applies at a place, listed without building it (no ts-morph here). */
export interface RefactorOffer {
  kind: RefactorKind;
  title: string;
  /** `refactor.extract`, `refactor.rewrite`. */
  codeActionKind: string;
  /** The start of the function it works on, where the request points. */
  offset: number;
  /** Findings whose remedy it is: offered as their quick fix too. */
  remedies: string[];
}

/** Methods a form or a button sends: an action can take their place. */
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Rules whose remedy is to receive the call in a Route Handler. */
const ROUTE_REMEDIES = ['action-as-webhook', 'action-large-upload', 'action-http-semantics', 'action-generic-rpc'];

/** The refactors of the innermost action or route handler holding `offset`. */
export function refactorOffers(index: ProjectIndex, settings: AdvisorSettings, file: string, offset: number): RefactorOffer[] {
  const target = endpointAt(index, file, offset);
  const facts = index.facts(file);
  if (!target || !facts) return [];
  const offers: RefactorOffer[] = [];
  const behaviour = new Behaviour(index, vocabularyFor(settings));
  const touchesData = behaviour.dataOperations(facts, target.fn).length > 0;
  const named = target.action ? `"${target.action.name}"` : 'this handler';
  if (touchesData) offers.push({ kind: 'extract-service', title: `Extract the data logic of ${named} to a service`, codeActionKind: 'refactor.extract', offset: target.fn.span.start, remedies: ['logic-in-transport'] });
  if (target.action?.kind === 'module') {
    const usages = index.usagesOf(target.action.key);
    const called = usages.length > 0;
    if (!called) offers.push({ kind: 'to-route', title: `Convert ${named} to a route handler`, codeActionKind: 'refactor.rewrite', offset: target.fn.span.start, remedies: ROUTE_REMEDIES });
    offers.push({ kind: 'to-route-keep-action', title: `Convert ${named} to a route handler, keeping the action`, codeActionKind: 'refactor.rewrite', offset: target.fn.span.start, remedies: called ? ROUTE_REMEDIES : [] });
    // Client components can fetch the route instead (a Server Component would fetch its own app), unless the action navigates.
    const fetchable = usages.every((u) => u.file !== file && index.facts(u.file)?.directive === 'use client') && behaviour.navigationCalls(facts, target.fn).length === 0;
    if (called && fetchable) {
      offers.push({ kind: 'to-route-rewrite-callers', title: `Convert ${named} to a route handler that its callers fetch`, codeActionKind: 'refactor.rewrite', offset: target.fn.span.start, remedies: [] });
    }
  }
  if (target.route && target.route.url.router === 'app' && MUTATING.has(target.route.method) && index.fetchesOf(target.route.key).length > 0) {
    const shown = `${target.route.method} ${target.route.url.pattern}`;
    offers.push({ kind: 'to-action', title: `Convert ${shown} to a server action, keeping the route`, codeActionKind: 'refactor.rewrite', offset: target.fn.span.start, remedies: ['route-only-own-ui-mutation'] });
    if (index.routesIn(file).length === 1) offers.push({ kind: 'to-action-remove-route', title: `Convert ${shown} to a server action, removing the route`, codeActionKind: 'refactor.rewrite', offset: target.fn.span.start, remedies: ['route-only-own-ui-mutation'] });
  }
  return offers;
}
