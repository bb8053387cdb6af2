import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/useModalDialog';
import { FolderField } from './FolderPicker';

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
        <FolderField label={t('folderExport.folder')} value={folder} onChange={setFolder} emptyText={t('folders.notChosen')} hint={t('folderExport.hint')} testId="folder-export-path" />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => close()}>
            {t('link.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !folder}>
            {t('folderExport.run')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
