import type { Localized } from '../profile';

/**
 * Code catalog: OUR plain-language summaries (never the AMA CPT descriptor text), MPFS
 * component (from the PC/TC indicator), the modifiers that may apply, related codes and, for
 * 77371/77372, the documentation checklist (srs-reference.md §1, §7, §10).
 */
export interface ChecklistItem {
  id: string;
  text: Localized;
}

export interface CodeEntry {
  code: string;
  summary: Localized;
  /**
   * MPFS PC/TC: 'technical' (3, technical only), 'professional' (2, professional only),
   * 'global' (1, splits into 26 and TC), 'none' (0, the concept does not apply).
   */
  component: 'technical' | 'professional' | 'global' | 'none';
  /** Modifiers that may legitimately appear on the code (empty: none is expected). */
  expectedModifiers: readonly string[];
  relatedCodes: readonly { code: string; why: Localized }[];
  /** Documentation checklist (77371/77372). */
  checklist?: readonly ChecklistItem[];
  /** First date of service on which the code is no longer valid, when deleted. */
  deletedOn?: string;
}

const L = (en: string, es: string): Localized => ({ en, es });
const BYPASS = ['59', 'XE', 'XS', 'XP', 'XU'] as const;

const SRS_RELATED = [
  { code: '77432', why: L('The physician’s treatment management for the one-session course (no NCCI edit with 77371/77372).', 'El manejo del tratamiento por el médico para el curso de una sesión (sin edición NCCI con 77371/77372).') },
  { code: '77373', why: L('SBRT delivery per fraction: for 2–5 sessions instead; never on the same date (NCCI indicator 0).', 'Entrega de SBRT por fracción: para 2–5 sesiones; nunca en la misma fecha (indicador NCCI 0).') },
  { code: '61796', why: L('The neurosurgeon’s SRS code for the first lesion; bundles 77371/77372 on the same claim (indicator 0).', 'El código de radiocirugía del neurocirujano para la primera lesión; agrupa 77371/77372 en la misma reclamación (indicador 0).') },
  { code: '77263', why: L('Complex treatment planning: reported separately (no NCCI edit).', 'Planificación compleja del tratamiento: se reporta aparte (sin edición NCCI).') },
  { code: '77295', why: L('3-D planning with dose-volume histograms: reported separately (no NCCI edit).', 'Planificación 3-D con histogramas dosis-volumen: se reporta aparte (sin edición NCCI).') },
  { code: '77300', why: L('Dosimetry calculation: reported separately (no NCCI edit).', 'Cálculo dosimétrico: se reporta aparte (sin edición NCCI).') },
  { code: '77334', why: L('Complex treatment devices: reported separately (no NCCI edit).', 'Dispositivos de tratamiento complejos: se reportan aparte (sin edición NCCI).') },
  { code: '77370', why: L('Special physics consultation: reported separately (no NCCI edit).', 'Consulta especial de física: se reporta aparte (sin edición NCCI).') },
  { code: 'G6002', why: L('Stereoscopic X-ray guidance: included in SRS delivery (indicator 0).', 'Guía estereoscópica por rayos X: incluida en la entrega de radiocirugía (indicador 0).') },
] as const;

const checklist = (linac: boolean): ChecklistItem[] => [
  { id: 'plan', text: L('Treatment plan with target volume delineation, dose calculations and treatment parameters', 'Plan de tratamiento con delimitación del volumen blanco, cálculos de dosis y parámetros de tratamiento') },
  { id: 'imaging', text: L('Pre-treatment CT/MRI used for planning and imaging for localization', 'TC/RM previas usadas para la planificación e imágenes de localización') },
  { id: 'stabilization', text: L('Patient positioning and stabilization (frame or frameless)', 'Posicionamiento y estabilización del paciente (con o sin marco)') },
  { id: 'planning', text: L('Computer-assisted planning: isocenters, arcs or beams, isodose distribution', 'Planificación asistida por computadora: isocentros, arcos o haces, distribución de isodosis') },
  { id: 'prescription', text: L('Dose prescription and calculation', 'Prescripción y cálculo de la dosis') },
  {
    id: 'verification',
    text: linac
      ? L('Set-up and accuracy verification: patient positioning, target alignment and the linear accelerator settings used', 'Verificación de la preparación y la precisión: posicionamiento del paciente, alineación del blanco y parámetros del acelerador lineal usados')
      : L('Set-up and accuracy verification before delivery', 'Verificación de la preparación y la precisión antes de la entrega'),
  },
  { id: 'delivery', text: L('Record of the delivery, in one session', 'Registro de la entrega, en una sola sesión') },
  { id: 'summary', text: L('Treatment summary listing every lesion treated and the total dose', 'Resumen del tratamiento con cada lesión tratada y la dosis total') },
  { id: 'pathology', text: L('Pathology report, if applicable', 'Informe de patología, si corresponde') },
  { id: 'necessity', text: L('Medical necessity: lesion amenable to SRS, overall health, risks and benefits discussed', 'Necesidad médica: lesión apta para radiocirugía, estado general, riesgos y beneficios comentados') },
];

