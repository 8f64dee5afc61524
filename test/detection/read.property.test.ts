import fc from 'fast-check';
import { readRawClaim, type DetectedClaim, type DetectedField, type FieldRole } from '../../detection';
import type { FieldElement } from '../../detection/types';
import type { RawClaim } from '../../rules';

const numRuns = Math.max(200, Math.round(Number(process.env.FC_RUNS ?? 1000) / 5));

/**
 * What readRawClaim promises, read the plain way: per line (by index, ascending), modifiers by
 * slot and dates by slot (ties and slotless fields in field order), pointers joined, the last
 * single-valued field winning.
 */
function reference(claim: DetectedClaim, value: (field: DetectedField) => string): RawClaim {
  const diagnosisCodes = claim.fields.filter((f) => f.role === 'dx').map(value);
  const indices = [...new Set(claim.fields.filter((f) => f.role !== 'dx' && f.line !== null).map((f) => f.line!))].sort((a, b) => a - b);
  const lines = indices.map((index) => {
    const own = claim.fields.map((field, position) => ({ field, position })).filter(({ field }) => field.role !== 'dx' && field.line === index);
    const of = (role: FieldRole) => own.filter(({ field }) => field.role === role);
    // Several procedure fields: joined by a space, once one has given a code.
    const code = of('cpt').reduce((joined, { field }) => (joined ? `${joined} ${value(field)}` : value(field)), '');
    const line: RawClaim['lines'][number] = { index, code, modifiers: [] };
    line.modifiers = of('modifier')
      .map(({ field, position }) => ({ slot: field.slot ?? 101 + position, position, text: value(field) }))
      .sort((a, b) => a.slot - b.slot || a.position - b.position)
      .map(({ text }) => text);
    for (const [role, key] of [['units', 'units'], ['pos', 'placeOfService'], ['revenue', 'revenueCode'], ['charge', 'charge']] as const) {
      const last = of(role).at(-1);
      if (last) line[key] = value(last.field);
    }
    const pointers = of('pointer').map(({ field }) => value(field));
    if (pointers.length === 1) line.diagnosisPointers = pointers[0];
    else if (pointers.length > 1) line.diagnosisPointers = pointers.filter((p) => p.trim() !== '').join(',');
    const parts = of('dos').filter(({ field }) => field.part);
    const dates = of('dos')
      .filter(({ field }) => !field.part)
      .map(({ field }, k) => ({ slot: field.slot ?? k, text: value(field), k }))
      .sort((a, b) => a.slot - b.slot || a.k - b.k);
    const from = dates.find((d) => d.slot === 0) ?? (dates[0]?.slot !== 1 ? dates[0] : undefined);
    const to = dates.find((d) => d.slot === 1 && d !== from) ?? dates.find((d) => d !== from);
    if (from) line.dateFrom = from.text;
    if (to) line.dateTo = to.text;
    setFromParts(line, parts.map(({ field }) => field), value);
    return line;
  });
  // Claim-wide dates and place of service: for every line without its own.
  const wide = claim.fields.filter((f) => f.line === null && (f.role === 'dos' || f.role === 'pos'));
  const shared: RawClaim['lines'][number] = { index: 0, code: '', modifiers: [] };
  const wideDates = wide.filter((f) => f.role === 'dos');
  if (wideDates.some((f) => f.part)) setFromParts(shared, wideDates.filter((f) => f.part), value);
  else {
    const from = wideDates.find((f) => f.slot !== 1) ?? wideDates[0];
    const to = wideDates.find((f) => f !== from);
    if (from) shared.dateFrom = value(from);
    if (to) shared.dateTo = value(to);
  }
  const pos = wide.find((f) => f.role === 'pos');
  const blank = (text: string | undefined) => text === undefined || text.trim() === '';
  for (const line of lines) {
    if (blank(line.dateFrom)) line.dateFrom = shared.dateFrom ?? line.dateFrom;
    if (blank(line.dateTo)) line.dateTo = shared.dateTo ?? line.dateTo;
    if (pos && blank(line.placeOfService)) line.placeOfService = value(pos);
    if (line.dateFrom === undefined) delete line.dateFrom;
    if (line.dateTo === undefined) delete line.dateTo;
  }
  return { formType: claim.formType, diagnosisCodes, lines };
}

/** Month/day/year boxes: "MM/DD/YY" per side; "?" for a blank part of a date partly typed. */
function setFromParts(line: RawClaim['lines'][number], fields: DetectedField[], value: (field: DetectedField) => string): void {
  for (const [slot, key] of [[0, 'dateFrom'], [1, 'dateTo']] as const) {
    const side = fields.filter((f) => (f.slot ?? 0) === slot);
    const part = (name: string) => side.find((f) => f.part === name);
    const texts = ['month', 'day', 'year'].map((name) => (part(name) ? value(part(name)!).trim() : ''));
    if (texts.some(Boolean)) line[key] = texts.map((t) => t || '?').join('/');
  }
}

const roleArb = fc.constantFrom<FieldRole>('cpt', 'modifier', 'units', 'dos', 'pos', 'dx', 'pointer', 'revenue', 'charge');
const fieldArb = fc.record({
  role: roleArb,
  line: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  slot: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  part: fc.option(fc.constantFrom('month' as const, 'day' as const, 'year' as const), { nil: undefined }),
  value: fc.oneof(fc.constantFrom('', ' ', '77372', '26', '1', '03/02/26', 'A', 'A,B'), fc.string({ maxLength: 8 })),
});

describe('readRawClaim', () => {
  it('reads any fields, in any order, as the plain reading does', () => {
    fc.assert(
      fc.property(fc.array(fieldArb, { maxLength: 40 }), fc.boolean(), (specs, handOver) => {
        const elements = specs.map(({ value }) => ({ localName: 'input', value }) as unknown as FieldElement);
        const fields: DetectedField[] = specs.map(({ role, line, slot, part }, i) => {
          const field: DetectedField = { element: elements[i]!, role, line: role === 'dx' ? null : line };
          if (slot !== undefined) field.slot = role === 'dos' && part ? slot % 2 : slot;
          if (role === 'dos' && part) field.part = part;
          return field;
        });
        const claim: DetectedClaim = { container: {} as Element, formType: 'professional', fields };
        // Values handed over by the watcher, or read from the fields themselves.
        const values = handOver ? new Map(fields.map((f, i) => [f.element as Element, specs[i]!.value])) : undefined;
        expect(readRawClaim(claim, values)).toEqual(reference(claim, (field) => specs[fields.indexOf(field)]!.value));
      }),
      { numRuns },
    );
  });
});
