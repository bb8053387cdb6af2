import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract';
import { errorText, useApi } from '../api/ApiContext';
import { useLatest } from '../hooks/useLatest';
import { useModalDialog } from '../hooks/useModalDialog';

type Listing = MethodOutput<'listFolders'>;

/**
 * A folder to export into, chosen rather than typed: in Electron the system's folder dialog, in
 * the browser Newsdesk's own folder chooser (FolderBrowser, below). `value` '' is "not chosen".
 */
export function FolderField({
  label,
  value,
  onChange,
  emptyText,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onChange: (path: string) => void;
  /** Shown while no folder is chosen. */
  emptyText: string;
  hint?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [browsing, setBrowsing] = useState(false);

  const choose = async () => {
    if (window.newsdesk?.chooseFolder) {
      const chosen = await window.newsdesk.chooseFolder({ title: label, ...(value ? { defaultPath: value } : {}) });
      if (chosen) onChange(chosen);
    } else setBrowsing(true);
  };

  return (
    <div className="field folder-field">
      <span className="label" id={`${ids}-label`}>
        {label}
      </span>
      <div className="folder-row">
        <output className={value ? 'folder-path' : 'folder-path empty'} aria-labelledby={`${ids}-label`} aria-describedby={hint ? `${ids}-hint` : undefined} data-testid={testId}>
          {value || emptyText}
        </output>
        <button type="button" onClick={() => void choose()} aria-describedby={`${ids}-label`}>
          {t('folders.choose')}
        </button>
      </div>
      {hint && <small id={`${ids}-hint`}>{hint}</small>}
      {browsing &&
        // Outside any form the field stands in (the chooser has forms of its own).
        createPortal(
          <FolderBrowser
            title={label}
            start={value || undefined}
            onChoose={(path) => {
              onChange(path);
              setBrowsing(false);
            }}
            onClose={() => setBrowsing(false)}
          />,
          document.body,
        )}
    </div>
  );
}

/**
 * The web host's folder chooser: places to start from (recent export folders, home, beside the
 * library, the disk), the current folder's subfolders, up one level, a new folder, and a path
 * that can be typed for those who know it. Keyboard: Tab through, Enter opens a folder.
 */
function FolderBrowser({ title, start, onChoose, onClose }: { title: string; start?: string; onChoose: (path: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [newName, setNewName] = useState('');
  // Requests still out, the outdated ones included: the list is busy until all have answered.
  const [pending, setPending] = useState(0);
  const busy = pending > 0;

  // Only the newest request's answer is shown (a slow first listing must not replace the folder
  // the user has since gone to), and a path being typed is never overwritten by an answer.
  const latest = useRef(0);
  const typing = useRef(false);
  const open = useCallback(
    async (path?: string) => {
      const request = ++latest.current;
      typing.current = false;
      setPending((count) => count + 1);
      const result = await api.listFolders(path ? { path } : {}).finally(() => setPending((count) => count - 1));
      if (request !== latest.current) return;
      if (!result.ok) return setProblem(errorText(t, result.error));
      setProblem(null);
      setListing(result.value);
      if (!typing.current) setTyped(result.value.path);
    },
    [api, t],
  );

  // Where it opens: the folder already chosen, else the last one exported into, else home — once,
  // when the chooser opens. (Started from a promise callback: the effect itself only subscribes.)
  // The language or the chosen folder changing while it is open must not take the user back
  // there, nor make the answer to where they have since gone count as outdated; an answer
  // arriving after the chooser closed is.
  const openLatest = useLatest(open);
  const startAt = useLatest(start);
  useEffect(() => {
    const requests = latest;
    const before = requests.current;
    void Promise.resolve(startAt.current).then((path) => {
      if (requests.current === before) void openLatest.current(path);
    });
    return () => {
      requests.current++;
    };
  }, [openLatest, startAt]);

  const create = async () => {
    if (!listing || !newName.trim()) return;
    const result = await api.createFolder({ parent: listing.path, name: newName });
    if (!result.ok) return setProblem(errorText(t, result.error));
    setNewName('');
    await open(result.value.path);
  };

  return (
    <dialog ref={dialog} className="link-dialog folder-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <h2 id={`${ids}-title`}>{title}</h2>
      <form
        className="folder-go"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim()) void open(typed.trim());
        }}
      >
        <label htmlFor={`${ids}-path`}>{t('folders.path')}</label>
        <input id={`${ids}-path`} value={typed} onChange={(event) => {
            typing.current = true;
            setTyped(event.target.value);
          }} spellCheck={false} data-testid="folder-path-input" />
        <button type="submit">{t('folders.go')}</button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="folder-columns">
        <nav aria-label={t('folders.places')}>
          <ul className="folder-places">
            {(listing?.places ?? []).map((place) => (
              <li key={`${place.kind}:${place.path}`}>
                <button type="button" className="quiet" onClick={() => void open(place.path)} title={place.path}>
                  {t(`folders.${place.kind}`)}
                  {place.kind === 'recent' ? `: ${place.path}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby={`${ids}-here`} className="folder-here">
          <p id={`${ids}-here`} className="folder-current">
            {t('folders.current')} <code data-testid="folder-current">{listing?.path ?? '…'}</code>
          </p>
          <button type="button" className="quiet" disabled={!listing?.parent || busy} onClick={() => listing?.parent && void open(listing.parent)}>
            {t('folders.up')}
          </button>
          {listing && listing.folders.length === 0 && <p className="muted">{t('folders.empty')}</p>}
          <ul className="folder-list" aria-label={t('folders.subfolders')} aria-busy={busy}>
            {(listing?.folders ?? []).map((folder) => (
              <li key={folder.path}>
                <button type="button" className="folder-item" onClick={() => void open(folder.path)}>
                  <FolderIcon />
                  {folder.name}
                </button>
              </li>
            ))}
          </ul>
          <form
            className="folder-new"
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
          >
            <label htmlFor={`${ids}-new`}>{t('folders.newFolder')}</label>
            <input id={`${ids}-new`} value={newName} maxLength={255} onChange={(event) => setNewName(event.target.value)} />
            <button type="submit" disabled={!newName.trim() || !listing}>
              {t('folders.create')}
            </button>
          </form>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => close()}>
          {t('link.cancel')}
        </button>
        <button type="button" className="primary" disabled={!listing || busy} onClick={() => listing && onChoose(listing.path)}>
          {t('folders.select')}
        </button>
      </div>
    </dialog>
  );
}

function FolderIcon() {
  return (
    <svg className="folder-icon" viewBox="0 0 20 16" width="20" height="16" aria-hidden="true" focusable="false">
      <path d="M1 3a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2z" fill="#e3b341" stroke="#9a7515" />
    </svg>
  );
}
