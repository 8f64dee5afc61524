import type { Finding, Severity } from '../rules';
import { useId, useState } from 'preact/hooks';
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
  /** Why, sources, payer notes and the rule id behind a toggle per finding (the side panel). */
  collapsible?: boolean;
}) {
  const sorted = sortBySeverity(props.findings);
  if (!sorted.length) return <p class="cg-empty">{t('findings_none')}</p>;
  return (
    <ul class="cg-findings">
      {sorted.map((finding) =>
        props.collapsible ? (
          <CollapsibleFinding key={findingKey(finding)} finding={finding} onSelect={props.onSelect} renderAction={props.renderAction} />
        ) : (
          <li
            key={findingKey(finding)}
            class={`cg-finding cg-finding--${finding.severity}`}
            data-rule-id={finding.ruleId}
            data-severity={finding.severity}
          >
            <div class="cg-finding__head">
              <SeverityBadge severity={finding.severity} />
              <Headline finding={finding} onSelect={props.onSelect} />
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
        ),
      )}
    </ul>
  );
}

const findingKey = (finding: Finding) => `${finding.ruleId}:${finding.lines.join(',')}`;

function Headline(props: { finding: Finding; onSelect?: (finding: Finding) => void }) {
  const text = t(props.finding.message.key, props.finding.message.args);
  return props.onSelect ? (
    <button type="button" class="cg-link" onClick={() => props.onSelect?.(props.finding)}>
      {text}
    </button>
  ) : (
    <span>{text}</span>
  );
}

/** One finding as the side panel shows it: headline and fix; why and sources on request. */
function CollapsibleFinding(props: {
  finding: Finding;
  onSelect?: (finding: Finding) => void;
  renderAction?: (finding: Finding) => preact.ComponentChildren;
}) {
  const { finding } = props;
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <li class={`cg-finding cg-finding--${finding.severity}`} data-rule-id={finding.ruleId} data-severity={finding.severity}>
      <div class="cg-finding__head">
        <SeverityBadge severity={finding.severity} />
        <span class="cg-sr">{t(`severity_${finding.severity}`)}: </span>
        <div class="cg-finding__text">
          <Headline finding={finding} onSelect={props.onSelect} />
          {finding.fix ? <div class="cg-finding__fix">{describeFix(finding)}</div> : null}
        </div>
      </div>
      <div class="cg-finding__more">
        <button
          type="button"
          class="cg-finding__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          data-finding-toggle=""
          onClick={() => setOpen(!open)}
        >
          <span class="cg-chevron" aria-hidden="true">
            ›
          </span>
          {t('finding_why_toggle')}
        </button>
        <div id={detailsId} class="cg-finding__details" hidden={!open}>
          <div class="cg-finding__why">
            {t('finding_why')}
            <ul>
              {finding.sources.map((source, i) => (
                <li key={i}>{source.title}</li>
              ))}
            </ul>
          </div>
          {finding.notes?.map((note, i) => (
            <div key={i} class="cg-finding__note">
              {t('finding_payer_note')} {note}
            </div>
          ))}
          <code class="cg-rule-id">{finding.ruleId}</code>
        </div>
        {props.renderAction?.(finding)}
      </div>
    </li>
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
