import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../shared/api/contract';
import { errorText, useApi } from '../api/ApiContext';
import type { ApiError } from '../../shared/api/contract';

type Check = MethodOutput<'getChecklist'>;
export type ChecklistFinding = Check['findings'][number];

const CHECK_DELAY_MS = 400;

/**
 * The pre-publish checklist of the article as it is being edited (the service runs the rules of
 * shared/review/checklist.ts with the article's section's settings, the same that decide whether
 * it may be published). Errors first, then warnings; each names the rule and jumps to its place.
 */
export function ChecklistPanel({
  articleId,
  changes,
  tick,
  onJump,
}: {
  articleId: string;
  /** The draft's fields as they would be saved. */
  changes: () => NonNullable<MethodInput<'getChecklist'>['changes']>;
  /** Changes whenever the draft does: the list is checked again shortly after. */
  tick: unknown;
  onJump: (finding: ChecklistFinding) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [check, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void api.getChecklist({ id: articleId, changes: changes() }).then((result) => {
        if (!current) return;
        if (result.ok) {
          setCheck(result.value);
          setError(null);
        } else setError(result.error);
      });
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // changes() reads the draft; tick says when it changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, articleId, tick]);

  /** Where the item is, in words ("the sapo", "a photo in the text"). */
  const fieldName = (finding: ChecklistFinding) =>
    finding.location.field === 'body' && finding.rule.startsWith('image-') ? t('checklist.fields.bodyPhoto') : t(`checklist.fields.${finding.location.field}`);
  const ordered = check ? [...check.findings.filter((f) => f.severity === 'error'), ...check.findings.filter((f) => f.severity === 'warning')] : [];

  return (
    <aside className="checklist-panel side-box" aria-labelledby={`${ids}-title`} data-testid="checklist-panel">
      <h2 id={`${ids}-title`}>{t('checklist.title')}</h2>
      {error && (
        <p className="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <p role="status" className={check && check.errors > 0 ? 'checklist-summary has-errors' : 'checklist-summary'} data-testid="checklist-summary" data-errors={check?.errors ?? ''}>
        {!check ? t('checklist.checking') : check.findings.length === 0 ? t('checklist.clean') : t('checklist.summary', { errors: t('checklist.errors', { count: check.errors }), warnings: t('checklist.warnings', { count: check.warnings }) })}
      </p>
      {check && check.errors > 0 && <p className="muted">{t('checklist.blocks')}</p>}
      {ordered.length > 0 && (
        <ul className="checklist" aria-label={t('checklist.listLabel')}>
          {ordered.map((finding, index) => (
            <li key={index} className={`finding finding-${finding.severity}`} data-testid="finding" data-rule={finding.rule} data-severity={finding.severity}>
              <button type="button" onClick={() => onJump(finding)}>
                <span className="finding-severity">{t(`checklist.severity.${finding.severity}`)}</span>
                <span className="finding-rule">{t(`checklist.rules.${finding.rule}`)}</span>
                <span className="finding-detail">{t(`checklist.details.${finding.rule}`, { ...finding.params, field: fieldName(finding) })}</span>
                {finding.excerpt && <q className="finding-excerpt">{finding.excerpt}</q>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
