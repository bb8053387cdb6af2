import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput, SyncStatus } from '../../shared/api/contract';
import { errorText, useApi } from '../api/ApiContext';
import { routeHash } from '../hooks/useHashRoute';
import { useNotify } from '../hooks/useNotice';
import { useSettings } from '../hooks/useSettings';
import { refusalReason, shortMoment, unreadableText } from './sync/syncText';
import { syncOn, useSyncStatus } from './sync/syncStatus';
import './sync/sync.css';

const DEFAULT_DATABASE = 'newsdesk';

type TestResult = MethodOutput<'testSyncConnection'>;
interface Form {
  server: string;
  database: string;
  user: string;
  password: string;
}
const formOf = (status: SyncStatus | null): Form => ({ server: status?.server ?? '', database: status?.database || DEFAULT_DATABASE, user: status?.user ?? '', password: '' });

/**
 * Team sync through the newsroom's CouchDB server (electron/sync): where to, as whom, testing the
 * connection, pausing, syncing now, and how it stands (what waits, what conflicts, what the server
 * refused). This computer's, saved with its own button, apart from the newsroom's settings around it.
 * The password is never shown back: the status says only where it is kept.
 */
export function SyncSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const settings = useSettings();
  const ids = useId();
  const { status, refresh, set } = useSyncStatus();
  const [form, setForm] = useState<Form>(() => formOf(status));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | 'pause' | 'sync' | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);

  // Asked again on opening Settings; the form follows the saved settings until it is edited here.
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const [base, setBase] = useState(status);
  if (status !== base) {
    setBase(status);
    if (!touched && (status?.server !== base?.server || status?.database !== base?.database || status?.user !== base?.user)) setForm(formOf(status));
  }

  const edit = (key: keyof Form, value: string) => {
    setTouched(true);
    setForm((current) => ({ ...current, [key]: value }));
  };
  const input = () => ({ server: form.server.trim(), database: form.database.trim() || DEFAULT_DATABASE, user: form.user.trim(), ...(form.password ? { password: form.password } : {}) });

  const testText = (result: TestResult) => {
    if (result.ok) return [t('sync.testOk', { user: result.user }), result.roles.length ? t('sync.testRoles', { roles: result.roles.join(', ') }) : ''].filter(Boolean).join(' ');
    return t('sync.testFailed', { reason: result.reason ? t(`sync.failures.${result.reason}`) : result.message });
  };

  const test = async () => {
    setBusy('test');
    setMessage({ text: t('sync.testing'), tone: 'ok' });
    const result = await api.testSyncConnection(input());
    setBusy(null);
    if (!result.ok) return setMessage({ text: errorText(t, result.error), tone: 'error' });
    setMessage({ text: testText(result.value), tone: result.value.ok ? 'ok' : 'error' });
  };

  const save = async () => {
    setBusy('save');
    const result = await api.saveSyncSettings(input());
    setBusy(null);
    if (!result.ok) return setMessage({ text: errorText(t, result.error), tone: 'error' });
    set(result.value);
    setTouched(false);
    setForm(formOf(result.value));
    const text = t(result.value.state === 'off' ? 'sync.turnedOff' : 'sync.saved');
    setMessage({ text, tone: 'ok' });
    notify({ text });
  };

  const pause = async (paused: boolean) => {
    setBusy('pause');
    const result = await api.setSyncPaused({ paused });
    setBusy(null);
    if (!result.ok) return setMessage({ text: errorText(t, result.error), tone: 'error' });
    set(result.value);
    setMessage({ text: t(paused ? 'sync.paused' : 'sync.resumed'), tone: 'ok' });
  };

  const syncNow = async () => {
    setBusy('sync');
    setMessage({ text: t('sync.syncingNow'), tone: 'ok' });
    const result = await api.syncNow({});
    setBusy(null);
    if (!result.ok) return setMessage({ text: errorText(t, result.error), tone: 'error' });
    set(result.value);
    setMessage({ text: t('sync.synced'), tone: 'ok' });
  };

  // Enter in a field saves the sync's settings, not the newsroom's form around them.
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!busy) void save();
  };

  const on = syncOn(status);
  const paused = status?.state === 'paused';
  const field = (key: Exclude<keyof Form, 'password'>, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input
        id={`${ids}-${key}`}
        type={key === 'server' ? 'url' : 'text'}
        value={form[key]}
        onChange={(e) => edit(key, e.target.value)}
        onKeyDown={onEnter}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? `${ids}-${key}-hint` : undefined}
        data-testid={`sync-${key}`}
      />
      {hint && <small id={`${ids}-${key}-hint`}>{hint}</small>}
    </div>
  );

  return (
    <fieldset className="sync-settings" data-testid="sync-settings">
      <legend>{t('sync.title')}</legend>
      <p className="muted">{t('sync.intro')}</p>
      {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name, not text */}
      {field('server', t('sync.server'), t('sync.serverHint'))}
      {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name, not text */}
      {field('database', t('sync.database'))}
      {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name, not text */}
      {field('user', t('sync.user'))}
      <div className="field">
        <label htmlFor={`${ids}-password`}>{t('sync.password')}</label>
        <input
          id={`${ids}-password`}
          type="password"
          value={form.password}
          onChange={(e) => edit('password', e.target.value)}
          onKeyDown={onEnter}
          autoComplete="new-password"
          aria-describedby={`${ids}-password-hint`}
          data-testid="sync-password"
        />
        <small id={`${ids}-password-hint`} data-testid="sync-password-kept" data-kept={status?.password ?? 'none'}>
          {t(`sync.passwordKept.${status?.password ?? 'none'}`)}
        </small>
      </div>
      <div className="row-actions" role="group" aria-label={t('sync.actions')}>
        <button type="button" onClick={() => void test()} disabled={busy !== null} data-testid="sync-test">
          {t('sync.test')}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={busy !== null} data-testid="sync-save">
          {t('sync.save')}
        </button>
        <button type="button" onClick={() => void pause(!paused)} disabled={busy !== null || !on} data-testid="sync-pause">
          {t(paused ? 'sync.resume' : 'sync.pause')}
        </button>
        <button type="button" onClick={() => void syncNow()} disabled={busy !== null || !on || paused} aria-busy={busy === 'sync'} data-testid="sync-now">
          {busy === 'sync' ? t('sync.syncingNow') : t('sync.syncNow')}
        </button>
      </div>
      <p role="status" className={message?.tone === 'error' ? 'error' : 'sync-message'} data-testid="sync-message">
        {message?.text}
      </p>
      <SyncStatusBlock status={status} busy={busy === 'sync'} timeZone={settings.timeZone} />
    </fieldset>
  );
}

