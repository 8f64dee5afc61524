// Differential test of repeated rows (detection/repeat.ts): a field whose verdict is adapted from
// the same field of an earlier, identical-but-for-digits row must get exactly the verdict it gets
// when judged on its own. Over the whole corpus (team-written and real-pattern pages), over rows built to differ where digits matter, and
// over random tables.
import fc from 'fast-check';
import { collectFields, findShadowRoots } from '../../detection/dom';
import { createScanContext, qualifyField, type Qualification } from '../../detection/qualify';
import type { FieldElement } from '../../detection/types';
import { CORPUS_FIXTURES, PORTAL_FIXTURES, readHtml } from '../fixtures/portals';
import { expandDemoTemplate, loadPage } from './load';
import { readFileSync } from 'node:fs';

/** Every field's verdict judged alone, and with repeated rows read from their templates. */
function verdictsBothWays(): { fields: FieldElement[]; alone: Qualification[]; repeated: Qualification[]; fromTemplate: number; numbersInMarkup: number } {
  const fields = collectFields(document, findShadowRoots(document));
  const aloneContext = createScanContext({ repeats: false });
  const alone = fields.map((field) => qualifyField(field, aloneContext));
  const context = createScanContext();
  const repeated = fields.map((field) => qualifyField(field, context));
  return { fields, alone, repeated, fromTemplate: context.counters.repeated, numbersInMarkup: context.counters.numbersInMarkup };
}

interface TableOptions {
  head?: string;
  around?: string;
  style?: string;
  /** Values typed into the fields, in page order (the markup does not show them). */
  values?: string[];
}

function table(rows: string[], options: TableOptions = {}): void {
  document.head.innerHTML = options.style ? `<style>${options.style}</style>` : '';
  document.body.innerHTML = `<form>${options.around ?? ''}<table>${options.head ? `<thead>${options.head}</thead>` : ''}<tbody>${rows.join('')}</tbody></table></form>`;
  document.querySelectorAll('input').forEach((input, i) => (input.value = options.values?.[i] ?? ''));
}

