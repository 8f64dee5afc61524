import type { ClaimState, LineState, TabState } from '../messaging/schemas';
import { dataVintage, describeCode, type Finding } from '../rules';
import type { ChecklistTicks } from '../settings/checklist';
import { descriptorOf } from './descriptors';
import { FindingList, SeverityBadge } from './FindingList';
import { t, uiLanguage } from './i18n';
import { Logo } from './Logo';
import { LineCorrections, type LineCorrectionsProps } from './LineCorrections';

export interface FocusTarget {
  frameId: number;
  claimIndex: number;
  line: number;
}

/** The coder's workspace for the active tab: lines, findings, descriptors and checklists. */
export interface SidePanelProps {
  tab: TabState | null;
  ticks?: ChecklistTicks;
  onTick?(code: string, itemId: string, checked: boolean): void;
  onFocusLine?(target: FocusTarget): void;
  onCopySummary?(): void;
  /** Feedback after copying, announced politely. */
  status?: string;
  /** "This field is…": a line's detected fields, and saving a correction (components/LineCorrections.tsx). */
  loadLineFields?: LineCorrectionsProps['loadFields'];
  onCorrect?: LineCorrectionsProps['onCorrect'];
}

export function SidePanel(props: SidePanelProps) {
  // A claim shows once the coder has typed a code in it; blank lines are not listed.
  const claims = (props.tab?.frames ?? []).flatMap(({ frameId, state }) =>
    state.claims.filter((claim) => claim.lines.some((line) => line.code !== '')).map((claim) => ({ frameId, claim })),
  );
  const paused = props.tab?.frames.some(({ state }) => state.paused) ?? false;
  return (
    <main class="cg-panel">
      <div class="cg-panel__bar">
        <h1 class="cg-panel__title">
          <Logo />
          {t('extName')}
        </h1>
        {claims.length && props.onCopySummary ? (
          <button type="button" onClick={props.onCopySummary}>
            {t('action_copy_summary')}
          </button>
        ) : null}
      </div>
      <p class="cg-muted" role="status">
        {props.status ?? ''}
      </p>
      <p class="cg-muted">{t('panel_data_vintage', [dataVintage()])}</p>
      <div aria-live="polite">
        {claims.length === 0 ? (
          <section class="cg-empty-state">
            <h2>{paused ? t('panel_paused_title') : t('panel_empty_title')}</h2>
            <p>{paused ? t('panel_paused_body') : t('panel_empty_body')}</p>
          </section>
        ) : (
          claims.map(({ frameId, claim }) => (
            <ClaimSection
              key={`${frameId}:${claim.claimIndex}`}
              claim={claim}
              ticks={props.ticks ?? {}}
              onTick={props.onTick}
              corrections={props.loadLineFields && props.onCorrect ? { frameId, loadFields: props.loadLineFields, onCorrect: props.onCorrect } : undefined}
              onSelect={(finding) => {
                const line = finding.lines[0];
                if (line !== undefined) props.onFocusLine?.({ frameId, claimIndex: claim.claimIndex, line });
              }}
            />
          ))
        )}
      </div>
    </main>
  );
}

function ClaimSection(props: {
  claim: ClaimState;
  ticks: ChecklistTicks;
  onTick?: SidePanelProps['onTick'];
  onSelect: (finding: Finding) => void;
  corrections?: Omit<LineCorrectionsProps, 'claim'>;
}) {
  const { claim } = props;
  const srsCodes = [...new Set(claim.lines.map((line) => line.code).filter((code) => describeCode(code)?.checklist))];
  return (
    <section class="cg-claim" aria-label={t('panel_claim_label', [t(`form_${claim.formType}`)])}>
      <h2>{t('panel_claim_label', [t(`form_${claim.formType}`)])}</h2>
      <div class="cg-lines-scroll">
        <table class="cg-lines">
          <thead>
            <tr>
              <th scope="col">{t('col_line')}</th>
              <th scope="col">{t('col_code')}</th>
              <th scope="col">{t('col_modifiers')}</th>
              <th scope="col">{t('col_units')}</th>
              <th scope="col">{t('col_status')}</th>
            </tr>
          </thead>
          <tbody>
            {claim.lines.filter((line) => line.code !== '').map((line) => (
              <LineRow key={line.index} line={line} />
            ))}
          </tbody>
        </table>
      </div>
      {props.corrections ? <LineCorrections claim={claim} {...props.corrections} /> : null}
      <h3>{t('panel_findings')}</h3>
      <FindingList findings={claim.findings} onSelect={props.onSelect} collapsible />
      {srsCodes.map((code) => (
        <Checklist key={code} code={code} ticked={props.ticks[code] ?? []} onTick={props.onTick} />
      ))}
      {srsCodes.map((code) => (
        <RelatedCodes key={`related-${code}`} code={code} onClaim={new Set(claim.lines.map((line) => line.code))} />
      ))}
    </section>
  );
}

/**
 * One line, and its descriptor in a row of its own below it: a narrow panel (Firefox's sidebar is
 * about 250 px wide) then fits the five columns, which a descriptor in the code cell widened.
 */
function LineRow({ line }: { line: LineState }) {
  const descriptor = descriptorOf(line.code);
  return (
    <>
      <tr data-line={line.index} data-severity={line.severity} class={descriptor ? 'cg-line--described' : undefined}>
        <td>{line.index + 1}</td>
        <td>
          <strong>{line.code || '—'}</strong>
        </td>
        <td>{line.modifiers.join(' ') || '—'}</td>
        <td>{line.units ?? '—'}</td>
        <td>
          <SeverityBadge severity={line.severity} /> <span class="cg-sr">{t(`severity_${line.severity}`)}</span>
        </td>
      </tr>
      {descriptor ? (
        <tr data-line-descriptor={line.index}>
          <td />
          <td colSpan={4} class="cg-muted">
            {descriptor.text}
            {descriptor.official ? null : <span class="cg-sr"> ({t('descriptor_plain_language')})</span>}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function Checklist(props: { code: string; ticked: readonly string[]; onTick?: SidePanelProps['onTick'] }) {
  const items = describeCode(props.code)?.checklist ?? [];
  const language = uiLanguage();
  return (
    <section class="cg-checklist" data-checklist={props.code}>
      <h3>{t('panel_checklist', [props.code])}</h3>
      <p class="cg-muted">{t('panel_checklist_hint')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                data-item={item.id}
                checked={props.ticked.includes(item.id)}
                onChange={(event) => props.onTick?.(props.code, item.id, (event.target as HTMLInputElement).checked)}
              />{' '}
              {item.text[language]}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Codes a coder may also need beside an SRS code: information, never a finding. */
function RelatedCodes(props: { code: string; onClaim: ReadonlySet<string> }) {
  const related = describeCode(props.code)?.relatedCodes ?? [];
  if (!related.length) return null;
  const language = uiLanguage();
  return (
    <section class="cg-related" data-related={props.code}>
      <h3>{t('panel_related', [props.code])}</h3>
      <ul>
        {related.map((entry) => (
          <li key={entry.code} data-code={entry.code}>
            <strong>{entry.code}</strong>
            {props.onClaim.has(entry.code) ? <span class="cg-muted"> ({t('panel_related_on_claim')})</span> : null} {entry.why[language]}
          </li>
        ))}
      </ul>
    </section>
  );
}
