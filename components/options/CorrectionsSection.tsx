import { useState } from 'preact/hooks';
import {
  exportCorrections,
  parseCorrectionsJson,
  type Correction,
  type CorrectionProblem,
} from '../../settings/corrections';
import { lineRuleLabel, roleLabel } from '../CorrectionPicker';
import { t } from '../i18n';
import { ProblemList, type Problem } from './ProblemList';
import { takeChosenFile } from './chosen-file';

/** Largest corrections file read (a full export of 500 recipes is far smaller). */
const MAX_FILE_BYTES = 1_000_000;
const FILE_NAME = 'claimguide-corrections.json';

export interface CorrectionsSectionProps {
  /** The coder's recipes, as stored. */
  corrections: readonly Correction[];
  /** The stored recipes were unreadable and are left out. */
  recovered: boolean;
  /** The organization's recipes (locked), and why any others of its were left out. */
  policy: { corrections: readonly Correction[]; problems: readonly CorrectionProblem[] };
  onRemove(correction: Correction): Promise<void>;
  /** Adds recipes, all or none; resolves the reasons when refused. */
  onImport(corrections: readonly Correction[]): Promise<{ ok: true } | { ok: false; problems: CorrectionProblem[] }>;
}

/** A refusal reason as the coder reads it. */
export const problemOf = (problem: CorrectionProblem): Problem => ({
  ...(problem.line !== undefined ? { line: problem.line } : {}),
  ...(problem.path ? { path: problem.path } : {}),
  message: t(problem.key, problem.args ?? []),
});

/** Downloads the recipes as a JSON file in the format imports accept. */
function download(list: readonly Correction[]): void {
  const url = URL.createObjectURL(new Blob([exportCorrections(list)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Field corrections: every recipe per site (what field, what it is), removable; the organization's
 * shown locked; export and import as JSON, an import refused whole with each reason and its line.
 */
export function CorrectionsSection(props: CorrectionsSectionProps) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');

  async function onFile(event: Event) {
    const file = takeChosenFile(event);
    if (!file) return;
    const reject = (found: CorrectionProblem[]) => {
      setProblems(found.map(problemOf));
      setStatus(t('import_rejected', [file.name]));
    };
    if (file.size > MAX_FILE_BYTES) return reject([{ path: '', key: 'corrections_err_file_too_big' }]);
    const parsed = parseCorrectionsJson(await file.text());
    if (!parsed.ok) return reject(parsed.problems);
    const saved = await props.onImport(parsed.corrections);
    if (!saved.ok) return reject(saved.problems);
    setProblems([]);
    setStatus(t('corrections_imported', [String(parsed.corrections.length)]));
  }

  const row = (correction: Correction, locked: boolean, index: number) => {
    const field = [...(correction.hosts ?? []), correction.selector].join(' ▸ ');
    return (
      <tr key={`${locked ? 'p' : 'c'}${index}`} data-correction={correction.selector} data-locked={locked ? '' : undefined}>
        <td>
          <code>{correction.site}</code>
        </td>
        <td>
          <code>{field}</code>
        </td>
        <td>{roleLabel(correction.role)}</td>
        <td>{lineRuleLabel(correction.line)}</td>
        <td>
          {locked ? (
            <span class="cg-locked">{t('policy_locked')}</span>
          ) : (
            <button type="button" aria-label={t('corrections_remove_label', [field, correction.site])} onClick={() => void props.onRemove(correction)}>
              {t('corrections_remove')}
            </button>
          )}
        </td>
      </tr>
    );
  };

  const none = !props.corrections.length && !props.policy.corrections.length;
  return (
    <section aria-labelledby="corrections-title" data-section="corrections">
      <h2 id="corrections-title">{t('corrections_title')}</h2>
      <p class="cg-muted">{t('corrections_intro')}</p>
      {props.recovered ? (
        <p role="alert" class="cg-error-text">
          {t('corrections_recovered')}
        </p>
      ) : null}
      {none ? (
        <p>{t('corrections_none')}</p>
      ) : (
        <table class="cg-corrections">
          <thead>
            <tr>
              <th scope="col">{t('corrections_col_site')}</th>
              <th scope="col">{t('corrections_col_field')}</th>
              <th scope="col">{t('corrections_col_role')}</th>
              <th scope="col">{t('corrections_col_line')}</th>
              <th scope="col">{t('corrections_col_action')}</th>
            </tr>
          </thead>
          <tbody>
            {props.policy.corrections.map((correction, index) => row(correction, true, index))}
            {props.corrections.map((correction, index) => row(correction, false, index))}
          </tbody>
        </table>
      )}
      {props.policy.problems.length ? (
        <div class="cg-problems" data-policy-problems="">
          <p>{t('corrections_policy_problems')}</p>
          <ul>
            {props.policy.problems.map(problemOf).map((problem, index) => (
              <li key={index}>
                {problem.path ? <code>{problem.path}</code> : null}
                {problem.path ? ': ' : ''}
                {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="cg-actions">
        <button
          type="button"
          disabled={!props.corrections.length}
          onClick={() => {
            download(props.corrections);
            setStatus(t('corrections_exported', [FILE_NAME]));
          }}
        >
          {t('corrections_export')}
        </button>{' '}
        <label class="cg-file">
          {t('corrections_import')} <input type="file" accept=".json,application/json" data-import="corrections" onChange={(event) => void onFile(event)} />
        </label>
      </p>
      <p role="status" class="cg-muted">
        {status}
      </p>
      <ProblemList problems={problems} />
    </section>
  );
}
