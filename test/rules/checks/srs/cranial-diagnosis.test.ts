import { claim, line, testRule } from '../../helpers';

testRule('srs/cranial-diagnosis', {
  valid: [
    { name: 'no diagnosis on the claim', claim: claim([line('77372')]) },
    { name: 'brain metastasis without the dot', claim: claim([line('77372')], { dx: ['c7931'] }) },
    { name: 'acoustic neuroma among others', claim: claim([line('77371')], { dx: ['I10', 'D33.3'] }) },
    { name: 'pointer to a mapped code', claim: claim([line('77372', { ptr: 'B' })], { dx: ['I10', 'G50.0'] }) },
    { name: 'subcode of a mapped category', claim: claim([line('77372')], { dx: ['C71.9', 'C69.32', 'G40.119', 'G20.A1', 'Q28.2', 'D35.2', 'D44.7'] }) },
    { name: 'no SRS line', claim: claim([line('77373')], { dx: ['C34.90'] }) },
  ],
  invalid: [
    {
      name: 'lung cancer only',
      claim: claim([line('77372')], { dx: ['C34.90'] }),
      findings: [{ severity: 'warning', lines: [0], key: 'rule_srs_cranial_diagnosis', args: ['77372', 'C34.90'] }],
    },
    {
      name: 'the line points only at the unmapped code',
      claim: claim([line('77371', { ptr: 'A' })], { dx: ['I10', 'C79.31'] }),
      findings: [{ severity: 'warning', lines: [0], args: ['77371', 'I10'] }],
    },
  ],
});
