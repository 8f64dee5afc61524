import type { Vocabulary } from './types';

/** English: CMS-1500 / UB-04 wording, portal abbreviations and field-name tokens. */
export const en: Vocabulary = {
  language: 'en',
  roles: {
    cpt: {
      cpt: 1, hcpcs: 1, 'cpt hcpcs': 1, 'cpt code': 1, 'hcpcs code': 1, 'hcpcs rates': 1, 'procedure code': 1,
      'proc code': 1, 'proc cd': 1, procedure: 0.8, procedures: 0.8, 'procedures services or supplies': 1,
      proc: 0.8, 'service code': 0.8, 'billing code': 0.7, code: 0.45, hcpc: 0.9, 'proc cde': 1, 'procedure cd': 1,
    },
    // (Portal abbreviations too: MDFR, modifr.)
    modifier: { modifier: 1, modifiers: 1, 'modifier code': 1, mod: 0.9, mods: 0.9, modif: 0.9, 'mod code': 1, mdfr: 0.9, modfr: 0.9, modifr: 0.9, mdf: 0.8 },
    units: {
      units: 1, unit: 0.9, 'days or units': 1, 'days units': 1, 'service units': 1, 'serv units': 1, 'units of service': 1,
      'number of units': 1, quantity: 0.9, qty: 0.9, uos: 0.9, days: 0.4, unts: 0.9, qnty: 0.9, 'svc units': 1,
    },
    dos: {
      'date of service': 1, 'dates of service': 1, 'service date': 1, 'service dates': 1, dos: 1, 'svc date': 1,
      'svc dt': 1, 'serv date': 1, 'serv dates': 1, 'service from': 0.9, 'service to': 0.9, 'service start': 0.9, 'service end': 0.9,
      'date from': 0.8, 'date to': 0.8, 'from date': 0.8, 'to date': 0.8, 'start date': 0.6, 'end date': 0.6,
      date: 0.5, dt: 0.4, from: 0.35, to: 0.3, through: 0.35, thru: 0.35,
      'srvc date': 1, 'srv date': 1, 'service dt': 1, 'svc from': 0.9, 'svc to': 0.9, 'date of svc': 1, 'dt of svc': 1,
      'encounter date': 1, 'date of encounter': 1, 'visit date': 0.9, 'date of visit': 0.9, 'treatment date': 0.9,
    },
    pos: { 'place of service': 1, 'place of svc': 1, pos: 1, 'pos code': 1, 'service location': 0.6, 'plc of svc': 1, 'plc svc': 1, 'place svc': 1, place: 0.6 },
    dx: {
      diagnosis: 1, diagnoses: 1, 'diagnosis code': 1, 'diagnosis codes': 1, dx: 1, 'dx code': 1, diag: 0.9,
      'diag code': 1, icd: 1, 'icd 10': 1, 'icd 10 cm': 1, 'principal diagnosis': 1, 'other diagnosis': 1,
      'admitting diagnosis': 1, 'nature of illness': 1, 'illness or injury': 0.8, 'nature of illness or injury': 1,
    },
    pointer: {
      'diagnosis pointer': 1, 'diagnosis ptr': 1, 'dx pointer': 1, 'dx ptr': 1, 'dx pntr': 1, 'diag pointer': 1,
      'diag ptr': 1, 'diagnosis reference': 1, 'dx ref': 1, 'diag ref': 1, pointer: 0.9, ptr: 0.8, pntr: 0.8,
      'diag pntr': 1, 'dx point': 1, 'icd pointer': 1, 'icd ptr': 1, pointers: 0.9, 'diagnosis pointers': 1, 'dx pointers': 1,
      'diag pointers': 1, 'diagnosis ptrs': 1, 'dx ptrs': 1, justify: 0.9, 'dx justification': 1, 'diagnosis justification': 1,
    },
    revenue: { 'revenue code': 1, 'rev code': 1, 'rev cd': 1, 'revenue cd': 1, revenue: 1, rev: 0.8 },
    charge: {
      charges: 1, charge: 1, 'total charges': 1, 'line charge': 1, 'charge amount': 1, 'billed amount': 1,
      'amount billed': 1, billed: 0.8, chg: 0.8, chrg: 0.8, chgs: 0.8, chrgs: 0.8, fee: 0.7, amount: 0.5, amt: 0.5, price: 0.5,
      'charge amt': 1, 'chg amt': 1,
    },
  },
  negative: {
    zip: 1, 'zip code': 1, postal: 1, 'postal code': 1, postcode: 1,
    promo: 1, 'promo code': 1, promotion: 1, promotional: 1, coupon: 1, discount: 1, voucher: 1, 'gift card': 1,
    adjustment: 1, adjustments: 1, adj: 1, 'reason code': 1, reason: 0.8, carc: 1, rarc: 1, remark: 1,
    'remark code': 1, denial: 1, 'group code': 1,
    'claim number': 1, 'claim no': 1, 'claim id': 1, 'claim control': 1, reference: 1, 'reference number': 1,
    ref: 0.7, 'control number': 1, control: 1, cntl: 1, 'health plan': 1, 'plan id': 1, icn: 1, dcn: 1, tcn: 1, resubmission: 1, 'frequency code': 1, original: 0.7,
    payer: 1, payor: 1, 'payer id': 1, 'payor id': 1, npi: 1, taxonomy: 1, tax: 1, 'tax id': 1, taxid: 1, tin: 1,
    ein: 1, ssn: 1, 'social security': 1, 'federal tax': 1,
    member: 1, 'member id': 1, subscriber: 1, 'subscriber id': 1, insured: 1, policy: 1, 'group number': 1,
    group: 0.7, account: 0.8, 'account number': 1,
    search: 1, find: 0.8, lookup: 1, 'look up': 1, filter: 1, query: 0.8, keyword: 1, keywords: 1,
    phone: 1, telephone: 1, fax: 1, email: 1, 'e mail': 1, password: 1, username: 1, 'user name': 1,
    name: 1, 'first name': 1, 'last name': 1, address: 1, street: 1, city: 1, state: 0.7, country: 1,
    birth: 1, 'birth date': 1, 'date of birth': 1, dob: 1, birthdate: 1,
    admission: 1, admit: 1, discharge: 1, statement: 1, 'bill type': 1, 'type of bill': 1, 'patient status': 1,
    'occurrence code': 1, occurrence: 1, 'condition code': 1, 'value code': 1,
    onset: 1, 'current illness': 1, accident: 1, hospitalization: 1, 'unable to work': 1, 'last seen': 1,
    'initial treatment': 1, signature: 1, signed: 1,
    // Dates on a claim that are not dates of service (CMS-1500 boxes 14-18, UB-04 occurrence dates).
    'similar illness': 1, 'same or similar illness': 1, similar: 0.8, 'x ray': 1, xray: 1, 'last x ray': 1, illness: 0.8,
    injury: 0.8, hospitalized: 1, hosp: 0.8, 'return to work': 1, 'last worked': 1, disability: 1, lmp: 1, menstrual: 1,
    'acute manifestation': 1, 'assumed care': 1, 'relinquished care': 1, 'first consulted': 1, 'initial visit': 0.8, death: 1,
    // Codes that are not procedure codes.
    benefit: 1, 'benefit code': 1, 'type of service': 1, tos: 1, 'service type': 1, 'note code': 1, 'reference code': 1,
    'ref code': 1, 'unit of measure': 1, uom: 1, prescription: 1, 'family planning': 1, 'service facility': 1,
    'purchased service': 1, 'outside lab': 1, 'lab charges': 1, tooth: 1,
    carrier: 1, 'carrier code': 1, 'payer code': 1, 'plan code': 1, 'claim code': 1, 'claim date': 1, resub: 1, 'resub code': 1,
    minutes: 1, 'principal procedure': 1, 'other procedure': 1, 'procedure date': 1,
    paid: 1, 'amount paid': 1, 'non covered charges': 1, 'non covered charge': 1, 'noncovered charges': 1, 'non covered': 1, allowed: 1, copay: 1, 'co pay': 1, deductible: 1, coinsurance: 1, balance: 1,
    authorization: 1, 'prior authorization': 1, auth: 0.8, referral: 1,
    ndc: 1, 'national drug code': 1, 'drug code': 1, emg: 1, epsdt: 1, rendering: 1, provider: 0.7,
    qualifier: 1, qual: 1, 'icd indicator': 1, 'icd ind': 1, description: 1, desc: 1, narrative: 1,
    comment: 1, comments: 1, note: 1, notes: 1, remarks: 1,
  },
  slotFrom: ['from', 'start', 'begin', 'beginning', 'starting'],
  slotTo: ['to', 'through', 'thru', 'end', 'ending'],
  optionHints: {
    pos: ['office', 'hospital', 'inpatient', 'outpatient', 'home', 'telehealth', 'facility', 'nursing', 'clinic',
      'ambulance', 'emergency', 'school', 'pharmacy', 'hospice', 'campus', 'ambulatory', 'place of service'],
    modifier: ['component', 'professional', 'technical', 'distinct', 'procedural', 'bilateral', 'modifier',
      'separate', 'repeat', 'separately'],
  },
};
