import { useTranslation } from 'react-i18next';
import type { StorageProblem } from '../../shared/api/contract';
import { countsText } from '../editor/canonicalNotes';

/** Files moved aside because they could not be read, or repaired with their original kept: say so. */
export function ProblemsBanner({ problems, onDismiss }: { problems: StorageProblem[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const describe = (problem: StorageProblem) => {
    if (problem.kind === 'moved') return t('problems.item', problem);
    const fields = problem.fields.map((field) => t(`problems.fields.${field}`, { defaultValue: field })).join(', ');
    const changed = problem.notes.length ? ` ${countsText(t, problem.notes)}` : '';
    return `${t('problems.repaired', { file: problem.file, movedTo: problem.movedTo, fields: fields || problem.reason })}${changed}`;
  };
  return (
    <section className="banner banner-warning" aria-labelledby="problems-title">
      <h2 id="problems-title">{t('problems.title')}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.movedTo}>{describe(problem)}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('problems.dismiss')}
      </button>
    </section>
  );
}
