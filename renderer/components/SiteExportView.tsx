import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../api/ApiContext';
import { useNotify } from '../hooks/useNotice';
import { useSettings } from '../hooks/useSettings';
import { FolderField } from './FolderPicker';
import { routeHash } from '../hooks/useHashRoute';

const POLL_MS = 250;

/** What the last export said: the summary, the published articles whose file could not be read, the folders it would not write through. */
interface Outcome {
  summary: string;
  unreadable: { id: string; headline: string }[];
  refused: string[];
}

/** Exports the website of published articles, with a progress bar while it runs. */
export function SiteExportView({ runNow = false }: { runNow?: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const ids = useId();
  const settings = useSettings();
  // The folder chosen here, else the last one exported into, else (empty) the library's own "site".
  const [chosen, setOutDir] = useState<string | null>(null);
  const outDir = chosen ?? settings.recentFolders[0] ?? '';
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [result, setResult] = useState<Outcome | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => () => void (poll.current && clearInterval(poll.current)), []);

  const run = async () => {
    setRunning(true);
    setResult(null);
    setProgress({ done: 0, total: 0 });
    poll.current = setInterval(() => {
      void api.immediate.getExportProgress({}).then((p) => p.ok && p.value.total > 0 && setProgress({ done: p.value.done, total: p.value.total }));
    }, POLL_MS);
    const exported = await api.exportSite(outDir.trim() ? { outDir: outDir.trim() } : {});
    if (poll.current) clearInterval(poll.current);
    setRunning(false);
    if (!exported.ok) return notify({ text: errorText(t, exported.error), tone: 'error' });
    setProgress({ done: 1, total: 1 });
    const { notes, unreadable } = exported.value;
    const summary = t('site.done', exported.value);
    setResult({
      summary: notes.includes('no-base-url') ? `${summary} ${t('site.noBaseUrl')}` : summary,
      unreadable,
      refused: notes.filter((note) => note.startsWith('link-refused:')).map((note) => note.slice('link-refused:'.length)),
    });
  };

  // Opened with "export now" (after publishing): start at once, once (a reload does not export again).
  const started = useRef(false);
  useEffect(() => {
    if (!runNow || started.current) return;
    started.current = true;
    window.history.replaceState(null, '', routeHash({ view: 'publish' }));
    void run();
    // run is recreated on every render; this must happen once, when the view opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runNow]);

  return (
    <form
      className="settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (!running) void run();
      }}
    >
      <h1>{t('site.title')}</h1>
      <p>{t('site.intro')}</p>
      <FolderField label={t('site.outDir')} value={outDir} onChange={setOutDir} emptyText={t('site.outDirDefault')} hint={t('site.outDirHint')} testId="site-out" />
      <button type="submit" className="primary" disabled={running}>
        {running ? t('site.running') : t('site.run')}
      </button>
      {(running || result) && (
        <div className="site-progress">
          <label htmlFor={`${ids}-progress`}>{t('site.progress')}</label>
          <progress id={`${ids}-progress`} max={progress.total || 1} value={progress.done} data-testid="site-progress" />
        </div>
      )}
      <p role="status" data-testid="site-result">
        {result?.summary}
      </p>
      {result && result.unreadable.length > 0 && (
        <div role="alert" data-testid="site-unreadable">
          <p>{t('site.unreadable')}</p>
          <ul>
            {result.unreadable.map(({ id, headline }) => (
              <li key={id}>{headline ? t('site.unreadableItem', { headline, id }) : t('site.unreadableUntitled', { id })}</li>
            ))}
          </ul>
        </div>
      )}
      {result?.refused.map((path) => (
        <p key={path} role="alert" data-testid="site-refused">
          {t('site.linkRefused', { path })}
        </p>
      ))}
    </form>
  );
}
