import { useTranslation } from 'react-i18next';
import type { StorageProblem } from '../../shared/api/contract';

/** Files that did not parse were moved aside when the library opened: say so, once. */
export function ProblemsBanner({ problems, onDismiss }: { problems: StorageProblem[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <section className="banner banner-warning" aria-labelledby="problems-title">
      <h2 id="problems-title">{t('problems.title')}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.movedTo}>{t('problems.item', problem)}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('problems.dismiss')}
      </button>
    </section>
  );
}
