/** What the example app's task actions file shows, `rule@line:column`: shared by the protocol and editor tests. */
export const TASK_ACTIONS = 'src/app/projects/[projectId]/tasks/actions.ts';
export const EXPECTED_TASK_FINDINGS = [
  'logic-in-transport@8:23',
  'action-unvalidated-input@10:21',
  'action-throws-expected-error@12:15',
  'action-used-for-read@21:23',
  'action-generic-rpc@26:23',
  'action-unvalidated-input@26:38',
  'action-http-semantics@39:23',
  'action-missing-revalidation@45:23',
  'action-unvalidated-input@45:34',
];
