import type { RefactorKind } from '../fixes/refactor';
import type { Decision } from './decide';
import type { Reason } from './recommend';

/** A reason as the wire carries it: with the address of its rule's page. */
export interface ReasonJson extends Reason {
  docs: string | null;
}

/** The decision as `decide --format json` prints it and `nextActionAdvisor/decide` answers it, files as `shown` gives them. */
export interface DecisionJson {
  target: { kind: 'action' | 'route'; name: string; file: string; line: number } | null;
  questions: { id: string; title: string; options: { value: string; label: string; detail: string }[]; answer: string | null; inferred: { value: string; evidence: { file: string; line: number; what: string }[] } | null }[];
  recommendation: { choice: string; title: string; reasons: ReasonJson[]; caveats: ReasonJson[]; otherChoice: string } | null;
  refactor: { kind: RefactorKind; title: string } | null;
}

export function decisionJson(decision: Decision, docsUrl: (rule: string) => string, shown: (file: string) => string): DecisionJson {
  const withDocs = (r: Reason): ReasonJson => ({ ...r, docs: r.rule ? docsUrl(r.rule) : null });
  const { target, recommendation, refactor } = decision;
  return {
    target: target && { ...target, file: shown(target.file) },
    questions: decision.questions.map((q) => ({
      id: q.id,
      title: q.title,
      options: q.options,
      answer: q.answer,
      inferred: q.inferred && { value: q.inferred.value, evidence: q.inferred.evidence.map((e) => ({ ...e, file: shown(e.file) })) },
    })),
    recommendation: recommendation && { ...recommendation, reasons: recommendation.reasons.map(withDocs), caveats: recommendation.caveats.map(withDocs) },
    refactor: refactor && { kind: refactor.kind, title: refactor.title },
  };
}
