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
  /** What the rule is based on: the framework's docs and advisories it follows. */
  sources?: { title: string; url: string }[];
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

/** What a rule about the app itself (its dependencies) reads; its findings are on the app's package.json. */
export interface AppRuleContext {
  app: AppInfo;
  index: ProjectIndex;
  /** `severity`, this finding's own (a critical advisory's), stands where the user has not set the rule's. */
  report(span: Span, message: string, related?: RelatedLocation[], severity?: Severity): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs on each source file. */
  check?(context: RuleContext): void;
  /** Runs on each app's package.json. */
  checkApp?(context: AppRuleContext): void;
}
