import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/useModalDialog';

/** Asks for the folder an article is exported into (its page, with the images and font in assets/). */
export function FolderExportDialog({ onExport, onClose }: { onExport: (outDir: string) => Promise<string | null>; onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <dialog ref={dialog} className="link-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          const problem = await onExport(folder.trim());
          setBusy(false);
          if (problem) setError(problem);
          else close();
        }}
      >
        <h2 id={`${ids}-title`}>{t('folderExport.title')}</h2>
        <label htmlFor={`${ids}-folder`}>{t('folderExport.folder')}</label>
        <input id={`${ids}-folder`} value={folder} autoFocus required aria-invalid={error ? true : undefined} aria-describedby={`${ids}-hint`} onChange={(e) => setFolder(e.target.value)} data-testid="folder-export-path" />
        <small id={`${ids}-hint`} className={error ? 'error' : undefined}>
          {error ?? t('folderExport.hint')}
        </small>
        <div className="dialog-actions">
          <button type="button" onClick={() => close()}>
            {t('link.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('folderExport.run')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
