import type { Behaviour } from '../behaviour';
import type { FileFacts } from '../facts/file-facts';
import type { AppInfo } from '../project/app-locator';
import type { ActionDef, ProjectIndex, RouteDef } from '../project/project-index';
import type { RelatedLocation, Severity, Span } from '../types';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  title: string;
  /** Why the pattern costs something, in a sentence or two. */
  why: string;
  /** What to do instead. */
  fix: string;
  bad: string;
  good: string;
  /** Why the default severity is lower than the pattern deserves: what `npm run eval` measured on real apps. */
  accuracy?: string;
}

export interface RuleContext {
  file: FileFacts;
  app: AppInfo | null;
  index: ProjectIndex;
  behaviour: Behaviour;
  actions: ActionDef[];
  routes: RouteDef[];
  report(span: Span, message: string, related?: RelatedLocation[]): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
