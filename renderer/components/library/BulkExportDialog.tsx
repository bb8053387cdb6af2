import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../../api/ApiContext';
import { useModalDialog } from '../../hooks/useModalDialog';
import { FolderField } from '../FolderPicker';

interface Failure {
  id: string;
  name: string;
  message: string;
}

/**
 * Exports the chosen articles into a folder the user picks, each into a folder of its own named
 * by its address (its page with the images and font it uses), one after another, with progress
 * and a way to stop.
 */
export function BulkExportDialog({ ids, names, onClose }: { ids: string[]; names: (id: string) => string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const labels = useId();
  const { dialog, close } = useModalDialog();
  const [folder, setFolder] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [finished, setFinished] = useState(false);
  const stop = useRef(false);
  const running = done !== null && !finished;

  const run = async () => {
    stop.current = false;
    setDone(0);
    setFailures([]);
    const base = folder.replace(/[\\/]+$/, '');
    const failed: Failure[] = [];
    for (let i = 0; i < ids.length && !stop.current; i++) {
      const id = ids[i]!;
      const name = names(id);
      const result = await api.exportArticleFolder({ id, outDir: `${base}/${name}`, rememberParent: true });
      if (!result.ok) failed.push({ id, name, message: errorText(t, result.error) });
      setDone(i + 1);
    }
    setFailures(failed);
    setFinished(true);
  };

  return (
    <dialog
      ref={dialog}
      className="link-dialog"
      aria-labelledby={`${labels}-title`}
      onClose={() => {
        stop.current = true;
        onClose();
      }}
      data-testid="bulk-export"
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (finished) close();
          else if (!running && folder) void run();
        }}
      >
        <h2 id={`${labels}-title`}>{t('library.export.title', { count: ids.length })}</h2>
        <FolderField label={t('library.export.folder')} value={folder} onChange={setFolder} emptyText={t('folders.notChosen')} hint={t('library.export.hint')} testId="bulk-export-path" />
        {done !== null && (
          <div className="bulk-progress" role="status" aria-busy={running} data-testid="bulk-export-progress">
            <label htmlFor={`${labels}-progress`}>{finished ? t('library.export.done', { done: done - failures.length, count: ids.length }) : t('library.export.working', { done, count: ids.length })}</label>
            <progress id={`${labels}-progress`} value={done} max={ids.length} />
          </div>
        )}
        {failures.length > 0 && (
          <ul className="bulk-failures" role="alert">
            {failures.map((failure) => (
              <li key={failure.id}>
                <strong>{failure.name}</strong>: {failure.message}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          {running ? (
            <button type="button" onClick={() => (stop.current = true)}>
              {t('library.export.stop')}
            </button>
          ) : (
            !finished && (
              <button type="button" onClick={() => close()}>
                {t('link.cancel')}
              </button>
            )
          )}
          <button type="submit" className="primary" disabled={running || (!finished && !folder)}>
            {finished ? t('bundle.close') : t('library.export.run', { count: ids.length })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
