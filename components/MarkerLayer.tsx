import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../rules';
import { descriptorOf } from './descriptors';
import { FindingList, SeverityBadge } from './FindingList';
import { t } from './i18n';
import { Tooltip, type TooltipView } from './Tooltip';
import { CorrectionPicker, type FieldChoice } from './CorrectionPicker';
import type { CorrectionRole, LineRule } from '../settings/corrections';

export type MarkerSeverity = 'error' | 'warning' | 'info';

export interface MarkerView {
  key: string;
  severity: MarkerSeverity;
  code: string;
  lineNumber: number;
  /** How many service lines the marker's claim has (the lines a corrected field can be put on). */
  lineCount?: number;
  findings: readonly Finding[];
  /** The line's detected fields, offered for correction ("This field is…"); read when the card opens. */
  fieldsOf?: () => readonly FieldChoice[];
  /** Viewport position, or null when its field is hidden or scrolled out of view. */
  position: { x: number; y: number } | null;
}

/** The last fix applied, offered for undo near the field it changed (placed by the overlay, off the portal's fields). */
export interface UndoView {
  label: string;
  /** False while the changed field is out of view. */
  visible: boolean;
}

/** Keyboard shortcuts, as `aria-keyshortcuts` names them. */
export const CARD_KEYS = 'Alt+Shift+G';
export const UNDO_KEYS = 'Alt+Shift+Z';

export interface MarkerLayerProps {
  markers: readonly MarkerView[];
  openKey: string | null;
  onToggle(key: string | null): void;
  /** Applies a finding's safe fix to the portal field; only ever on the coder's click. */
  onApply?(finding: Finding): void;
  /** Saves what field `index` of the open card's line is (a correction recipe). */
  onCorrect?(index: number, role: CorrectionRole, line: LineRule): Promise<boolean> | boolean;
  undo?: UndoView | null;
  onUndo?(): void;
  onDismissUndo?(): void;
  tooltip?: TooltipView | null;
  /** Polite announcement for screen readers (a new error on the line being edited). */
  announcement?: string;
}

/** All in-page markers and the open finding card; rendered inside our shadow root. */
export function MarkerLayer(props: MarkerLayerProps) {
  const { markers, openKey, onToggle } = props;
  const open = markers.find((marker) => marker.key === openKey && marker.position);
  return (
    <div class="cg-layer">
      {markers.map((marker) =>
        marker.position ? (
          <button
            key={marker.key}
            type="button"
            class={`cg-marker cg-marker--${marker.severity}`}
            style={{ left: `${marker.position.x}px`, top: `${marker.position.y}px` }}
            data-claimguide-marker={marker.key}
            data-severity={marker.severity}
            aria-label={t('marker_label', [t(`severity_${marker.severity}`), String(marker.lineNumber), marker.code])}
            aria-expanded={marker.key === openKey}
            aria-keyshortcuts={CARD_KEYS}
            onClick={() => onToggle(marker.key === openKey ? null : marker.key)}
          >
            <SeverityBadge severity={marker.severity} />
          </button>
        ) : null,
      )}
      {open ? <FindingCard marker={open} onClose={() => onToggle(null)} onApply={props.onApply} onCorrect={props.onCorrect} /> : null}
      {props.undo?.visible ? (
        <div class="cg-undo" role="group" aria-label={t('undo_group')}>
          <span>{props.undo.label}</span>
          <button type="button" class="cg-button" data-claimguide-action="undo" aria-keyshortcuts={UNDO_KEYS} onClick={props.onUndo}>
            {t('action_undo')} <kbd class="cg-kbd">{t('undo_shortcut')}</kbd>
          </button>
          <button type="button" class="cg-close" aria-label={t('action_close')} onClick={props.onDismissUndo}>
            ×
          </button>
        </div>
      ) : null}
      {props.tooltip ? <Tooltip tooltip={props.tooltip} /> : null}
      <div class="cg-sr" aria-live="polite" data-claimguide-live="">
        {props.announcement ?? ''}
      </div>
    </div>
  );
}

function FindingCard({ marker, onClose, onApply, onCorrect }: { marker: MarkerView; onClose(): void; onApply?: (finding: Finding) => void; onCorrect?: MarkerLayerProps['onCorrect'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [marker.key]);
  const descriptor = descriptorOf(marker.code);
  // Placed by the overlay (overlay/floating.ts); its keys (Esc, Tab kept inside) are handled there
  // too, before the page can see them.
  return (
    <div ref={ref} class="cg-card" role="dialog" aria-label={t('card_title', [marker.code])} data-claimguide-card={marker.key} tabIndex={-1}>
      <div class="cg-card__head">
        <strong>{t('card_title', [marker.code])}</strong>
        <button type="button" class="cg-close" aria-label={t('action_close')} onClick={onClose}>
          ×
        </button>
      </div>
      {descriptor ? (
        <p class="cg-descriptor">
          {descriptor.text}{' '}
          <em class="cg-muted">({t(descriptor.official ? 'descriptor_official' : 'descriptor_plain_language')})</em>
        </p>
      ) : null}
      <FindingList
        findings={marker.findings}
        renderAction={(finding) =>
          finding.fix && onApply ? (
            <button type="button" class="cg-button" data-claimguide-action="apply" onClick={() => onApply(finding)}>
              {t('action_apply')}
            </button>
          ) : null
        }
      />
      {onCorrect && marker.fieldsOf ? <CorrectionPicker key={marker.key} fields={marker.fieldsOf()} onCorrect={onCorrect} lineCount={marker.lineCount ?? marker.lineNumber} idPrefix={`cg-card-${marker.key.replace(':', '-')}`} /> : null}
      <p class="cg-keys">{t('card_keys_hint')}</p>
    </div>
  );
}