describe('repeated rows', () => {
  describe.each(CORPUS_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('corpus page %s', (_name, fixture) => {
    it('gets the same verdict for every field as judging each alone', () => {
      loadPage(readHtml(fixture));
      const { alone, repeated } = verdictsBothWays();
      expect(repeated).toEqual(alone);
    });
  });

  it('reads most of a 500-line claim from its first row (demo portal and corpus page)', () => {
    loadPage(readHtml(PORTAL_FIXTURES.find((fixture) => fixture.name === 'lines-500')!));
    let result = verdictsBothWays();
    expect(result.repeated).toEqual(result.alone);
    expect(result.fromTemplate).toBeGreaterThan(result.fields.length * 0.9);

    const source = readFileSync('demo/public/cms1500.html', 'utf8');
    loadPage(source);
    expandDemoTemplate(source, document, 500);
    result = verdictsBothWays();
    expect(result.repeated).toEqual(result.alone);
    expect(result.fromTemplate).toBeGreaterThan(result.fields.length * 0.9);
    // Their line numbers are read where each name stands in its row's markup.
    expect(result.numbersInMarkup).toBeGreaterThan(result.fields.length * 0.9);
    // The rows differ in their numbers: each line's modifiers keep their own slots and line.
    const slots = result.repeated.filter((q) => q.role === 'modifier').slice(-4).map((q) => q.slot);
    expect(slots).toEqual([1, 2, 3, 4]);
    expect(result.repeated.filter((q) => q.role === 'cpt').at(-1)!.nameLine).toBe(499);
    // Each field with a role knows its row (where grouping reads its claim and line).
    result.repeated.forEach((q, i) => q.role && expect(q.row ?? null).toBe(result.fields[i]!.closest('tr')));
  }, 30_000); // 11,000 fields judged twice in happy-dom: about 3 s alone, longer beside the other test files

  // Rows alike but for a number (or for what markup does not show), where the number or the rest
  // changes the verdict: the second row must be judged for what it is.
  const cases: Array<[string, string[], TableOptions?, ((verdicts: Qualification[]) => void)?]> = [
    ['a slot number in the aria-label', ['<tr><td><input aria-label="Line 1 modifier 1"></td></tr>', '<tr><td><input aria-label="Line 2 modifier 3"></td></tr>'], {}, (q) => expect(q.map((v) => v.slot)).toEqual([1, 3])],
    ['a slot number in the name', ['<tr><td><input name="line[0][mod1]"></td></tr>', '<tr><td><input name="line[1][mod2]"></td></tr>'], { head: '<tr><th>Modifier</th></tr>' }, (q) => expect(q.map((v) => v.slot)).toEqual([1, 2])],
    ['a name number past the slots (a line, then)', ['<tr><td><input name="mod12"></td></tr>', '<tr><td><input name="mod13"></td></tr>'], { head: '<tr><th>Modifier</th></tr>' }, (q) => expect(q.map((v) => [v.slot, v.nameLine])).toEqual([[12, undefined], [undefined, 13]])],
    ['a slot number in a wrapping label', ['<tr><td><label>Modifier 1 <input></label></td></tr>', '<tr><td><label>Modifier 2 <input></label></td></tr>'], {}, (q) => expect(q.map((v) => v.slot)).toEqual([1, 2])],
    ['a slot number in the text to the left', ['<tr><td>Modifier 1</td><td><input></td></tr>', '<tr><td>Modifier 2</td><td><input></td></tr>'], {}, (q) => expect(q.map((v) => v.slot)).toEqual([1, 2])],
    ['a form locator in the aria-label', ['<tr><td><input aria-label="24D"></td></tr>', '<tr><td><input aria-label="24G"></td></tr>'], {}, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', 'units'])],
    ['a form locator in a wrapping label', ['<tr><td><label>Box 24D <input></label></td></tr>', '<tr><td><label>Box 24G <input></label></td></tr>'], {}, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', 'units'])],
    ['a vocabulary number ("CIE 10")', ['<tr><td><input title="CIE 10"></td></tr>', '<tr><td><input title="CIE 11"></td></tr>'], {}, (q) => expect(q[0]!.score).toBeGreaterThan(q[1]!.score)],
    ['a label elsewhere naming the second row\'s field', ['<tr><td><input id="f1" name="f1"></td></tr>', '<tr><td><input id="f2" name="f2"></td></tr>'], { around: '<label for="f2">CPT code</label>' }, (q) => expect(q.map((v) => v.role)).toEqual([null, 'cpt'])],
    ['a label elsewhere naming the first row\'s field', ['<tr><td><input id="f1" name="f1"></td></tr>', '<tr><td><input id="f2" name="f2"></td></tr>'], { around: '<label for="f1">CPT code</label>' }, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', null])],
    ['labels by id inside the rows, pointing across', ['<tr><td><label for="b">CPT</label><input id="a"></td></tr>', '<tr><td><label for="a">Units</label><input id="b"></td></tr>']],
    ['a value of another shape', ['<tr><td><input aria-label="Line 1 amount"></td></tr>', '<tr><td><input aria-label="Line 2 amount"></td></tr>'], { values: ['', '120.00'] }, (q) => expect(q[1]!.score).toBeGreaterThan(q[0]!.score)],
    ['a value of another shape in the template', ['<tr><td><input aria-label="Line 1 code"></td></tr>', '<tr><td><input aria-label="Line 2 code"></td></tr>'], { values: ['77372', ''] }, (q) => expect(q[0]!.score).toBeGreaterThan(q[1]!.score)],
    ['a row hidden by a style sheet', ['<tr><td><input aria-label="CPT code"></td></tr>', '<tr><td><input aria-label="CPT code"></td></tr>'], { style: 'tr + tr input { display: none }' }, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', null])],
    ['the first row hidden by a style sheet', ['<tr><td><input aria-label="CPT code"></td></tr>', '<tr><td><input aria-label="CPT code"></td></tr>'], { style: 'tr:first-child input { display: none }' }, (q) => expect(q.map((v) => v.role)).toEqual([null, 'cpt'])],
    ['a column shifted by a colspan', ['<tr><td colspan="1"></td><td><input></td></tr>', '<tr><td colspan="2"></td><td><input></td></tr>'], { head: '<tr><th></th><th>CPT</th><th>Units</th></tr>' }, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', 'units'])],
    // A rowspan in a row above moves a row's cells to the right (a line number beside a line drawn as two rows).
    ['a row whose columns a rowspan from above shifts (the template not)', ['<tr><td><input></td></tr>', '<tr><td rowspan="2">2</td><td><input></td></tr>', '<tr><td><input></td></tr>'], { head: '<tr><th>CPT</th><th>Units</th></tr>' }, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', 'units', 'units'])],
    ['a row a rowspan two rows up shifts, over a row without fields', ['<tr><td><input></td><td><input></td></tr>', '<tr><td rowspan="3">2</td><td><input></td><td><input></td></tr>', '<tr><td colspan="2">Note</td></tr>', '<tr><td><input></td><td><input></td></tr>', '<tr><td><input></td><td><input></td></tr>'], { head: '<tr><th>CPT</th><th>Units</th><th>Modifier</th></tr>' }, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', 'units', 'units', 'modifier', 'units', 'modifier', 'cpt', 'units'])],
    ['a template whose columns a rowspan from above shifts (the repeat not)', ['<tr><td rowspan="2">1</td><td><input></td></tr>', '<tr><td><input></td></tr>', '<tr><td><input></td></tr>'], { head: '<tr><th>CPT</th><th>Units</th></tr>' }, (q) => expect(q.map((v) => v.role)).toEqual(['units', 'units', 'cpt'])],
    ['a box too short for a code (maxlength)', ['<tr><td><input aria-label="CPT" maxlength="2"></td></tr>', '<tr><td><input aria-label="CPT" maxlength="5"></td></tr>'], {}, (q) => expect(q.map((v) => v.role)).toEqual([null, 'cpt'])],
    ['header cells named by id', ['<tr><td headers="h1"><input></td></tr>', '<tr><td headers="h2"><input></td></tr>'], { head: '<tr><th id="h1">CPT</th><th id="h2">Units</th></tr>' }, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', 'units'])],
    ['aria-labelledby naming other texts', ['<tr><td><input aria-labelledby="t1"></td></tr>', '<tr><td><input aria-labelledby="t2"></td></tr>'], { around: '<span id="t1">CPT</span><span id="t2">Units</span>' }, (q) => expect(q.map((v) => v.role)).toEqual(['cpt', 'units'])],
    ['select options naming other modifiers', ['<tr><td><select><option>Q5</option><option>Q6</option><option>GA</option></select></td></tr>', '<tr><td><select><option>Q7</option><option>Q8</option><option>GA</option></select></td></tr>'], {}, (q) => expect(q.map((v) => v.role)).toEqual(['modifier', null])],
    ['rows holding a table of their own (each field\'s nearest row is the inner one)', ['<tr><td><table><tr><td>Units</td><td><input name="u1"></td></tr></table></td><td><input aria-label="CPT"></td></tr>', '<tr><td><table><tr><td>Units</td><td><input name="u2"></td></tr></table></td><td><input aria-label="CPT"></td></tr>'], { head: '<tr><th>Modifier</th><th>CPT</th></tr>' }, (q) => expect(q.map((v) => v.role)).toEqual(['units', 'cpt', 'units', 'cpt'])],
    ['a name also written as text in the row (its place in the markup is not sure)', ['<tr><td> name="line1cpt"</td><td><input name="line1cpt" aria-label="CPT"></td></tr>', '<tr><td> name="line2cpt"</td><td><input name="line2cpt" aria-label="CPT"></td></tr>'], {}, (q) => expect(q.map((v) => v.nameLine)).toEqual([1, 2])],
    ['a name the markup writes escaped', ['<tr><td><input name="a&amp;b1" aria-label="CPT"></td></tr>', '<tr><td><input name="a&amp;b2" aria-label="CPT"></td></tr>'], {}, (q) => expect(q.map((v) => v.nameLine)).toEqual([1, 2])],
    ['a slot in the aria-label and a line in the name', ['<tr><td><input name="line1mod" aria-label="Modifier 1"></td></tr>', '<tr><td><input name="line2mod" aria-label="Modifier 3"></td></tr>'], {}, (q) => expect(q.map((v) => [v.nameLine, v.slot])).toEqual([[1, 1], [2, 3]])],
    ['a line number that grows a digit', ['<tr><td><input name="line9cpt" aria-label="CPT"></td></tr>', '<tr><td><input name="line10cpt" aria-label="CPT"></td></tr>'], {}, (q) => expect(q.map((v) => v.nameLine)).toEqual([9, 10])],
    // A claim scope inside a row, or a row that is one: the row is not where the field's scope is read.
    ['a claim scope inside the rows', ['<tr><td><div role="form"><input aria-label="CPT"></div></td></tr>', '<tr><td><div role="form"><input aria-label="CPT"></div></td></tr>'], {}, (q) => expect(q.map((v) => [v.role, v.row])).toEqual([['cpt', undefined], ['cpt', undefined]])],
    ['rows that are claim scopes', ['<tr role="form"><td><input aria-label="CPT"></td></tr>', '<tr role="form"><td><input aria-label="CPT"></td></tr>'], {}, (q) => expect(q.map((v) => [v.role, v.row])).toEqual([['cpt', undefined], ['cpt', undefined]])],
  ];

  it.each(cases)('judges the repeat for itself: %s', (_name, rows, options, check) => {
    table(rows, options);
    const { alone, repeated } = verdictsBothWays();
    expect(repeated).toEqual(alone);
    check?.(repeated);
  });

  it('judges a field placed right in its row for itself (its left text is the row above)', () => {
    table(['<tr><td>CPT</td></tr>']);
    const body = document.querySelector('tbody')!;
    const rowWithField = () => {
      const row = document.createElement('tr');
      row.append(document.createElement('input'));
      return row;
    };
    body.prepend(rowWithField());
    body.append(rowWithField());
    const { alone, repeated } = verdictsBothWays();
    expect(repeated).toEqual(alone);
    expect(repeated.map((v) => v.role)).toEqual([null, 'cpt']);
  });

  it('matches judging alone on random tables whose rows differ only in numbers, values and style', () => {
    // Cell markup per column, with {n} (the row's number), {d} (a small number, slot-like), {v} (9, 10 or 11: "ICD 10").
    const cells = [
      '<input aria-label="Line {n} modifier {d}">',
      '<input name="line[{n}][mod{d}]">',
      '<input name="svc_{n}_from" placeholder="MM/DD/YY">',
      '<label>Modifier {d} <input></label>',
      '<label>Pointer {d}<input name="p{n}"></label>',
      '<input aria-label="Box 2{d}D">',
      '<input title="ICD {v} code">',
      '<input title="CIE {v}">',
      '<span>CPT {d}</span> <input>',
      'Units {d}',
      '<input id="f{n}_{d}">',
      '<input class="h{d}" aria-label="Line {n} units">',
      '<input aria-label="Date of service to" name="to{n}">',
      '<input name="line{n}cpt" aria-label="CPT/HCPCS {d}">',
      '<select name="m{n}"><option>2{d}</option><option>59</option><option>{d}</option></select>',
      '<input aria-label="Procedure code" maxlength="{d}">',
      '<input name="b2{d}d_{n}">',
    ];
    const heads = ['CPT/HCPCS', 'Modifier', 'Units', '24D', '1', 'From', 'Pointer', '', 'ICD {v}'];
    const values = ['', '77372', '03/02/26', 'C79.31', '26', '1', '120.00'];
    // Mostly numbers of one length (rows of one shape once masked), sometimes not.
    const row = fc.record({
      n: fc.oneof({ arbitrary: fc.integer({ min: 10, max: 99 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 120 }), weight: 1 }),
      d: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 9 }), weight: 4 }, { arbitrary: fc.integer({ min: 10, max: 14 }), weight: 1 }),
      v: fc.constantFrom(9, 10, 11),
    });
    const tableArbitrary = fc.record({
      columns: fc.array(fc.record({ cell: fc.constantFrom(...cells), head: fc.constantFrom(...heads) }), { minLength: 1, maxLength: 5 }),
      // Some rows begin with a cell spanning two rows (the row below it has its cells one column to the right).
      rows: fc.array(fc.record({ numbers: row, values: fc.array(fc.constantFrom(...values), { minLength: 5, maxLength: 5 }), spans: fc.constantFrom(1, 1, 1, 2) }), { minLength: 2, maxLength: 5 }),
      labelFor: fc.option(fc.record({ n: fc.integer({ min: 0, max: 120 }), d: fc.integer({ min: 0, max: 14 }) })),
    });
    const fill = (text: string, numbers: { n: number; d: number; v: number }) =>
      text.replaceAll('{n}', String(numbers.n)).replaceAll('{d}', String(numbers.d)).replaceAll('{v}', String(numbers.v));
    let fromTemplate = 0;
    let numbersInMarkup = 0;
    fc.assert(
      fc.property(tableArbitrary, ({ columns, rows, labelFor }) => {
        table(
          rows.map(({ numbers, spans }) => `<tr>${spans > 1 ? `<td rowspan="${spans}">${numbers.n}</td>` : ''}${columns.map(({ cell }) => `<td>${fill(cell, numbers)}</td>`).join('')}</tr>`),
          {
            head: `<tr>${columns.map(({ head }) => `<th>${fill(head, { n: 1, d: 1, v: 10 })}</th>`).join('')}</tr>`,
            around: labelFor ? `<label for="f${labelFor.n}_${labelFor.d}">CPT code</label>` : '',
            style: '.h3, .h7 { display: none }',
          },
        );
        Array.from(document.querySelectorAll('tbody tr')).forEach((tr, r) => {
          tr.querySelectorAll('input').forEach((input, c) => (input.value = rows[r]!.values[c % 5]!));
        });
        const result = verdictsBothWays();
        fromTemplate += result.fromTemplate;
        numbersInMarkup += result.numbersInMarkup;
        expect(result.repeated).toEqual(result.alone);
      }),
      { numRuns: Math.max(100, Math.round(Number(process.env.FC_RUNS ?? 1000) / 20)) },
    );
    // Not vacuous: many of those fields were read from a template.
    expect(fromTemplate).toBeGreaterThan(20); // (typically 40–75 over 100 random tables)
    expect(numbersInMarkup).toBeGreaterThan(5); // and some of those had their numbers read in the markup
  }, 120_000);
});
