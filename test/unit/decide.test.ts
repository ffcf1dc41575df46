import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { QUESTIONS, questionsFor, validAnswers, type Answers } from '../../server/src/analysis/decide/questions';
import { recommend, type Recommendation } from '../../server/src/analysis/decide/recommend';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every complete set of answers the questions lead to, each question answered in each of its ways. */
function allPaths(answers: Answers = {}): Answers[] {
  const open = questionsFor(answers).find((id) => answers[id] === undefined);
  if (!open) return [answers];
  return QUESTIONS[open].options.flatMap((o) => allPaths(validAnswers({ ...answers, [open]: o.value })));
}

/** `answers` with the questions it now leads to answered by their first option. */
function completed(answers: Answers): Answers {
  const open = questionsFor(answers).find((id) => answers[id] === undefined);
  return open ? completed(validAnswers({ ...answers, [open]: QUESTIONS[open].options[0]!.value })) : answers;
}

const summary = (r: Recommendation): string => `${r.choice}: ${r.reasons.map((x) => x.rule ?? x.text.slice(0, 30)).join(', ')}`;
const reasonsOf = (r: Recommendation): string => `${r.choice}: ${r.reasons.map((x) => x.text).join(' ')}`;
const key = (a: Answers): string => questionsFor(a).map((id) => `${id}=${a[id]}`).join(' ');

describe('the decision: Server Action or Route Handler?', () => {
  const paths = allPaths();

  it('gives a recommendation with reasons and caveats on every path, citing only rules that have a page', () => {
    assert.equal(paths.length, 27);
    const rules = new Set(fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => f.replace(/\.md$/, '')));
    for (const answers of paths) {
      const r = recommend(answers);
      assert.ok(r.reasons.length > 0 && r.caveats.length > 0 && r.otherChoice.length > 0, key(answers));
      for (const reason of [...r.reasons, ...r.caveats]) assert.ok(reason.rule === null || rules.has(reason.rule), `${reason.rule} has a page`);
    }
  });

  it('recommends exactly this on each path', () => {
    const table = Object.fromEntries(paths.map((a) => [key(a), summary(recommend(a))]));
    assert.deepEqual(table, {
      'callers=own-ui operation=mutation payload=small httpControl=yes': "route-handler: action-http-semantics",
      'callers=own-ui operation=mutation payload=small httpControl=no noJavaScript=yes optimistic=yes': "server-action: route-only-own-ui-mutation, A form bound to a Server Actio, `useOptimistic` shows the chan",
      'callers=own-ui operation=mutation payload=small httpControl=no noJavaScript=yes optimistic=no': "server-action: route-only-own-ui-mutation, A form bound to a Server Actio",
      'callers=own-ui operation=mutation payload=small httpControl=no noJavaScript=no optimistic=yes': "server-action: route-only-own-ui-mutation, `useOptimistic` shows the chan",
      'callers=own-ui operation=mutation payload=small httpControl=no noJavaScript=no optimistic=no': "server-action: route-only-own-ui-mutation",
      'callers=own-ui operation=mutation payload=large': "route-handler: action-large-upload",
      'callers=own-ui operation=read cdnCache=yes': "route-handler: action-used-for-read, action-used-for-read",
      'callers=own-ui operation=read cdnCache=no': "server-component-read: action-used-for-read, action-called-in-effect",
      'callers=own-ui operation=upload': "route-handler: action-large-upload, This app's form posts the file",
      'callers=own-ui operation=stream': "route-handler: A Route Handler returns a `Rea, This app's components read it ",
      'callers=own-ui-and-others operation=mutation payload=small': "both: logic-in-transport",
      'callers=own-ui-and-others operation=mutation payload=large': "route-handler: action-large-upload, One Route Handler serves this ",
      'callers=own-ui-and-others operation=read cdnCache=yes': "both: logic-in-transport, action-used-for-read",
      'callers=own-ui-and-others operation=read cdnCache=no': "both: logic-in-transport",
      'callers=own-ui-and-others operation=upload': "route-handler: action-large-upload, One Route Handler serves this ",
      'callers=own-ui-and-others operation=stream': "route-handler: A Route Handler returns a `Rea, One Route Handler serves this ",
      'callers=webhook': "route-handler: action-as-webhook",
      'callers=external-client operation=mutation': "route-handler: action-generic-rpc",
      'callers=external-client operation=read cdnCache=yes': "route-handler: action-generic-rpc, action-used-for-read, action-used-for-read",
      'callers=external-client operation=read cdnCache=no': "route-handler: action-generic-rpc, action-used-for-read",
      'callers=external-client operation=upload': "route-handler: action-large-upload, action-generic-rpc",
      'callers=external-client operation=stream': "route-handler: A Route Handler returns a `Rea, action-generic-rpc",
      'callers=cron operation=mutation': "route-handler: action-http-semantics",
      'callers=cron operation=read cdnCache=yes': "route-handler: action-http-semantics, action-used-for-read, action-used-for-read",
      'callers=cron operation=read cdnCache=no': "route-handler: action-http-semantics, action-used-for-read",
      'callers=cron operation=upload': "route-handler: action-large-upload, action-http-semantics",
      'callers=cron operation=stream': "route-handler: A Route Handler returns a `Rea, action-http-semantics",
    });
  });

  it('asks no question whose answer changes nothing: another answer to any question asked changes the choice or its reasons', () => {
    for (const answers of paths) {
      const before = reasonsOf(recommend(answers));
      for (const id of questionsFor(answers)) {
        for (const option of QUESTIONS[id].options.filter((o) => o.value !== answers[id])) {
          const other = completed(validAnswers({ ...answers, [id]: option.value }));
          assert.notEqual(reasonsOf(recommend(other)), before, `${key(answers)}: ${id}=${option.value} changes nothing`);
        }
      }
    }
  });

  it('answers out of order, or of questions that are not asked, do not stand', () => {
    assert.deepEqual(validAnswers({ callers: 'webhook', operation: 'read', cdnCache: 'yes' }), { callers: 'webhook' });
    assert.deepEqual(validAnswers({ callers: 'own-ui', operation: 'teleport' }), { callers: 'own-ui' });
    // Open questions count as their first option would: the steps a user sees are "1/4" at first.
    assert.deepEqual(questionsFor({}), ['callers', 'operation', 'payload', 'httpControl']);
    assert.deepEqual(questionsFor({ callers: 'webhook' }), ['callers']);
  });

  it('names the body size limit of the app in the caveats of an action', () => {
    const r = recommend({ callers: 'own-ui', operation: 'mutation', payload: 'small', httpControl: 'no', noJavaScript: 'no', optimistic: 'no' }, '4 MB');
    assert.ok(r.caveats.some((c) => c.text === 'Its body is limited to 4 MB (`serverActions.bodySizeLimit` in next.config).'));
  });
});
