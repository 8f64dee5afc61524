import type { RawClaim } from '../../rules';
import { claim, line, type ProfileId } from './helpers';

export interface E2eCase {
  name: string;
  profile: ProfileId;
  claim: RawClaim;
  today?: string;
}

/** Whole claims as coders type them; their exact findings are pinned in e2e.test.ts. */
export const E2E_CLAIMS: E2eCase[] = [
  { name: 'clean Gamma Knife course, physician claim', profile: 'medicare-physician', claim: claim([line('77371'), line('77432'), line('77263'), line('77295'), line('77300', { units: '2' }), line('77334'), line('77370')], { dx: ['C79.31'] }) },
  { name: 'clean linac SRS, hospital claim', profile: 'medicare-outpatient', claim: claim([line('77372', { rev: '0333' }), line('77336'), line('77370')], { form: 'institutional', dx: ['D33.3'] }) },
  { name: '77372-26 typed in the code field', profile: 'medicare-physician', claim: claim([line('77372-26')], { dx: ['C71.9'] }) },
  { name: 'one unit per lesion', profile: 'medicare-physician', claim: claim([line('77372', { units: '3' })]) },
  { name: '77371 and 77372 on one date', profile: 'medicare-physician', claim: claim([line('77371'), line('77372')]) },
  { name: '77371 and 77372-XE', profile: 'medicare-physician', claim: claim([line('77371'), line('77372', { mods: ['XE'] })]) },
  { name: 'SRS and SBRT on one date', profile: 'medicare-physician', claim: claim([line('77372'), line('77373')]) },
  { name: 'G6002 with 59 beside 77372', profile: 'medicare-physician', claim: claim([line('77372'), line('G6002', { mods: ['59'] })]) },
  { name: '77014 without a modifier', profile: 'medicare-physician', claim: claim([line('77372'), line('77014')]) },
  { name: '77014-XS', profile: 'medicare-physician', claim: claim([line('77372'), line('77014', { mods: ['XS'] })]) },
  { name: 'SBRT management with SRS and 77432', profile: 'medicare-physician', claim: claim([line('77372'), line('77435'), line('77432')]) },
  { name: 'neurosurgeon and SRS delivery on one claim', profile: 'medicare-physician', claim: claim([line('61796'), line('77371'), line('61797', { units: '2' }), line('61800')]) },
  { name: 'SRS on two dates', profile: 'medicare-physician', claim: claim([line('77372'), line('77372', { date: '07/22/2024' })]) },
  { name: 'TC on 77372, commercial', profile: 'commercial', claim: claim([line('77372', { mods: ['TC'] })]) },
  { name: 'TC on 77372, Medicare', profile: 'medicare-physician', claim: claim([line('77372', { mods: ['TC'] })]) },
  { name: '78 on 77372', profile: 'medicare-physician', claim: claim([line('77372', { mods: ['78'] })]) },
  { name: 'RT and LT on 77371', profile: 'medicare-physician', claim: claim([line('77371', { mods: ['RT', 'LT'] })]) },
  { name: '59 on 77372 alone, Medicare', profile: 'medicare-physician', claim: claim([line('77372', { mods: ['59'] })]) },
  { name: '59 and XS on 77372', profile: 'medicare-physician', claim: claim([line('77372', { mods: ['59', 'XS'] })]) },
  { name: 'one-character modifier', profile: 'medicare-physician', claim: claim([line('77372', { mods: ['5'] })]) },
  { name: 'four-digit code', profile: 'medicare-physician', claim: claim([line('7737')]) },
  { name: 'G6002 in 2026', profile: 'medicare-physician', claim: claim([line('G6002', { date: '01/15/2026' })]) },
  { name: 'undated claim in 2026 with G6002', profile: 'medicare-physician', today: '2026-11-24', claim: claim([line('77372', { date: null }), line('G6002', { date: null })]) },
  { name: '77385 on a 2024 physician claim', profile: 'medicare-physician', claim: claim([line('77385')]) },
  { name: 'IMRT and SRS on a hospital claim', profile: 'medicare-outpatient', claim: claim([line('77372'), line('77386')], { form: 'institutional' }) },
  { name: 'diagnosis outside SRS indications', profile: 'medicare-physician', claim: claim([line('77372')], { dx: ['C34.90'] }) },
  { name: 'five additional lesions', profile: 'medicare-physician', claim: claim([line('61797', { units: '3' }), line('61799', { units: '2' })]) },
  { name: 'two undated 77372 lines', profile: 'medicare-physician', claim: claim([line('77372', { date: null }), line('77372', { date: null })]) },
  { name: 'repeat line with 76', profile: 'medicare-physician', claim: claim([line('77372'), line('77372', { mods: ['76'] })]) },
  { name: 'planning only', profile: 'medicare-physician', claim: claim([line('77263'), line('77295')]) },
  { name: 'Medicaid hospital claim with 77387', profile: 'medicaid', claim: claim([line('77372'), line('77387')], { form: 'institutional' }) },
  { name: '26 on 77432 beside 77372', profile: 'medicare-physician', claim: claim([line('77432', { mods: ['26'] }), line('77372')]) },
  { name: 'empty claim', profile: 'medicare-physician', claim: claim([]) },
  { name: 'office visit on the SRS date', profile: 'medicare-physician', claim: claim([line('77372'), line('99213')]) },
  { name: 'everything typed loosely', profile: 'medicare-physician', claim: claim([line('77372-26-59', { units: '2.0', date: '7/15/24' }), line('g6001', { mods: ['xs'], date: '07152024' })], { dx: ['c7931'] }) },
  { name: 'commercial hospital claim, clean', profile: 'commercial', claim: claim([line('77372'), line('77432', { date: '07/14/2024' })], { form: 'institutional', dx: ['Q28.2'] }) },
];
