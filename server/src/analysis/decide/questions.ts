/**
 * The questions of "Server Action or Route Handler?": only those the rules turn on, each asked only
 * when its answer can still change the recommendation or its reasons.
 */
export type QuestionId = 'callers' | 'operation' | 'payload' | 'httpControl' | 'noJavaScript' | 'optimistic' | 'cdnCache';

export type Answers = Partial<Record<QuestionId, string>>;

export interface Option {
  value: string;
  label: string;
  detail: string;
}

export interface Question {
  id: QuestionId;
  title: string;
  options: Option[];
}

const yesNo = (yes: string, no: string): Option[] => [
  { value: 'yes', label: 'Yes', detail: yes },
  { value: 'no', label: 'No', detail: no },
];

export const QUESTIONS: Record<QuestionId, Question> = {
  callers: {
    id: 'callers',
    title: 'Who calls it?',
    options: [
      { value: 'own-ui', label: "This app's UI", detail: 'Its own forms, buttons and client components' },
      { value: 'own-ui-and-others', label: "This app's UI and other clients", detail: 'A mobile app, a CLI or a partner as well' },
      { value: 'webhook', label: 'A third party or webhook sender', detail: 'Stripe, GitHub, Clerk… posting events' },
      { value: 'external-client', label: 'A mobile or other non-Next client', detail: 'Anything that is not this app' },
      { value: 'cron', label: 'A cron job', detail: 'A scheduler calling a URL' },
    ],
  },
  operation: {
    id: 'operation',
    title: 'What does it do?',
    options: [
      { value: 'mutation', label: 'Changes data', detail: 'Create, update, delete' },
      { value: 'read', label: 'Reads data', detail: 'Lists, details, search' },
      { value: 'upload', label: 'Receives a file', detail: 'Images, documents, imports' },
      { value: 'stream', label: 'Streams', detail: 'Server-sent events, a streamed response' },
    ],
  },
  payload: {
    id: 'payload',
    title: 'How large is what it receives?',
    options: [
      { value: 'small', label: 'Small', detail: 'Form fields, JSON under the body size limit' },
      { value: 'large', label: 'Large', detail: 'Over the Server Actions body size limit (1 MB by default)' },
    ],
  },
  httpControl: {
    id: 'httpControl',
    title: 'Must the caller get exact status codes or headers?',
    options: yesNo('It relies on 201, 404, 409 or on response headers', 'A returned value is enough'),
  },
  noJavaScript: {
    id: 'noJavaScript',
    title: 'Must it work before JavaScript has loaded?',
    options: yesNo('A plain form submission must work', 'The page is interactive anyway'),
  },
  optimistic: {
    id: 'optimistic',
    title: 'Does the UI show the change before the server confirms it?',
    options: yesNo('Optimistic UI', 'It waits for the answer'),
  },
  cdnCache: {
    id: 'cdnCache',
    title: 'Should the answer be cached at the CDN?',
    options: yesNo('Shared by many users, cached by URL', 'Per user, or always fresh'),
  },
};

const ORDER: QuestionId[] = ['callers', 'operation', 'payload', 'httpControl', 'noJavaScript', 'optimistic', 'cdnCache'];

/** Whether a question can still change the outcome, given the answers before it. */
function asked(id: QuestionId, a: Answers): boolean {
  const ownUi = a.callers === 'own-ui';
  switch (id) {
    case 'callers':
      return true;
    // A webhook is received by a route whatever it does.
    case 'operation':
      return a.callers !== 'webhook';
    case 'payload':
      return a.operation === 'mutation' && (ownUi || a.callers === 'own-ui-and-others');
    case 'httpControl':
      return a.operation === 'mutation' && ownUi && a.payload === 'small';
    case 'noJavaScript':
    case 'optimistic':
      return a.operation === 'mutation' && ownUi && a.payload === 'small' && a.httpControl === 'no';
    case 'cdnCache':
      return a.operation === 'read' && a.callers !== 'webhook';
  }
}

/** The questions asked for these answers, in order: those answered, then those still open. */
export function questionsFor(answers: Answers): QuestionId[] {
  const out: QuestionId[] = [];
  const so: Answers = {};
  for (const id of ORDER) {
    if (!asked(id, so)) continue;
    out.push(id);
    // Later questions depend on this answer; while it is open, count them as its first option would.
    so[id] = answers[id] ?? QUESTIONS[id].options[0]!.value;
  }
  return out;
}

/** The answers that stand: known values of questions that are asked, in order. */
export function validAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const id of ORDER) {
    const value = answers[id];
    if (value === undefined || !asked(id, out)) continue;
    if (!QUESTIONS[id].options.some((o) => o.value === value)) continue;
    out[id] = value;
  }
  return out;
}

/** Why an answer cannot be taken (an unknown question, or a value it does not offer); null when it can. */
export function answerProblem(id: string, value: string | undefined): string | null {
  const known = Object.keys(QUESTIONS).join(', ');
  if (!Object.hasOwn(QUESTIONS, id)) return `there is no question ${id}: the questions are ${known}`;
  const question = QUESTIONS[id as QuestionId];
  return question.options.some((o) => o.value === value) ? null : `${id} takes ${question.options.map((o) => o.value).join(', ')}, not ${value ?? 'nothing'}`;
}
