import { describeModifier } from '../rules';
import { descriptorOf } from './descriptors';
import { t, uiLanguage } from './i18n';

export interface TooltipView {
  kind: 'code' | 'modifier';
  value: string;
}

/**
 * Descriptor of a code, or meaning of a modifier. Null when we know nothing of it. The overlay
 * places it next to what was hovered (overlay/floating.ts), off the portal's fields.
 */
export function Tooltip({ tooltip }: { tooltip: TooltipView }) {
  const descriptor = tooltip.kind === 'code' ? descriptorOf(tooltip.value) : null;
  const text = tooltip.kind === 'code' ? descriptor?.text : describeModifier(tooltip.value)?.meaning[uiLanguage()];
  if (!text) return null;
  return (
    <div
      class="cg-tooltip"
      role="tooltip"
      data-claimguide-tooltip={tooltip.value}
    >
      <strong>{tooltip.kind === 'code' ? tooltip.value : t('tooltip_modifier', [tooltip.value])}</strong> {text}
      {descriptor ? <div class="cg-muted">{t(descriptor.official ? 'descriptor_official' : 'descriptor_plain_language')}</div> : null}
    </div>
  );
}
