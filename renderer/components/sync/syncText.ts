import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../shared/api/contract';
import { formatShortDateTime } from '../../../shared/text/dates';

/** A moment as short as it can be said: "09:12" today, "27/11/2026 09:12" another day (Vietnam's format). */
export function shortMoment(iso: string, timeZone: string, now = new Date()): string {
  const full = formatShortDateTime(iso, timeZone);
  const today = formatShortDateTime(now.toISOString(), timeZone);
  return full.slice(0, 10) === today.slice(0, 10) ? full.slice(11) : full;
}

/** The server's reason for refusing a change, as quoted in a sentence of ours (its own closing full stop left out). */
export const refusalReason = (reason: string): string => reason.trim().replace(/[.。]+$/u, '');

/** The top bar's words for the sync's state: "Đã đồng bộ 09:12", "Ngoại tuyến — 3 thay đổi chờ gửi"… */
export function indicatorText(t: TFunction, status: SyncStatus, timeZone: string): string {
  switch (status.state) {
    case 'idle':
      return status.lastSyncAt ? t('sync.indicator.idle', { time: shortMoment(status.lastSyncAt, timeZone) }) : t('sync.indicator.idleNever');
    case 'offline':
      return status.pending > 0 ? t('sync.indicator.offline', { count: status.pending }) : t('sync.indicator.offlineNone');
    case 'connecting':
    case 'syncing':
    case 'paused':
    case 'error':
      return t(`sync.indicator.${status.state}`);
    case 'off':
      return '';
  }
}

/** Why a version received was not written here, in the user's words (the text here is kept). */
export function unreadableText(t: TFunction, unreadable: { by: string; reason: 'newer' | 'damaged'; detail: string }, { sentence = false } = {}): string {
  const by = unreadable.by || t('sync.conflict.unknownAuthor');
  const text = unreadable.reason === 'newer' ? t('sync.unreadableNewer', { by }) : t('sync.unreadableDamaged', { by, detail: unreadable.detail });
  // (After a headline and a colon in a list; a sentence of its own in the editor's banner.)
  return sentence ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}
