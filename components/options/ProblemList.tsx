import { t } from '../i18n';

export interface Problem {
  line?: number;
  path?: string;
  /** English text; shown only when there is no `key`. */
  message: string;
  /** The i18n message and its arguments (rules/profile-json.ts, settings/descriptor-pack.ts). */
  key?: string;
  args?: readonly string[];
  /** Accepted values, joined in the UI language ("off, info, warning or error") as the last argument. */
  allowed?: readonly string[];
}

/** "a, b or c" in the UI language ("a, b o c"). */
function orList(values: readonly string[]): string {
  return values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} ${t('list_or')} ${values.at(-1)}`;
}

/** A problem's text in the UI language. */
export function problemText(problem: Problem): string {
  if (!problem.key) return problem.message;
  return t(problem.key, [...(problem.args ?? []), ...(problem.allowed ? [orList(problem.allowed)] : [])]);
}

/** The reasons an import was rejected, in line order, each with where it is in the file. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  if (!problems.length) return null;
  const ordered = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return (
    <div role="alert" class="cg-problems">
      <p>{t('import_problems')}</p>
      <ul>
        {ordered.map((problem, index) => {
          const text = problemText(problem);
          // The path is named unless the reason already names it.
          const showPath = problem.path && !text.includes(problem.path);
          return (
            <li key={index} data-problem-line={problem.line} data-problem-path={problem.path} data-problem-key={problem.key}>
              {problem.line !== undefined ? <strong>{t('problem_line', [String(problem.line)])} </strong> : null}
              {showPath ? <code>{problem.path}</code> : null}
              {showPath ? ': ' : ''}
              {text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
