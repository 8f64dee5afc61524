import { claim, line, testRule } from '../../helpers';

testRule('code/invalid-format', {
  valid: [
    { name: 'CPT Category I', claim: claim([line('77372')]) },
    { name: 'CPT Category II/III and PLA', claim: claim([line('3008F'), line('0398T'), line('0001U')]) },
    { name: 'HCPCS Level II, lower case', claim: claim([line('g0339')]) },
    { name: 'blank code field is not a line', claim: claim([line('')]) },
  ],
  invalid: [
    { name: 'four digits', claim: claim([line('7737')]), findings: [{ severity: 'error', lines: [0], key: 'rule_code_invalid_format', args: ['7737'] }] },
    { name: 'six digits', claim: claim([line('773721')]), findings: [{ severity: 'error', lines: [0] }] },
    { name: 'letter O for zero', claim: claim([line('77372'), line('G0O39')]), findings: [{ severity: 'error', lines: [1] }] },
    { name: 'long garbage is shortened in the message', claim: claim([line('abcdefghijklmnopqrstuvwxyz')]), findings: [{ severity: 'error', lines: [0], args: ['ABCDEFGHIJKLMNO…'] }] },
  ],
});
