import { t } from '../i18n';

export interface Problem {
  line?: number;
  path?: string;
  message: string;
}

/** The reasons an import was rejected, each with where it is in the file. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  if (!problems.length) return null;
  return (
    <div role="alert" class="cg-problems">
      <p>{t('import_problems')}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-problem-line={problem.line} data-problem-path={problem.path}>
            {problem.line !== undefined ? `${t('problem_line', [String(problem.line)])} ` : ''}
            {problem.path ? <code>{problem.path}</code> : null}
            {problem.path ? ': ' : ''}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
