import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract';
import { useApi } from '../../api/ApiContext';
import { routeHash } from '../../hooks/useHashRoute';
import { useSettings } from '../../hooks/useSettings';
import { refusalReason, shortMoment, unreadableText } from './syncText';
import { SYNC_POLL_MS, syncOn, useSyncStatus } from './syncStatus';
import './sync.css';

type ArticleSync = MethodOutput<'getArticleSync'>;

/**
 * One article's sync in the editor (above its fields): a conflict waiting (with the way to resolve
 * it), a change the server refused (the text here is kept), and who else is editing it — a soft
 * lock that never stops anyone typing. Asked when the article opens, after each save (`savedAt`
 * moves), and every two seconds while sync is configured.
 */
export function SyncArticleBanner({ id, savedAt }: { id: string; savedAt: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useSettings();
  const { status } = useSyncStatus();
  const on = syncOn(status);
  const [asked, setInfo] = useState<ArticleSync | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const ask = useCallback(async () => {
    const result = await api.immediate.getArticleSync({ id });
    if (live.current) setInfo(result.ok ? result.value : null);
  }, [api, id]);

  // On opening and after each save; with sync off (known), nothing is asked.
  const off = status !== null && !on;
  useEffect(() => {
    if (!off) void ask();
  }, [ask, savedAt, off]);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => document.visibilityState !== 'hidden' && void ask(), SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [on, ask]);

  const info = off ? null : asked;
  if (!info || (!info.conflict && !info.refused && !info.unreadable && info.editing.length === 0)) return null;
  return (
    <div className="sync-banner" data-testid="sync-banner" data-sync-conflict={info.conflict} data-sync-refused={info.refused !== null}>
      {info.conflict && (
        <p className="locked-note sync-note" role="status" data-testid="sync-banner-conflict">
          {t('sync.banner.conflict')}
          {' — '}
          <a href={routeHash({ view: 'conflict', id })}>{t('sync.banner.resolve')}</a>
        </p>
      )}
      {info.refused !== null && (
        <p className="locked-note sync-note" role="status" data-testid="sync-banner-refused">
          {t('sync.banner.refused', { reason: refusalReason(info.refused) })}
        </p>
      )}
      {info.unreadable && (
        <p className="locked-note sync-note" role="status" data-testid="sync-banner-unreadable">
          {unreadableText(t, info.unreadable, { sentence: true })}
        </p>
      )}
      {info.editing.length > 0 && (
        <p className="sync-editing muted" data-testid="sync-banner-editing">
          {info.editing.map((who) => t('sync.banner.editing', { name: who.name, time: shortMoment(who.since, settings.timeZone) })).join(' · ')}
        </p>
      )}
    </div>
  );
}
