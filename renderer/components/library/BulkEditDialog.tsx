import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleStatuses, LIMITS, type ArticleStatus } from '../../../shared/model/article';
import { useModalDialog } from '../../hooks/useModalDialog';
import { useSettings } from '../../hooks/useSettings';

export type BulkKind = 'status' | 'section' | 'tags';
export interface BulkChanges {
  status?: ArticleStatus;
  section?: string;
  addTags?: string[];
  removeTags?: string[];
}

/** Tags typed with commas between them, each once. */
function tagList(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().replace(/\s+/g, ' ').normalize('NFC').slice(0, LIMITS.tag))
    .filter(Boolean);
  return [...new Set(tags)].slice(0, 20);
}

/** Asks what to change on the chosen articles: a status, a section, or tags to add and remove. */
export function BulkEditDialog({
  kind,
  count,
  knownTags,
  onApply,
  onClose,
}: {
  kind: BulkKind;
  count: number;
  /** The library's tags, offered as one types. */
  knownTags: string[];
  onApply: (changes: BulkChanges) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const [status, setStatus] = useState<ArticleStatus>('submitted');
  const [section, setSection] = useState(settings.sections[0]?.slug ?? '');
  const [addText, setAddText] = useState('');
  const [removeText, setRemoveText] = useState('');
  const addTags = tagList(addText);
  const removeTags = tagList(removeText);
  const ready = kind !== 'tags' || addTags.length > 0 || removeTags.length > 0;
  return (
    <dialog ref={dialog} className="link-dialog bulk-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} data-testid="bulk-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          onApply(kind === 'status' ? { status } : kind === 'section' ? { section } : { addTags, removeTags });
          close();
        }}
      >
        <h2 id={`${ids}-title`}>{t(`library.bulk.${kind}Title`, { count })}</h2>
        {kind === 'status' && (
          <div className="field">
            <label htmlFor={`${ids}-status`}>{t('library.colStatus')}</label>
            <select id={`${ids}-status`} value={status} onChange={(event) => setStatus(event.target.value as ArticleStatus)}>
              {articleStatuses.map((value) => (
                <option key={value} value={value}>
                  {t(`status.${value}`)}
                </option>
              ))}
            </select>
            <small>{t('library.bulk.statusHint')}</small>
          </div>
        )}
        {kind === 'section' && (
          <div className="field">
            <label htmlFor={`${ids}-section`}>{t('library.colSection')}</label>
            <select id={`${ids}-section`} value={section} onChange={(event) => setSection(event.target.value)}>
              {settings.sections.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'tags' && (
          <>
            <div className="field">
              <label htmlFor={`${ids}-add`}>{t('library.bulk.addTags')}</label>
              <input id={`${ids}-add`} list={`${ids}-known`} value={addText} onChange={(event) => setAddText(event.target.value)} aria-describedby={`${ids}-tags-hint`} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-remove`}>{t('library.bulk.removeTags')}</label>
              <input id={`${ids}-remove`} list={`${ids}-known`} value={removeText} onChange={(event) => setRemoveText(event.target.value)} aria-describedby={`${ids}-tags-hint`} />
            </div>
            <small id={`${ids}-tags-hint`}>{t('library.bulk.tagsHint')}</small>
            <datalist id={`${ids}-known`}>
              {knownTags.map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => close()}>
            {t('link.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            {t('library.bulk.apply', { count })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
