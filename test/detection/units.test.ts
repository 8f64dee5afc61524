import { detectClaims, readRawClaim, type DetectedClaim } from '../../detection';
import { matchText } from '../../detection/match';
import { createScanContext, qualifyField } from '../../detection/qualify';
import { boxNumbers, nameIndices, tokenize } from '../../detection/text';
import type { FieldElement } from '../../detection/types';

const summary = (claims: DetectedClaim[]) =>
  claims.map((c) => c.fields.map((f) => `${f.element.id || f.element.getAttribute('name')}:${f.role}@${f.line}${f.slot !== undefined ? `/${f.slot}` : ''}`).join(' '));
const q = (selector: string) => qualifyField(document.querySelector(selector) as FieldElement, createScanContext({ explain: true }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('tokenizer', () => {
  it.each([
    ['svc[2].proc', ['svc', '2', 'proc']],
    ['line_3_mod1', ['line', '3', 'mod', '1']],
    ['lines.0.cptCode', ['lines', '0', 'cpt', 'code']],
    ['CPTCode', ['cpt', 'code']],
    ['placeOfService', ['place', 'of', 'service']],
    ['Date(s) of service', ['dates', 'of', 'service']],
    ['Código de procedimiento', ['codigo', 'de', 'procedimiento']],
    ['Claim #', ['claim', 'number']],
    ['ICD-10-CM', ['icd', '10', 'cm']],
  ])('%s', (input, tokens) => {
    expect(tokenize(input)).toEqual(tokens);
  });

  it('reads line and slot indices out of names', () => {
    expect(nameIndices('line_3_mod1')).toEqual({ line: 3, slot: 1 });
    expect(nameIndices('svc[2].proc')).toEqual({ line: 2 });
    expect(nameIndices('lines.0.cptCode')).toEqual({ line: 0 });
    expect(nameIndices('line[4][mod2]')).toEqual({ line: 4, slot: 2 });
    expect(nameIndices('ServiceLine2CPT')).toEqual({ line: 2 });
    expect(nameIndices('icd10_code')).toEqual({});
  });

  it('finds form-locator numbers', () => {
    expect(boxNumbers('24D. CPT/HCPCS')).toEqual(['24d']);
    expect(boxNumbers('42 REV. CD.')).toEqual(['42']);
    expect(boxNumbers('Other dx (FL 67A)')).toEqual(['67a']);
    expect(boxNumbers('Line 1 CPT')).toEqual([]);
  });

  it('is total on odd text', () => {
    for (const text of ['', 'x'.repeat(10_000), '🩺💉 CPT 🏥', 'رمز الإجراء', '\u202eTPC\u202c', '\0\n\t']) {
      expect(() => matchText(text)).not.toThrow();
      expect(() => nameIndices(text)).not.toThrow();
    }
  });
});

describe('vocabulary matching', () => {
  it('prefers the longest phrase: a diagnosis pointer is not a diagnosis, a ZIP code is not a code', () => {
    expect(matchText('Diagnosis pointer').roles).toEqual({ pointer: 1 });
    expect(matchText('ZIP code')).toMatchObject({ roles: {}, negative: 1 });
    expect(matchText('Place of service').roles).toEqual({ pos: 1 });
    expect(matchText('Date of service').roles).toEqual({ dos: 1 });
  });

  it('understands Spanish', () => {
    expect(matchText('Código de procedimiento').roles).toEqual({ cpt: 1 });
    expect(matchText('Modificador').roles).toEqual({ modifier: 1 });
    expect(matchText('Unidades').roles).toEqual({ units: 1 });
    expect(matchText('Fecha de servicio').roles).toEqual({ dos: 1 });
    expect(matchText('Diagnóstico').roles).toEqual({ dx: 1 });
    expect(matchText('Código postal').negative).toBe(1);
  });

  it('lets a box number speak unless the words name another role', () => {
    expect(matchText('24G').roles).toEqual({ units: 0.9 });
    expect(matchText('24D Mod 1')).toMatchObject({ roles: { modifier: 0.9 }, slot: 1 });
    expect(matchText('24A From')).toMatchObject({ roles: { dos: 0.9 }, range: 0 });
  });
});

describe('label evidence', () => {
  it('reads label[for], wrapping labels, aria-labelledby text, aria-label, title and placeholder', () => {
    document.body.innerHTML = `
      <label for="a">Procedure code</label><input id="a">
      <label>Units <input id="b"></label>
      <span id="h1">Line 1</span><span id="h2">Modifier</span><input id="c" aria-labelledby="h1 h2">
      <input id="d" aria-label="Place of service">
      <input id="e" title="Diagnosis pointer">
      <input id="f" placeholder="Charges">`;
    expect(q('#a')).toMatchObject({ role: 'cpt' });
    expect(q('#b')).toMatchObject({ role: 'units' });
    expect(q('#c')).toMatchObject({ role: 'modifier' });
    expect(q('#c').evidence.find((e) => e.kind === 'labelledby')?.text).toBe('Line 1 Modifier');
    expect(q('#d')).toMatchObject({ role: 'pos' });
    expect(q('#e')).toMatchObject({ role: 'pointer' });
    expect(q('#f')).toMatchObject({ role: 'charge' });
  });

  it('keeps negative evidence unmarked, even next to claim words', () => {
    document.body.innerHTML = `
      <label for="a">Search diagnosis codes</label><input id="a">
      <label for="b">Adjustment reason code</label><input id="b">
      <label for="c">Procedure description</label><input id="c">
      <input id="d" type="hidden" aria-label="CPT">
      <input id="e" type="search" aria-label="CPT">
      <input id="f" aria-label="CPT" autocomplete="postal-code">
      <div style="display: none"><input id="g" aria-label="CPT"></div>`;
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(q(`#${id}`).role, id).toBeNull();
  });

  it('uses the fieldset legend only for fields that say nothing themselves', () => {
    document.body.innerHTML = '<fieldset><legend>21. Diagnosis codes</legend><label for="a">A.</label><input id="a"><label for="b">Member ID</label><input id="b"></fieldset>';
    expect(q('#a').role).toBe('dx');
    expect(q('#b').role).toBeNull();
  });

  it('reads <select> options', () => {
    document.body.innerHTML = `<select id="p"><option value="11">11 - Office</option><option value="22">22 - Outpatient hospital</option><option value="21">21 - Inpatient hospital</option></select>
      <select id="m"><option>26</option><option>TC</option><option>59</option><option>XU</option></select>`;
    expect(q('#p').role).toBe('pos');
    expect(q('#m').role).toBe('modifier');
  });
});

describe('table and grid headers', () => {
  it('maps columns through colspan, rowspan and two header rows', () => {
    document.body.innerHTML = `<table><thead>
      <tr><th rowspan="2">#</th><th colspan="2">24A. Dates of service</th><th rowspan="2">24D. CPT</th><th colspan="2">Modifier</th></tr>
      <tr><th>From</th><th>To</th><th>1</th><th>2</th></tr></thead>
      <tbody><tr><td>1</td><td><input id="f"></td><td><input id="t"></td><td><input id="c"></td><td><input id="m1"></td><td><input id="m2"></td></tr></tbody></table>`;
    expect(q('#f')).toMatchObject({ role: 'dos', range: 0 });
    expect(q('#t')).toMatchObject({ role: 'dos', range: 1 });
    expect(q('#c')).toMatchObject({ role: 'cpt' });
    expect(q('#m1')).toMatchObject({ role: 'modifier', slot: 1 });
    expect(q('#m2')).toMatchObject({ role: 'modifier', slot: 2 });
  });

  it('maps ARIA grid cells by aria-colindex and aria-colspan', () => {
    document.body.innerHTML = `<div role="grid">
      <div role="row"><div role="columnheader">Units</div><div role="columnheader" aria-colspan="2">Modifiers</div><div role="columnheader">HCPCS</div></div>
      <div role="row"><div role="gridcell"><input id="u"></div><div role="gridcell"><input id="a"></div><div role="gridcell"><input id="b"></div><div role="gridcell" aria-colindex="4"><input id="h"></div></div></div>`;
    expect(q('#u').role).toBe('units');
    expect(q('#a').role).toBe('modifier');
    expect(q('#b').role).toBe('modifier');
    expect(q('#h').role).toBe('cpt');
  });
});

describe('grouping', () => {
  it('groups by repeated containers, numbers modifier slots and date ends', () => {
    document.body.innerHTML = `<form>${[0, 1].map((n) => `<div class="l"><input id="c${n}" aria-label="CPT"><input id="m${n}a" aria-label="Modifier"><input id="m${n}b" aria-label="Modifier"><input id="d${n}a" aria-label="Service date from"><input id="d${n}b" aria-label="Service date to"></div>`).join('')}</form>`;
    expect(summary(detectClaims(document))).toEqual([
      'c0:cpt@0 m0a:modifier@0/1 m0b:modifier@0/2 d0a:dos@0/0 d0b:dos@0/1 c1:cpt@1 m1a:modifier@1/1 m1b:modifier@1/2 d1a:dos@1/0 d1b:dos@1/1',
    ]);
  });

  it('falls back to indices in names for flat layouts, and to document order without them', () => {
    document.body.innerHTML = '<form><input name="line_2_cpt"><input name="line_2_units"><input name="line_1_cpt"><input name="line_1_units"></form>';
    expect(summary(detectClaims(document))).toEqual(['line_2_cpt:cpt@1 line_2_units:units@1 line_1_cpt:cpt@0 line_1_units:units@0']);
    document.body.innerHTML = '<form><input id="a" aria-label="CPT"><input id="b" aria-label="Units"><input id="c" aria-label="CPT"><input id="d" aria-label="Units"></form>';
    expect(summary(detectClaims(document))).toEqual(['a:cpt@0 b:units@0 c:cpt@1 d:units@1']);
  });

  it('makes each form its own claim and drops line fields outside any line', () => {
    document.body.innerHTML = `
      <form id="one"><table><tr><th>CPT</th><th>Units</th></tr><tr><td><input id="a"></td><td><input id="b"></td></tr><tr><td><input id="c"></td><td><input id="d"></td></tr></table><label for="t">Total charge</label><input id="t"></form>
      <form id="two"><input id="e" aria-label="HCPCS"><input id="f" aria-label="Revenue code"></form>`;
    const claims = detectClaims(document);
    expect(claims.map((c) => [c.container.id, c.formType])).toEqual([['one', 'unknown'], ['two', 'institutional']]);
    expect(summary(claims)).toEqual(['a:cpt@0 b:units@0 c:cpt@1 d:units@1', 'e:cpt@0 f:revenue@0']);
  });

  it('accepts weak evidence only inside a service line', () => {
    document.body.innerHTML = `<form><label for="x">Date</label><input id="x">
      <table><tr><th>Code</th><th>Mod</th><th>Date</th></tr>
      <tr><td><input id="c0" aria-label="CPT"></td><td><input id="m0"></td><td><input id="d0"></td></tr>
      <tr><td><input id="c1" aria-label="CPT"></td><td><input id="m1"></td><td><input id="d1"></td></tr></table></form>`;
    expect(summary(detectClaims(document))).toEqual(['c0:cpt@0 m0:modifier@0/1 d0:dos@0/0 c1:cpt@1 m1:modifier@1/1 d1:dos@1/0']);
  });

  it('needs a procedure or revenue code (or two roles) before calling something a claim', () => {
    document.body.innerHTML = '<form><label for="u">Units</label><input id="u"></form><form><label for="d">Diagnosis</label><input id="d"></form>';
    expect(detectClaims(document)).toEqual([]);
  });

  it('scans from a shadow root or an element too', () => {
    document.body.innerHTML = '<div id="host"></div><section id="s"><input aria-label="CPT"></section>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><input aria-label="CPT"><input aria-label="Units"></div>';
    expect(summary(detectClaims(root))).toHaveLength(1);
    expect(detectClaims(document.getElementById('s')!)[0]!.fields).toHaveLength(1);
  });

  // The scan looks for shadow roots only on elements that may have one (DOM attachShadow's list).
  it.each([
    'article', 'aside', 'blockquote', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p',
    'section', 'span', 'claim-line',
  ])('finds fields in the shadow root of a <%s> inside a table cell', (tag) => {
    document.body.innerHTML = `<form><table><tbody><tr><td><${tag} id="host"></${tag}></td></tr></tbody></table></form>`;
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input aria-label="CPT"><input aria-label="Units">';
    expect(detectClaims(document)[0]!.fields.map((f) => f.role)).toEqual(['cpt', 'units']);
  });
});

describe('readRawClaim', () => {
  it('reads values exactly as typed, modifiers by slot, dates by end, pointers joined', () => {
    document.body.innerHTML = `<form><input id="dx" aria-label="Diagnosis" value=" c79.31 ">
      <div><input aria-label="CPT" value="77372-59"><input aria-label="Modifier 2" value="59"><input aria-label="Modifier 1" value="26,XU">
      <input aria-label="Date of service to" value="03/03/26"><input aria-label="Date of service from" value="03/02/26">
      <input aria-label="Dx pointer 1" value="A"><input aria-label="Dx pointer 2" value="B">
      <select aria-label="Place of service"><option value="">--</option><option value="22" selected>22 - Outpatient hospital</option></select>
      <input aria-label="Units" value="1"><input aria-label="Charges" value="$9,800.00"></div></form>`;
    const raw = readRawClaim(detectClaims(document)[0]!);
    expect(raw).toEqual({
      formType: 'professional',
      diagnosisCodes: [' c79.31 '],
      lines: [{ index: 0, code: '77372-59', modifiers: ['26,XU', '59'], dateFrom: '03/02/26', dateTo: '03/03/26', diagnosisPointers: 'A,B', placeOfService: '22', units: '1', charge: '$9,800.00' }],
    });
  });

  it('never throws on odd values or detached and broken fields', () => {
    document.body.innerHTML = '<form><input id="c" aria-label="CPT"><input id="u" aria-label="Units"></form>';
    const claim = detectClaims(document)[0]!;
    for (const value of ['', 'x'.repeat(10_000), '🩺 77372 💉', 'רמז 77372', '\u202e27377\u202c']) {
      (document.getElementById('c') as HTMLInputElement).value = value;
      expect(() => readRawClaim(claim)).not.toThrow();
      expect(readRawClaim(claim).lines[0]!.code).toBe(value);
    }
    const broken = { ...claim, fields: [...claim.fields, { element: { localName: 'input', get value(): string { throw new Error('x'); } } as unknown as FieldElement, role: 'units' as const, line: 0 }] };
    expect(() => readRawClaim(broken)).not.toThrow();
    document.body.innerHTML = '';
    expect(() => readRawClaim(claim)).not.toThrow();
  });

  it('detects fields whose labels are odd without throwing', () => {
    document.body.innerHTML = `<form><label for="a">${'Procedure code '.repeat(800)}</label><input id="a"><label for="b">🩺 CPT 💉</label><input id="b"><label for="c">رمز الإجراء</label><input id="c" aria-labelledby="missing nowhere"></form>`;
    expect(() => detectClaims(document)).not.toThrow();
  });
});
