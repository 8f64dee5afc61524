import { SOURCES } from '../../data/sources';
import { defineRule } from '../../rule';
import { shown } from '../shared';

/** CPT: 5 digits, or 4 digits + F (Category II), T (Category III), U (PLA); HCPCS Level II: letter + 4 digits. */
export const PROCEDURE_CODE = /^(?:\d{5}|\d{4}[FTU]|[A-Z]\d{4})$/;

export default defineRule({
  meta: {
    id: 'code/invalid-format',
    description: {
      en: 'A procedure code that is neither a CPT shape (5 digits, or 4 digits + F/T/U) nor a HCPCS Level II shape (a letter + 4 digits).',
    },
    defaultSeverity: 'error',
    sources: [SOURCES.cptFormat],
    messages: ['rule_code_invalid_format'],
  },
  check(context) {
    return context.lines
      .filter((line) => !PROCEDURE_CODE.test(line.code))
      .map((line) => ({ lines: [line.index], key: 'rule_code_invalid_format', args: [shown(line.code)] }));
  },
});
