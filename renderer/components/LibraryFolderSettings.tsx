import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveRefusals, type ApiError, type MethodOutput, type MoveRefusal } from '../../shared/api/contract';
import { errorText, useApi } from '../api/ApiContext';
import { useNotify } from '../hooks/useNotice';
import { FolderField } from './FolderPicker';

type Location = MethodOutput<'getLibraryLocation'>;
const POLL_MS = 250;

/**
 * Where the library is, and moving it (electron/library/moveLibrary.ts): an empty folder is
 * chosen, every file copied and checked, the new place recorded for the next start; the old
 * folder stays until the user removes it, which is offered once Newsdesk runs from the new one.
 */
export function LibraryFolderSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const ids = useId();
  const [location, setLocation] = useState<Location | null>(null);
  const [target, setTarget] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  const refresh = useCallback(() => api.getLibraryLocation({}).then((result) => result.ok && setLocation(result.value)), [api]);
  useEffect(() => {
    void refresh();
    return () => {
      if (poll.current) clearInterval(poll.current);
    };
  }, [refresh]);

  /** A refused move in the user's language: the reason (the message's start) and the folder. */
  const refusal = (error: ApiError): string => {
    const match = /^([a-z_]+): ?(.*)$/s.exec(error.message);
    const reason = match?.[1] as MoveRefusal | undefined;
    if (error.code !== 'move_refused' || !reason || !(moveRefusals as readonly string[]).includes(reason)) return errorText(t, error);
    return `${t(`libraryFolder.refused.${reason}`, { path: match?.[2] ?? '' })} ${t('libraryFolder.unchanged')}`;
  };

  const move = async () => {
    setRunning(true);
    setMessage(null);
    setProgress({ done: 0, total: 0 });
    poll.current = setInterval(() => {
      void api.immediate.getMoveProgress({}).then((p) => p.ok && p.value.total > 0 && setProgress({ done: p.value.done, total: p.value.total }));
    }, POLL_MS);
    const result = await api.moveLibrary({ target });
    if (poll.current) clearInterval(poll.current);
    setRunning(false);
    if (!result.ok) {
      const text = refusal(result.error);
      setMessage({ text, tone: 'error' });
      return notify({ text, tone: 'error' });
    }
    const { dataDir, files, recorded, overridden } = result.value;
    setProgress({ done: 1, total: 1 });
    const text = [
      t('libraryFolder.moved', { files, path: dataDir }),
      recorded ? '' : t('libraryFolder.notRecorded', { path: dataDir }),
      overridden ? t('libraryFolder.overridden') : '',
    ]
      .filter(Boolean)
      .join(' ');
    setMessage({ text, tone: 'ok' });
    notify({ text });
    await refresh();
  };

  const removeOld = async () => {
    const previous = location?.previous;
    if (!previous || !window.confirm(t('libraryFolder.confirmRemove', { path: previous }))) return;
    const result = await api.removeOldLibrary({});
    const text = result.ok ? t('libraryFolder.removed', { path: result.value.removed }) : refusal(result.error);
    setMessage({ text, tone: result.ok ? 'ok' : 'error' });
    notify({ text, ...(result.ok ? {} : { tone: 'error' as const }) });
    await refresh();
  };

  if (!location) return null;
  const moved = location.movedTo !== null;
  return (
    <fieldset className="library-folder" data-testid="library-folder">
      <legend>{t('libraryFolder.title')}</legend>
      <div className="field">
        <span className="label" id={`${ids}-current`}>
          {t('libraryFolder.current')}
        </span>
        <output className="folder-path" aria-labelledby={`${ids}-current`} aria-describedby={`${ids}-source`} data-testid="library-path">
          {location.dataDir}
        </output>
        <small id={`${ids}-source`}>{t(`libraryFolder.source.${location.source}`)}</small>
      </div>
      {location.previous && (
        <div className="field">
          <p data-testid="old-library">{t('libraryFolder.previous', { path: location.previous })}</p>
          <div className="row-actions">
            <button type="button" onClick={() => void removeOld()}>
              {t('libraryFolder.removeOld')}
            </button>
          </div>
        </div>
      )}
      {!moved && (
        <>
          <FolderField
            label={t('libraryFolder.target')}
            value={target}
            onChange={setTarget}
            emptyText={t('libraryFolder.targetEmpty')}
            hint={t('libraryFolder.targetHint')}
            testId="move-target"
          />
          <div className="row-actions">
            <button type="button" onClick={() => void move()} disabled={!target || running} data-testid="move-library">
              {t('libraryFolder.move')}
            </button>
          </div>
        </>
      )}
      {running && (
        <div className="site-progress">
          <label htmlFor={`${ids}-progress`}>{t('libraryFolder.progress')}</label>
          <progress id={`${ids}-progress`} max={progress.total || 1} value={progress.done} data-testid="move-progress" />
          <small>{t('libraryFolder.moving', { done: progress.done, total: progress.total })}</small>
        </div>
      )}
      <p role="status" className={message?.tone === 'error' ? 'error' : undefined} data-testid="move-result">
        {message?.text}
      </p>
    </fieldset>
  );
}
