import { describeCode, describeModifier } from '../rules';
import { t, uiLanguage } from './i18n';

export interface TooltipView {
  kind: 'code' | 'modifier';
  value: string;
  x: number;
  y: number;
}

/** Descriptor of a code, or meaning of a modifier, near the pointer. Null when we know nothing of it. */
export function Tooltip({ tooltip }: { tooltip: TooltipView }) {
  const language = uiLanguage();
  const text =
    tooltip.kind === 'code' ? describeCode(tooltip.value)?.summary[language] : describeModifier(tooltip.value)?.meaning[language];
  if (!text) return null;
  return (
    <div
      class="cg-tooltip"
      role="tooltip"
      data-claimguide-tooltip={tooltip.value}
      style={{ left: `${tooltip.x}px`, top: `${tooltip.y}px` }}
    >
      <strong>{tooltip.kind === 'code' ? tooltip.value : t('tooltip_modifier', [tooltip.value])}</strong> {text}
      {tooltip.kind === 'code' ? <div class="cg-muted">{t('descriptor_plain_language')}</div> : null}
    </div>
  );
}
