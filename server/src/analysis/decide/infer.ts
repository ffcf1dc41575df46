import { Behaviour } from '../behaviour';
import type { EndpointAt } from '../endpoint-at';
import type { UsageContext } from '../facts/file-facts';
import type { Span } from '../types';
import type { ProjectIndex } from '../project/project-index';
import type { Vocabulary } from '../vocabulary';
import type { QuestionId } from './questions';

/** Where the code shows an answer: a file, a 1-based line, and what is there. */
export interface Evidence {
  file: string;
  line: number;
  what: string;
}

export interface InferredAnswer {
  question: QuestionId;
  value: string;
  evidence: Evidence[];
}

/** How the app's code reaches an action, as the evidence says it. */
const HOW_CALLED: Partial<Record<UsageContext, string>> = {
  'form-action': 'a form of this app submits to it',
  'action-state': 'a form of this app submits to it',
  effect: 'this app calls it in an effect',
  'event-handler': 'this app calls it from an event handler',
  transition: 'this app calls it in a transition',
  'query-fn': 'this app calls it as a query function',
  render: 'this app calls it while rendering',
};

/** At most this many places are shown for one answer. */
const SHOWN = 3;

/**
 * The answers the code gives for the action or route handler under the cursor: who calls it (the
 * app's own callers, a webhook's signature headers, a token or CORS for other clients), what it
 * does (file inputs, streams, writes, reads), whether it sets status codes or headers, whether a
 * form binds it and whether it sets cache headers. Each with the places that show it.
 */
export function inferAnswers(index: ProjectIndex, vocabulary: Vocabulary, file: string, at: EndpointAt): InferredAnswer[] {
  const facts = index.facts(file);
  if (!facts) return [];
  const behaviour = new Behaviour(index, vocabulary);
  const { fn } = at;
  const here = (span: Span, what: string): Evidence => evidenceAt(index, file, span, what);
  const out: InferredAnswer[] = [];
  const answer = (question: QuestionId, value: string, evidence: Evidence[]): void => void out.push({ question, value, evidence: evidence.slice(0, SHOWN) });

  // The app's own callers, read once: a reference to the action, or a fetch of the route.
  const usages = at.action ? index.usagesOf(at.action.key) : [];
  const fetches = at.route ? index.fetchesOf(at.route.key) : [];

  // Who calls it.
  const webhook = behaviour.webhookSignal(fn);
  const external = [
    ...fn.headerReads.filter((h) => vocabulary.credentialHeaders.has(h.name)).map((h) => here(h.span, `reads the \`${h.name}\` header`)),
    ...fn.headerWrites.filter((h) => vocabulary.corsHeaders.has(h.name)).map((h) => here(h.span, `sets \`${h.name}\``)),
  ];
  const own = at.action
    ? usages.map((u) => evidenceAt(index, u.file, u.usage.span, HOW_CALLED[u.usage.context] ?? 'this app calls it'))
    : fetches.map((f) => evidenceAt(index, f.file, f.fetch.span, 'this app fetches it'));
  if (webhook) answer('callers', 'webhook', [here(webhook.span, webhook.header ? `reads the \`${webhook.header}\` header` : 'verifies a webhook signature')]);
  else if (external.length > 0) answer('callers', own.length > 0 ? 'own-ui-and-others' : 'external-client', [...own, ...external]);
  else if (own.length > 0) answer('callers', 'own-ui', own);

  // What it does.
  const files = [...fn.fileUses.map((span) => here(span, 'handles a file')), ...usages.filter((u) => u.usage.formHasFileInput).map((u) => evidenceAt(index, u.file, u.usage.span, 'its form has a file input'))];
  const streams = fn.constructs.filter((c) => vocabulary.streams.has(c.name)).map((c) => here(c.span, `builds a \`${c.name}\``));
  const writes = behaviour.writes(facts, fn);
  if (files.length > 0) answer('operation', 'upload', files);
  else if (streams.length > 0) answer('operation', 'stream', streams);
  else if (writes.length > 0) answer('operation', 'mutation', writes.map((w) => here(w.span, `writes: \`${w.label}\``)));
  else if (at.route && (at.route.method === 'GET' || at.route.method === 'HEAD')) answer('operation', 'read', [here(fn.span, `answers ${at.route.method} and writes nothing`)]);
  else if (behaviour.onlyReads(facts, fn)) answer('operation', 'read', behaviour.reads(facts, fn).map((e) => here(e.span, `reads: \`${e.label}\``)));

  // How much it receives: no file and plain parameters is a small body.
  if (files.length === 0 && !fn.params.some((p) => p.type === 'file')) {
    answer('payload', 'small', [here(fn.span, 'receives fields, no file')]);
  }

  // How it answers: headers only HTTP carries; status codes alone say what a returned value can say.
  const headers = fn.headerWrites.filter((h) => !vocabulary.corsHeaders.has(h.name) && !vocabulary.cacheHeaders.has(h.name)).map((h) => here(h.span, `sets \`${h.name}\``));
  const statuses = [...new Set(fn.returns.filter((ret) => ret.kind === 'response' && ret.status !== null && ret.status > 0).map((ret) => ret.status))];
  if (headers.length > 0) answer('httpControl', 'yes', headers);
  else if (at.action) answer('httpControl', 'no', [here(fn.span, 'returns values, no status codes or headers')]);
  else answer('httpControl', 'no', [here(fn.span, statuses.length > 0 ? `its statuses (${statuses.join(', ')}) say what a returned value can say, and it sets no headers` : 'answers 200 and sets no headers')]);
  const cached = fn.headerWrites.filter((h) => vocabulary.cacheHeaders.has(h.name)).map((h) => here(h.span, `sets \`${h.name}\``));
  if (cached.length > 0) answer('cdnCache', 'yes', cached);
  else answer('cdnCache', 'no', [here(fn.span, at.action ? 'a Server Action is never cached, and nothing here asks to be' : 'sets no cache headers')]);
  // How the app calls it: a bound form submits without JavaScript; a call in a handler needs it already.
  const callers = [...usages.map((u) => ({ file: u.file, span: u.usage.span, form: u.usage.context === 'form-action' || u.usage.context === 'action-state' })), ...fetches.map((f) => ({ file: f.file, span: f.fetch.span, form: false }))];
  const forms = callers.filter((c) => c.form).map((c) => evidenceAt(index, c.file, c.span, 'a form binds it: it submits before JavaScript loads'));
  if (forms.length > 0) answer('noJavaScript', 'yes', forms);
  else if (callers.length > 0) answer('noJavaScript', 'no', callers.map((c) => evidenceAt(index, c.file, c.span, 'called from script: it needs JavaScript already')));
  const optimistic = callers.filter((c) => index.facts(c.file)?.imports.some((i) => i.specifier === 'react' && i.bindings.some((b) => b.imported === 'useOptimistic')));
  if (optimistic.length > 0) answer('optimistic', 'yes', optimistic.map((c) => evidenceAt(index, c.file, c.span, 'its caller uses `useOptimistic`')));
  else if (callers.length > 0) answer('optimistic', 'no', callers.map((c) => evidenceAt(index, c.file, c.span, 'its caller waits for the answer (no `useOptimistic`)')));
  return out;
}

function evidenceAt(index: ProjectIndex, file: string, span: Span, what: string): Evidence {
  return { file, line: lineOf(index, file, span.start), what };
}

/** The 1-based line of an offset in a file of the index. */
export function lineOf(index: ProjectIndex, file: string, offset: number): number {
  return (index.facts(file)?.lineStarts ?? [0]).findLastIndex((s) => s <= offset) + 1;
}
