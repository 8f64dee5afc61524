import { useState } from 'preact/hooks';
import type { ClaimState, FieldAddressMessage, LineFields } from '../messaging/schemas';
import type { CorrectionRole, LineRule } from '../settings/corrections';
import { CorrectionPicker } from './CorrectionPicker';
import { t } from './i18n';

export interface LineCorrectionsProps {
  claim: ClaimState;
  frameId: number;
  /** Asks the page for the detected fields of one line (and where each is); null when it cannot be reached. */
  loadFields(target: { frameId: number; claimIndex: number; line: number }): Promise<LineFields | null>;
  /** Saves a correction for the field at `address`; resolves whether it was saved. */
  onCorrect(address: FieldAddressMessage, role: CorrectionRole, line: LineRule): Promise<boolean>;
}

/**
 * The side panel's "This field is…" for one claim: pick a line, see its detected fields as the page
 * reads them now, and say what any of them is (components/CorrectionPicker.tsx).
 */
export function LineCorrections({ claim, frameId, loadFields, onCorrect }: LineCorrectionsProps) {
  const [line, setLine] = useState<number | null>(null);
  const [fields, setFields] = useState<LineFields | null | 'loading'>(null);
  const lines = claim.lines.filter((entry) => entry.code !== '');

  async function open(index: number) {
    setLine(index);
    setFields('loading');
    setFields(await loadFields({ frameId, claimIndex: claim.claimIndex, line: index }).catch(() => null));
  }

  return (
    <details class="cg-correct" data-claimguide-correct="">
      <summary>{t('correction_picker_title')}</summary>
      <p class="cg-muted">{t('correction_picker_intro')}</p>
      <div class="cg-correct__lines" role="group" aria-label={t('correction_panel_toggle')}>
        {lines.map((entry) => (
          <button key={entry.index} type="button" aria-pressed={line === entry.index} data-correct-line={entry.index} onClick={() => void open(entry.index)}>
            {t('col_line')} {entry.index + 1} · {entry.code}
          </button>
        ))}
      </div>
      {line === null ? null : fields === 'loading' ? (
        <p class="cg-muted">{t('correction_panel_loading')}</p>
      ) : fields === null ? (
        <p class="cg-muted">{t('correction_panel_unavailable')}</p>
      ) : (
        <CorrectionPicker
          key={`${frameId}-${claim.claimIndex}-${line}`}
          open
          fields={fields}
          idPrefix={`cg-panel-${frameId}-${claim.claimIndex}-${line}`}
          lineCount={claim.lines.length}
          onCorrect={async (index, role, ruleOfLine) => {
            const field = fields[index];
            return field ? onCorrect(field.address, role, ruleOfLine) : false;
          }}
        />
      )}
    </details>
  );
}
