import { useTranslation } from 'react-i18next';
import { useSettings } from '../../hooks/useSettings';
import { indicatorText } from './syncText';
import { syncOn, useSyncStatus } from './syncStatus';
import './sync.css';

/**
 * The top bar's word on team sync, always in view while sync is configured ("Đã đồng bộ 09:12",
 * "Đang đồng bộ…", "Ngoại tuyến — 3 thay đổi chờ gửi", "Tạm dừng"); nothing when sync is off.
 * It opens Settings, where sync is set up.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { status } = useSyncStatus();
  const settings = useSettings();
  if (!syncOn(status)) return null;
  const text = indicatorText(t, status, settings.timeZone);
  return (
    <a
      href="#/settings"
      className={`sync-indicator sync-${status.state}`}
      data-testid="sync-indicator"
      data-sync-state={status.state}
      data-sync-pending={status.pending}
    >
      <SyncIcon state={status.state} />
      <span className="visually-hidden">{t('sync.title')}: </span>
      {text}
    </a>
  );
}

/** A small mark beside the words (never the only sign: the words say it all). */
export function SyncIcon({ state }: { state: string }) {
  const warn = state === 'offline' || state === 'error';
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="sync-icon">
      {warn ? (
        <path d="M8 1.5 15 14H1z M8 6v4 M8 11.5v1" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      ) : state === 'paused' ? (
        <path d="M5 3v10 M11 3v10" stroke="currentColor" strokeWidth="2" />
      ) : (
        <path d="M13 6A5.5 5.5 0 0 0 3.2 5M3 10a5.5 5.5 0 0 0 9.8 1M3 2v3h3M13 14v-3h-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  );
}
