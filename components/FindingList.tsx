import type { Finding, Severity } from '../rules';
import { t } from './i18n';

const ORDER: Severity[] = ['error', 'warning', 'info'];

export function severityLabel(severity: Severity): string {
  return t(`severity_${severity}`);
}

export function sortBySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
}

/** Findings grouped by severity: what is wrong, why (the rule's sources) and the fix. */
export function FindingList(props: {
  findings: readonly Finding[];
  onSelect?: (finding: Finding) => void;
  renderAction?: (finding: Finding) => preact.ComponentChildren;
}) {
  const sorted = sortBySeverity(props.findings);
  if (!sorted.length) return <p class="cg-empty">{t('findings_none')}</p>;
  return (
    <ul class="cg-findings">
      {sorted.map((finding) => (
        <li
          key={`${finding.ruleId}:${finding.lines.join(',')}`}
          class={`cg-finding cg-finding--${finding.severity}`}
          data-rule-id={finding.ruleId}
          data-severity={finding.severity}
        >
          <div class="cg-finding__head">
            <SeverityBadge severity={finding.severity} />
            {props.onSelect ? (
              <button type="button" class="cg-link" onClick={() => props.onSelect?.(finding)}>
                {t(finding.message.key, finding.message.args)}
              </button>
            ) : (
              <span>{t(finding.message.key, finding.message.args)}</span>
            )}
          </div>
          <div class="cg-finding__why">
            {t('finding_why')}{' '}
            {finding.sources.map((source, i) => (
              <span key={i}>
                {i > 0 ? '; ' : ''}
                {source.title}
              </span>
            ))}
          </div>
          {finding.notes?.map((note, i) => (
            <div key={i} class="cg-finding__note">
              {t('finding_payer_note')} {note}
            </div>
          ))}
          {finding.fix ? <div class="cg-finding__fix">{describeFix(finding)}</div> : null}
          {props.renderAction?.(finding)}
          <code class="cg-rule-id">{finding.ruleId}</code>
        </li>
      ))}
    </ul>
  );
}

export function describeFix(finding: Finding): string {
  const fix = finding.fix;
  if (!fix) return '';
  return fix.kind === 'remove-modifier'
    ? t('fix_remove_modifier', [fix.modifier])
    : t('fix_set_units', [String(fix.units)]);
}

/** Severity shown by shape and text as well as colour. */
export function SeverityBadge(props: { severity: Severity | 'ok' }) {
  const glyph = { error: '✕', warning: '!', info: 'i', ok: '✓' }[props.severity];
  return (
    <span class={`cg-badge cg-badge--${props.severity}`} aria-hidden="true" title={t(`severity_${props.severity}`)}>
      {glyph}
    </span>
  );
}
