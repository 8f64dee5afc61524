import type { Localized } from '../profile';

/**
 * Modifier catalog: our own plain-language meanings of every modifier the rules mention.
 * kind: 'procedure' modifiers change what the code reports (and may bypass edits or limits);
 * 'payment' modifiers change how the payer pays or which component is billed;
 * 'informational' ones only inform (liability notices, site, statistics).
 */
export interface ModifierEntry {
  modifier: string;
  meaning: Localized;
  kind: 'procedure' | 'payment' | 'informational';
}

const m = (modifier: string, kind: ModifierEntry['kind'], en: string, es: string): ModifierEntry => ({ modifier, kind, meaning: { en, es } });

export const MODIFIERS: readonly ModifierEntry[] = [
  m('22', 'procedure', 'Increased procedural services: substantially more work than usual.', 'Servicios de procedimiento aumentados: mucho más trabajo del habitual.'),
  m('24', 'procedure', 'Unrelated evaluation and management visit during a postoperative period.', 'Visita de evaluación y manejo no relacionada durante un período postoperatorio.'),
  m('25', 'procedure', 'Significant, separately identifiable evaluation and management visit on the day of a procedure.', 'Visita de evaluación y manejo significativa y aparte el mismo día de un procedimiento.'),
  m('26', 'payment', 'Professional component only: the physician’s interpretation or supervision, without the equipment and staff part.', 'Solo componente profesional: la interpretación o supervisión del médico, sin la parte de equipo y personal.'),
  m('TC', 'payment', 'Technical component only: equipment, staff and supplies, without the physician’s part.', 'Solo componente técnico: equipo, personal y suministros, sin la parte del médico.'),
  m('50', 'procedure', 'Bilateral procedure: the same procedure on both sides of the body in one session.', 'Procedimiento bilateral: el mismo procedimiento en ambos lados del cuerpo en una sesión.'),
  m('51', 'procedure', 'Multiple procedures by the same provider in one session (payment reduction applies).', 'Varios procedimientos del mismo proveedor en una sesión (se aplica reducción de pago).'),
  m('52', 'procedure', 'Reduced services: the procedure was partly reduced or eliminated.', 'Servicios reducidos: el procedimiento se redujo o eliminó en parte.'),
  m('53', 'procedure', 'Discontinued procedure: stopped after it started, usually for the patient’s safety.', 'Procedimiento interrumpido: se detuvo una vez iniciado, normalmente por la seguridad del paciente.'),
  m('57', 'procedure', 'Decision for surgery made at this evaluation and management visit.', 'La decisión de operar se tomó en esta visita de evaluación y manejo.'),
  m('58', 'procedure', 'Staged or related procedure during the postoperative period, planned or more extensive.', 'Procedimiento por etapas o relacionado durante el período postoperatorio, planificado o más extenso.'),
  m('59', 'procedure', 'Distinct procedural service: separate session, site or encounter; may bypass an NCCI edit with indicator 1 when documented.', 'Servicio de procedimiento distinto: sesión, sitio o encuentro separados; puede evitar una edición NCCI con indicador 1 si está documentado.'),
  m('XE', 'procedure', 'Separate encounter: a more specific form of 59.', 'Encuentro separado: una forma más específica de 59.'),
  m('XS', 'procedure', 'Separate structure or organ: a more specific form of 59.', 'Estructura u órgano separado: una forma más específica de 59.'),
  m('XP', 'procedure', 'Separate practitioner: a more specific form of 59.', 'Profesional distinto: una forma más específica de 59.'),
  m('XU', 'procedure', 'Unusual non-overlapping service: a more specific form of 59.', 'Servicio inusual que no se superpone: una forma más específica de 59.'),
  m('76', 'procedure', 'Repeat procedure by the same physician on the same day.', 'Procedimiento repetido por el mismo médico el mismo día.'),
  m('77', 'procedure', 'Repeat procedure by another physician on the same day.', 'Procedimiento repetido por otro médico el mismo día.'),
  m('78', 'procedure', 'Unplanned return to the operating room for a related procedure during a postoperative period.', 'Regreso no planificado al quirófano por un procedimiento relacionado durante un período postoperatorio.'),
  m('79', 'procedure', 'Unrelated procedure by the same physician during a postoperative period.', 'Procedimiento no relacionado del mismo médico durante un período postoperatorio.'),
  m('91', 'procedure', 'Repeat clinical laboratory test on the same day.', 'Prueba de laboratorio clínico repetida el mismo día.'),
  m('LT', 'procedure', 'Left side of the body.', 'Lado izquierdo del cuerpo.'),
  m('RT', 'procedure', 'Right side of the body.', 'Lado derecho del cuerpo.'),
  m('GA', 'informational', 'A liability notice (ABN) is on file (payment/informational; neutral for these rules).', 'Hay un aviso de responsabilidad (ABN) archivado (de pago/informativo; neutral para estas reglas).'),
  m('GZ', 'informational', 'Expected to be denied as not reasonable and necessary; no liability notice on file (payment/informational).', 'Se espera la denegación por no ser razonable ni necesario; sin aviso de responsabilidad (de pago/informativo).'),
  m('GY', 'informational', 'Statutorily excluded item or service, or not a benefit (payment/informational).', 'Artículo o servicio excluido por ley o no cubierto (de pago/informativo).'),
  m('KX', 'informational', 'Requirements of the payer’s policy are met and documented (payment/informational).', 'Se cumplen y documentan los requisitos de la política del pagador (de pago/informativo).'),
  m('PO', 'payment', 'Service at an off-campus provider-based hospital department (excepted).', 'Servicio en un departamento hospitalario fuera del campus (exceptuado).'),
  m('PN', 'payment', 'Service at a non-excepted off-campus provider-based hospital department.', 'Servicio en un departamento hospitalario fuera del campus no exceptuado.'),
];

const byModifier = new Map(MODIFIERS.map((entry) => [entry.modifier, entry]));

export function describeModifier(modifier: string): ModifierEntry | undefined {
  return typeof modifier === 'string' ? byModifier.get(modifier.trim().toUpperCase()) : undefined;
}
