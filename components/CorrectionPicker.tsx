import { useState } from 'preact/hooks';
import type { FieldRole } from '../detection/types';
import { lineRuleFits } from '../detection/corrections';
import { CORRECTION_ROLES, type CorrectionRole, type LineRule } from '../settings/corrections';
import { t } from './i18n';

/** One detected field of a line, as the coder can correct it (never its value). */
export interface FieldChoice {
  role: FieldRole;
  /** Modifier slot (1..4), date from (0) / to (1). */
  slot?: number;
  /** A recipe already names this field. */
  corrected?: boolean;
  /** Why detection read it so (sent by the page to the side panel)… */
  reasons?: readonly { kind: string; text: string }[];
  /** …or read on demand (the in-page card). */
  explain?: () => readonly { kind: string; text: string }[];
}

/** "column “Modifier” · name “mod2”": the evidence for a field's role, in the page's language. */
function whyText(field: FieldChoice): string {
  let reasons: readonly { kind: string; text: string }[] = [];
  try {
    reasons = field.reasons ?? field.explain?.() ?? [];
  } catch {
    reasons = [];
  }
  return reasons.map(({ kind, text }) => t(`reason_${kind.replace(/-/g, '_')}`, [text])).filter(Boolean).join(' · ');
}

/** The i18n key naming a correction role. */
export const roleLabel = (role: CorrectionRole): string => t(role === 'none' ? 'correction_role_none' : `correction_role_${role}`);

/** A line rule in words: "Line as shown", "On line 3", "Every line (claim)". */
export const lineRuleLabel = (line: LineRule): string =>
  line.kind === 'line' ? t('correction_line_n', [String(line.line)]) : line.kind === 'claim' ? t('correction_line_claim') : t('correction_line_auto');

/** A line rule as a <select> value, and back. */
const lineValue = (line: LineRule): string => (line.kind === 'line' ? `line:${line.line}` : line.kind);
const lineOfValue = (value: string): LineRule =>
  value.startsWith('line:') ? { kind: 'line', line: Number(value.slice(5)) } : value === 'claim' ? { kind: 'claim' } : { kind: 'auto' };

/** The line rules offered for a role on a claim of `lineCount` lines (CPT and revenue codes make their own line; only dates and places of service hold for a whole claim). */
function lineChoices(role: CorrectionRole, lineCount: number): LineRule[] {
  const lines: LineRule[] = Array.from({ length: lineCount }, (_, index) => ({ kind: 'line', line: index + 1 }));
  return [{ kind: 'auto' } as LineRule, ...lines, { kind: 'claim' } as LineRule].filter((line) => lineRuleFits(role, line));
}

export interface CorrectionPickerProps {
  fields: readonly FieldChoice[];
  /** Saves what field `index` is, and on which line; resolves whether it was saved. */
  onCorrect(index: number, role: CorrectionRole, line: LineRule): Promise<boolean> | boolean;
  /** How many service lines the claim has (the lines a field can be put on). */
  lineCount: number;
  /** Makes the control ids unique where several pickers share a page (the side panel). */
  idPrefix: string;
  /** Shown open, without its own disclosure (inside one already: the side panel's). */
  open?: boolean;
}

/**
 * "This field is…": for each detected field of a line, what ClaimGuide read it as, and a choice of
 * every role or "Not a claim field". Saving makes a recipe for the site (settings/corrections.ts).
 * Used in the in-page card and in the side panel.
 */
export function CorrectionPicker({ fields, onCorrect, idPrefix, open, lineCount }: CorrectionPickerProps) {
  const [chosen, setChosen] = useState<Record<number, CorrectionRole>>({});
  const [chosenLine, setChosenLine] = useState<Record<number, string>>({});
  const [status, setStatus] = useState('');
  if (!fields.length) return null;

  const roleOf = (index: number) => chosen[index] ?? fields[index]!.role;
  /** The line chosen for a field, when it still fits the role chosen (else "as the page shows it"). */
  const lineOf = (index: number): LineRule => {
    const line = lineOfValue(chosenLine[index] ?? 'auto');
    return lineRuleFits(roleOf(index), line) && (line.kind !== 'line' || line.line <= lineCount) ? line : { kind: 'auto' };
  };

  async function save(index: number) {
    const role = roleOf(index);
    const line = lineOf(index);
    let saved = false;
    try {
      saved = await onCorrect(index, role, line);
    } catch {
      saved = false;
    }
    setStatus(saved ? t('correction_saved', [line.kind === 'auto' ? roleLabel(role) : `${roleLabel(role)} · ${lineRuleLabel(line)}`]) : t('correction_failed'));
  }

  const body = (
    <>
      <ul class="cg-correct__fields">
        {fields.map((field, index) => {
          const id = `${idPrefix}-field-${index}`;
          const lines = lineChoices(roleOf(index), lineCount);
          const read = field.slot !== undefined && field.role === 'modifier' ? `${roleLabel(field.role)} ${field.slot}` : roleLabel(field.role);
          return (
            <li key={index} data-correct-field={index} data-role={field.role}>
              <label for={id}>
                {t('correction_picker_field', [String(index + 1), read])}
                {field.corrected ? <em class="cg-muted"> ({t('correction_picker_yours')})</em> : null}
                {!field.corrected && whyText(field) ? (
                  <span class="cg-muted cg-correct__why" data-field-reasons="">
                    {' '}
                    {t('reason_intro', [whyText(field)])}
                  </span>
                ) : null}
              </label>{' '}
              <select
                id={id}
                data-correct-role=""
                value={chosen[index] ?? field.role}
                onChange={(event) => setChosen({ ...chosen, [index]: (event.target as HTMLSelectElement).value as CorrectionRole })}
              >
                {CORRECTION_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>{' '}
              {lines.length > 1 ? (
                <select
                  aria-label={t('correction_line_label', [String(index + 1)])}
                  data-correct-line-rule=""
                  value={lineValue(lineOf(index))}
                  onChange={(event) => setChosenLine({ ...chosenLine, [index]: (event.target as HTMLSelectElement).value })}
                >
                  {lines.map((line) => (
                    <option key={lineValue(line)} value={lineValue(line)}>
                      {lineRuleLabel(line)}
                    </option>
                  ))}
                </select>
              ) : null}{' '}
              <button type="button" class="cg-button" data-claimguide-action="correct" onClick={() => void save(index)}>
                {t('correction_picker_save')}
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status" class="cg-correct__status">
        {status}
      </p>
    </>
  );
  if (open) return <div class="cg-correct__picker">{body}</div>;
  return (
    <details class="cg-correct" data-claimguide-correct="">
      <summary>{t('correction_picker_title')}</summary>
      <p class="cg-muted">{t('correction_picker_intro')}</p>
      {body}
    </details>
  );
}
