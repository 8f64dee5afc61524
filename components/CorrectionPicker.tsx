import { useState } from 'preact/hooks';
import type { FieldRole } from '../detection/types';
import { CORRECTION_ROLES, type CorrectionRole } from '../settings/corrections';
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

export interface CorrectionPickerProps {
  fields: readonly FieldChoice[];
  /** Saves what field `index` is; resolves whether it was saved. */
  onCorrect(index: number, role: CorrectionRole): Promise<boolean> | boolean;
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
export function CorrectionPicker({ fields, onCorrect, idPrefix, open }: CorrectionPickerProps) {
  const [chosen, setChosen] = useState<Record<number, CorrectionRole>>({});
  const [status, setStatus] = useState('');
  if (!fields.length) return null;

  async function save(index: number) {
    const role = chosen[index] ?? fields[index]!.role;
    let saved = false;
    try {
      saved = await onCorrect(index, role);
    } catch {
      saved = false;
    }
    setStatus(saved ? t('correction_saved', [roleLabel(role)]) : t('correction_failed'));
  }

  const body = (
    <>
      <ul class="cg-correct__fields">
        {fields.map((field, index) => {
          const id = `${idPrefix}-field-${index}`;
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
                value={chosen[index] ?? field.role}
                onChange={(event) => setChosen({ ...chosen, [index]: (event.target as HTMLSelectElement).value as CorrectionRole })}
              >
                {CORRECTION_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>{' '}
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
