import { claim, line, testRule } from '../../helpers';

testRule('claim/date-unreadable', {
  valid: [
    { name: 'a readable date', claim: claim([line('77372')]) },
    { name: 'no date at all is not "unreadable" (today is used and said)', claim: claim([line('77372', { date: null })]) },
  ],
  invalid: [
    {
      name: 'an impossible date is named as typed, never as "no date" or today',
      claim: claim([line('77372', { date: '2025-13-45' })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_claim_date_unreadable', args: ['2025-13-45', '77372'] }],
    },
    {
      name: 'a split date box left half filled arrives as raw text',
      claim: claim([line('77372', { date: '07//2024' })]),
      findings: [{ severity: 'warning', lines: [0], args: ['07//2024', '77372'] }],
    },
    {
      name: 'an unreadable "to" date',
      claim: claim([line('77372', { to: '07/32/2024' })]),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_claim_date_unreadable_to', args: ['07/32/2024', '77372'] }],
    },
  ],
});
