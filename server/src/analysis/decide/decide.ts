import { endpointAt } from '../endpoint-at';
import { refactorOffers, type RefactorOffer } from '../fixes/offers';
import type { RefactorKind } from '../fixes/refactor';
import type { ProjectIndex } from '../project/project-index';
import type { AdvisorSettings } from '../settings';
import { vocabularyFor } from '../vocabulary';
import { inferAnswers, lineOf, type InferredAnswer } from './infer';
import { QUESTIONS, questionsFor, validAnswers, type Answers, type Question } from './questions';
import { recommend, type Choice, type Recommendation } from './recommend';

export interface DecideRequest {
  /** The function under the cursor, when there is one. */
  file?: string;
  offset?: number;
  /** Answers given so far; they override what the code shows. */
  answers?: Answers;
}

export interface DecideQuestion extends Question {
  answer: string | null;
  /** What the code shows for it, when it shows something. */
  inferred: InferredAnswer | null;
}

export interface Decision {
  target: { kind: 'action' | 'route'; name: string; file: string; line: number } | null;
  /** The questions these answers lead to, in order. */
  questions: DecideQuestion[];
  answers: Answers;
  /** Once every question has an answer. */
  recommendation: Recommendation | null;
  /** The refactor that makes the code what is recommended, when it is something else. */
  refactor: RefactorOffer | null;
}

/** The refactors that turn what the code is into each choice, preferred first. */
const REFACTORS: Record<'action' | 'route', Partial<Record<Choice, RefactorKind[]>>> = {
  action: { 'route-handler': ['to-route', 'to-route-keep-action', 'to-route-rewrite-callers'], both: ['to-route-keep-action'] },
  route: { 'server-action': ['to-action'], both: ['extract-service'] },
};

/** "Server Action or Route Handler?": the questions, the answers the code gives, and the recommendation once all are answered. */
export function decide(index: ProjectIndex, settings: AdvisorSettings, request: DecideRequest): Decision {
  const at = request.file !== undefined && request.offset !== undefined ? endpointAt(index, request.file, request.offset) : null;
  const inferred = at && request.file ? inferAnswers(index, vocabularyFor(settings), request.file, at) : [];
  const answers = validAnswers({ ...Object.fromEntries(inferred.map((i) => [i.question, i.value])), ...request.answers });
  const ids = questionsFor(answers);
  const questions = ids.map((id) => ({ ...QUESTIONS[id], answer: answers[id] ?? null, inferred: inferred.find((i) => i.question === id) ?? null }));
  const complete = questions.every((q) => q.answer !== null);
  const app = request.file ? index.appOf(request.file) : undefined;
  const recommendation = complete ? recommend(answers, app?.bodySizeLimit) : null;
  const target = at && request.file ? { kind: at.action ? ('action' as const) : ('route' as const), name: at.action ? at.action.name : at.route.method, file: request.file, line: lineOf(index, request.file, at.fn.span.start) } : null;
  let refactor: RefactorOffer | null = null;
  if (target && recommendation && request.file) {
    const wanted = REFACTORS[target.kind][recommendation.choice] ?? [];
    const offers = refactorOffers(index, settings, request.file, at!.fn.span.start);
    refactor = wanted.map((kind) => offers.find((o) => o.kind === kind)).find((o) => o !== undefined) ?? null;
  }
  return { target, questions, answers, recommendation, refactor };
}