/** How sync stands, with the app's own signals for tests: data-sync-state and data-sync-pending. */
function SyncStatusBlock({ status, busy, timeZone }: { status: SyncStatus | null; busy: boolean; timeZone: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const state = status?.state ?? 'off';
  const untitled = (headline: string) => headline || t('sync.untitled');
  return (
    <section
      className="sync-status"
      aria-labelledby={`${ids}-title`}
      aria-busy={busy}
      data-testid="sync-status"
      data-sync-state={status ? state : undefined}
      data-sync-pending={status?.pending ?? 0}
      data-sync-conflicts={status?.conflicts.length ?? 0}
      data-sync-busy={busy}
    >
      <h3 id={`${ids}-title`}>{t('sync.statusTitle')}</h3>
      <dl className="sync-facts">
        <div>
          <dt>{t('sync.state')}</dt>
          <dd data-testid="sync-state">{t(`sync.states.${state}`)}</dd>
        </div>
        <div>
          <dt>{t('sync.lastSync')}</dt>
          <dd>{status?.lastSyncAt ? <time dateTime={status.lastSyncAt}>{shortMoment(status.lastSyncAt, timeZone)}</time> : t('sync.never')}</dd>
        </div>
        <div>
          <dt>{t('sync.pending')}</dt>
          <dd data-testid="sync-pending">{status?.pending ?? 0}</dd>
        </div>
      </dl>
      {busy && (
        <div className="site-progress">
          <label htmlFor={`${ids}-progress`}>{t('sync.syncingNow')}</label>
          <progress id={`${ids}-progress`} max={status?.progress?.total || 1} value={status?.progress ? status.progress.done : undefined} data-testid="sync-progress" />
          {status?.progress && <small>{t('sync.progress', status.progress)}</small>}
        </div>
      )}
      {status?.error && (
        <p className="error" data-testid="sync-error">
          {t('sync.errorDetail', { message: status.error.message })}
        </p>
      )}
      <h4>{t('sync.conflictsTitle')}</h4>
      {status?.conflicts.length ? (
        <ul className="sync-list" data-testid="sync-conflicts">
          {status.conflicts.map((conflict) => (
            <li key={conflict.id}>
              <a href={routeHash({ view: 'conflict', id: conflict.id })}>{t('sync.conflictItem', { headline: untitled(conflict.headline), count: conflict.versions })}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('sync.noConflicts')}</p>
      )}
      <ArticleNotes
        title={t('sync.refusedTitle')}
        testId="sync-refused"
        items={(status?.refused ?? []).map((refused) => ({ ...refused, text: t('sync.refusedItem', { reason: refusalReason(refused.reason) }) }))}
        untitled={untitled}
      />
      <ArticleNotes title={t('sync.unreadableTitle')} testId="sync-unreadable" items={(status?.unreadable ?? []).map((unreadable) => ({ ...unreadable, text: unreadableText(t, unreadable) }))} untitled={untitled} />
    </section>
  );
}

/** Articles the sync has something to say about (a change refused, a version not taken): each a link to it, then what. */
function ArticleNotes({ title, testId, items, untitled }: { title: string; testId: string; items: Array<{ id: string; headline: string; text: string }>; untitled: (headline: string) => string }) {
  if (!items.length) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="sync-list" data-testid={testId}>
        {items.map((item) => (
          <li key={item.id}>
            <a href={routeHash({ view: 'editor', id: item.id })}>{untitled(item.headline)}</a>
            {': '}
            {item.text}
          </li>
        ))}
      </ul>
    </>
  );
}
