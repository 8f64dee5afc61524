/**
 * The codes the catalog describes, alone: the always-on content script uses this list to notice a
 * hover over a described code without loading the catalog itself (a test keeps it equal to CODES).
 */
export const CATALOG_CODE_IDS: readonly string[] = [
  '20660', '61796', '61797', '61798', '61799', '61800', '77014', '77263', '77295', '77300', '77301', '77334', '77336',
  '77370', '77371', '77372', '77373', '77385', '77386', '77387', '77401', '77402', '77407', '77412', '77432', '77435',
  'G0339', 'G0340', 'G6001', 'G6002', 'G6003', 'G6004', 'G6005', 'G6006', 'G6007', 'G6008', 'G6009', 'G6010', 'G6011',
  'G6012', 'G6013', 'G6014', 'G6015', 'G6016', 'G6017',
];