const DELIVERY_2026 = L(
  'From 2026-01-01 delivery is reported with the revised 77402/77407/77412 (levels 1–3, image guidance included).',
  'Desde el 2026-01-01 la entrega se reporta con los 77402/77407/77412 revisados (niveles 1–3, guía por imagen incluida).',
);

const entries: CodeEntry[] = [
  {
    code: '77371',
    summary: L('SRS treatment delivery with a multi-source cobalt-60 unit (e.g. Gamma Knife): the complete course for one or more cranial lesions in one session. Technical only.', 'Entrega de radiocirugía estereotáctica con una unidad de cobalto-60 multifuente (p. ej. Gamma Knife): el curso completo para una o más lesiones craneales en una sesión. Solo técnico.'),
    component: 'technical',
    expectedModifiers: BYPASS,
    relatedCodes: [{ code: '77372', why: L('Linac-based SRS: mutually exclusive with 77371 on the same date (indicator 1).', 'Radiocirugía con acelerador lineal: mutuamente excluyente con 77371 en la misma fecha (indicador 1).') }, ...SRS_RELATED],
    checklist: checklist(false),
  },
  {
    code: '77372',
    summary: L('SRS treatment delivery with a linear accelerator: the complete course for one or more cranial lesions in one session. Technical only.', 'Entrega de radiocirugía estereotáctica con acelerador lineal: el curso completo para una o más lesiones craneales en una sesión. Solo técnico.'),
    component: 'technical',
    expectedModifiers: BYPASS,
    relatedCodes: [
      { code: '77371', why: L('Cobalt-60 SRS: mutually exclusive with 77372 on the same date (indicator 1).', 'Radiocirugía con cobalto-60: mutuamente excluyente con 77372 en la misma fecha (indicador 1).') },
      ...SRS_RELATED,
      { code: 'G0339', why: L('Robotic linac SRS (e.g. CyberKnife), which Medicare OPPS has billed with G0339/G0340.', 'Radiocirugía robótica con acelerador lineal (p. ej. CyberKnife), que Medicare OPPS ha facturado con G0339/G0340.') },
    ],
    checklist: checklist(true),
  },
  {
    code: '77373',
    summary: L('Stereotactic body radiation therapy (SBRT) delivery, per fraction, one or more lesions, image guidance included; a course has at most 5 fractions. Technical only.', 'Entrega de radioterapia corporal estereotáctica (SBRT), por fracción, una o más lesiones, guía por imagen incluida; un curso tiene como máximo 5 fracciones. Solo técnico.'),
    component: 'technical',
    expectedModifiers: [],
    relatedCodes: [
      { code: '77435', why: L('SBRT management, once per course.', 'Manejo de SBRT, una vez por curso.') },
      { code: '77371', why: L('Never with one-session SRS on the same date (indicator 0).', 'Nunca con radiocirugía de una sesión en la misma fecha (indicador 0).') },
      { code: '77372', why: L('Never with one-session SRS on the same date (indicator 0).', 'Nunca con radiocirugía de una sesión en la misma fecha (indicador 0).') },
    ],
  },
  {
    code: '77432',
    summary: L('Stereotactic radiation treatment management for cranial lesion(s), one-session course: the physician’s part. Professional only.', 'Manejo del tratamiento de radiación estereotáctica de lesiones craneales, curso de una sesión: la parte del médico. Solo profesional.'),
    component: 'professional',
    expectedModifiers: [],
    relatedCodes: [
      { code: '77371', why: L('The technical delivery it manages; no NCCI edit between them.', 'La entrega técnica que maneja; sin edición NCCI entre ellos.') },
      { code: '77372', why: L('The technical delivery it manages; no NCCI edit between them.', 'La entrega técnica que maneja; sin edición NCCI entre ellos.') },
    ],
  },
  {
    code: '77435',
    summary: L('SBRT treatment management, once per course of up to 5 fractions. Professional only.', 'Manejo del tratamiento de SBRT, una vez por curso de hasta 5 fracciones. Solo profesional.'),
    component: 'professional',
    expectedModifiers: [],
    relatedCodes: [{ code: '77373', why: L('The SBRT delivery it manages.', 'La entrega de SBRT que maneja.') }],
  },
  { code: '77263', summary: L('Radiation therapy planning, complex.', 'Planificación de radioterapia, compleja.'), component: 'professional', expectedModifiers: [], relatedCodes: [] },
  { code: '77295', summary: L('3-D radiotherapy plan, with dose-volume histograms.', 'Plan de radioterapia 3-D, con histogramas dosis-volumen.'), component: 'global', expectedModifiers: ['26', 'TC'], relatedCodes: [] },
  { code: '77300', summary: L('Basic radiation dosimetry calculation.', 'Cálculo dosimétrico básico de radiación.'), component: 'global', expectedModifiers: ['26', 'TC'], relatedCodes: [] },
  { code: '77301', summary: L('IMRT plan, with dose-volume histograms.', 'Plan de IMRT, con histogramas dosis-volumen.'), component: 'global', expectedModifiers: ['26', 'TC'], relatedCodes: [] },
  { code: '77334', summary: L('Treatment devices, complex (design and construction).', 'Dispositivos de tratamiento, complejos (diseño y construcción).'), component: 'global', expectedModifiers: ['26', 'TC'], relatedCodes: [] },
  { code: '77336', summary: L('Continuing medical physics consultation, per week of therapy. Technical only.', 'Consulta continua de física médica, por semana de tratamiento. Solo técnico.'), component: 'technical', expectedModifiers: [], relatedCodes: [] },
  { code: '77370', summary: L('Special medical radiation physics consultation. Technical only.', 'Consulta especial de física médica de radiación. Solo técnico.'), component: 'technical', expectedModifiers: [], relatedCodes: [] },
  {
    code: '77014',
    summary: L('CT guidance for placement of radiation therapy fields. Deleted for 2026.', 'Guía por TC para la colocación de campos de radioterapia. Eliminado en 2026.'),
    component: 'global',
    expectedModifiers: ['26', 'TC', ...BYPASS],
    relatedCodes: [{ code: '77372', why: L('With SRS on the same date: NCCI indicator 1.', 'Con radiocirugía en la misma fecha: indicador NCCI 1.') }],
    deletedOn: '2026-01-01',
  },
  {
    code: '77387',
    summary: L('Guidance for localization of the target volume during radiation delivery (image guidance). MPFS status I in 2024–2025 (Medicare physician claims used G6001/G6002/G6017); professional only from 2026.', 'Guía para localizar el volumen blanco durante la entrega (guía por imagen). Estado I en el MPFS 2024–2025 (Medicare usaba G6001/G6002/G6017); solo profesional desde 2026.'),
    component: 'none',
    expectedModifiers: [],
    relatedCodes: [],
  },
  ...(['77385', '77386'] as const).map((code) => ({
    code,
    summary: code === '77385'
      ? L('IMRT treatment delivery, simple. MPFS status I (G6015/G6016 under Medicare); deleted for 2026.', 'Entrega de IMRT, simple. Estado I en el MPFS (G6015/G6016 en Medicare); eliminado en 2026.')
      : L('IMRT treatment delivery, complex. MPFS status I (G6015/G6016 under Medicare); deleted for 2026.', 'Entrega de IMRT, compleja. Estado I en el MPFS (G6015/G6016 en Medicare); eliminado en 2026.'),
    component: 'technical' as const,
    expectedModifiers: [],
    relatedCodes: [{ code: '77402', why: DELIVERY_2026 }],
    deletedOn: '2026-01-01',
  })),
  { code: '77401', summary: L('Radiation treatment delivery, superficial and/or ortho voltage. Technical only.', 'Entrega de radioterapia superficial y/o de ortovoltaje. Solo técnico.'), component: 'technical', expectedModifiers: [], relatedCodes: [] },
  ...(['77402', '77407', '77412'] as const).map((code, level) => ({
    code,
    summary: L(
      `External-beam radiation treatment delivery (level ${level + 1} in 2026, image guidance included). MPFS status I in 2024–2025 (G6003–G6014 under Medicare). Technical only.`,
      `Entrega de radioterapia externa (nivel ${level + 1} en 2026, guía por imagen incluida). Estado I en el MPFS 2024–2025 (G6003–G6014 en Medicare). Solo técnico.`,
    ),
    component: 'technical' as const,
    expectedModifiers: [],
    relatedCodes: [],
  })),
  { code: '61796', summary: L('Neurosurgeon’s stereotactic radiosurgery, first simple cranial lesion (global period 90 days).', 'Radiocirugía estereotáctica del neurocirujano, primera lesión craneal simple (período global de 90 días).'), component: 'none', expectedModifiers: [], relatedCodes: [{ code: '61797', why: L('Each additional simple lesion (add-on).', 'Cada lesión simple adicional (complementario).') }] },
  { code: '61797', summary: L('Add-on: each additional simple cranial lesion; 61797 + 61799 at most 4 units per course.', 'Complementario: cada lesión craneal simple adicional; 61797 + 61799 como máximo 4 unidades por curso.'), component: 'none', expectedModifiers: [], relatedCodes: [] },
  { code: '61798', summary: L('Neurosurgeon’s stereotactic radiosurgery, first complex cranial lesion (global period 90 days).', 'Radiocirugía estereotáctica del neurocirujano, primera lesión craneal compleja (período global de 90 días).'), component: 'none', expectedModifiers: [], relatedCodes: [{ code: '61799', why: L('Each additional complex lesion (add-on).', 'Cada lesión compleja adicional (complementario).') }] },
  { code: '61799', summary: L('Add-on: each additional complex cranial lesion; 61797 + 61799 at most 4 units per course.', 'Complementario: cada lesión craneal compleja adicional; 61797 + 61799 como máximo 4 unidades por curso.'), component: 'none', expectedModifiers: [], relatedCodes: [] },
  { code: '61800', summary: L('Add-on: application of a stereotactic headframe for radiosurgery.', 'Complementario: colocación de un marco estereotáctico para radiocirugía.'), component: 'none', expectedModifiers: [], relatedCodes: [] },
  { code: '20660', summary: L('Application of cranial tongs, caliper or stereotactic frame (a separate procedure; bundled with SRS delivery).', 'Colocación de pinzas craneales, calibrador o marco estereotáctico (procedimiento aparte; agrupado con la entrega de radiocirugía).'), component: 'none', expectedModifiers: [], relatedCodes: [] },
  { code: 'G0339', summary: L('Image-guided robotic linear-accelerator SRS: complete course in one session, or the first session of a fractionated course.', 'Radiocirugía robótica guiada por imagen con acelerador lineal: curso completo en una sesión o primera sesión de un curso fraccionado.'), component: 'none', expectedModifiers: [], relatedCodes: [{ code: 'G0340', why: L('Sessions 2–5 of the fractionated course.', 'Sesiones 2–5 del curso fraccionado.') }] },
  { code: 'G0340', summary: L('Robotic linear-accelerator SRS, fractionated: each session 2 to 5, at most 5 per course.', 'Radiocirugía robótica con acelerador lineal, fraccionada: cada sesión de la 2 a la 5, como máximo 5 por curso.'), component: 'none', expectedModifiers: [], relatedCodes: [] },
  { code: 'G6001', summary: L('Ultrasonic guidance for placement of radiation therapy fields. Deleted for 2026.', 'Guía ecográfica para la colocación de campos de radioterapia. Eliminado en 2026.'), component: 'global', expectedModifiers: ['26', 'TC', ...BYPASS], relatedCodes: [], deletedOn: '2026-01-01' },
  { code: 'G6002', summary: L('Stereoscopic X-ray guidance for localization of the target volume. Deleted for 2026.', 'Guía estereoscópica por rayos X para localizar el volumen blanco. Eliminado en 2026.'), component: 'global', expectedModifiers: ['26', 'TC'], relatedCodes: [], deletedOn: '2026-01-01' },
  ...Array.from({ length: 12 }, (_, i) => `G${6003 + i}`).map((code) => ({
    code,
    summary: L('Conventional radiation treatment delivery by energy and complexity (Medicare physician G-code). Deleted for 2026.', 'Entrega de radioterapia convencional según energía y complejidad (código G de Medicare). Eliminado en 2026.'),
    component: 'technical' as const,
    expectedModifiers: [],
    relatedCodes: [{ code: '77402', why: DELIVERY_2026 }],
    deletedOn: '2026-01-01',
  })),
  ...(['G6015', 'G6016'] as const).map((code) => ({
    code,
    summary: code === 'G6015'
      ? L('IMRT treatment delivery (Medicare physician G-code). Deleted for 2026.', 'Entrega de IMRT (código G de Medicare). Eliminado en 2026.')
      : L('Compensator-based IMRT delivery (Medicare physician G-code). Deleted for 2026.', 'Entrega de IMRT con compensadores (código G de Medicare). Eliminado en 2026.'),
    component: 'technical' as const,
    expectedModifiers: [],
    relatedCodes: [{ code: '77402', why: DELIVERY_2026 }],
    deletedOn: '2026-01-01',
  })),
  { code: 'G6017', summary: L('Intrafraction localization and tracking of target or patient motion. Deleted for 2026.', 'Localización y seguimiento intrafracción del movimiento del blanco o del paciente. Eliminado en 2026.'), component: 'none', expectedModifiers: [], relatedCodes: [], deletedOn: '2026-01-01' },
];

export const CODES: readonly CodeEntry[] = entries.sort((a, b) => (a.code < b.code ? -1 : 1));
const byCode = new Map(CODES.map((entry) => [entry.code, entry]));

export function describeCode(code: string): CodeEntry | undefined {
  return typeof code === 'string' ? byCode.get(code.trim().toUpperCase()) : undefined;
}
