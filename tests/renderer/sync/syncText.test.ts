import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/api/contract';
import { syncConnectionFailures, syncStates } from '../../../shared/api/contract';
import { resources } from '../../../shared/i18n';
import { indicatorText, refusalReason, shortMoment } from '../../../renderer/components/sync/syncText';

// The words the top bar and Settings say for team sync (renderer/components/sync/syncText.ts), in both languages.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'vi', fallbackLng: false, interpolation: { escapeValue: false } });
});

const status = (changes: Partial<SyncStatus>): SyncStatus => ({
  server: 'https://dongbo.example.vn',
  database: 'newsdesk',
  user: 'Minh Anh',
  password: 'memory',
  state: 'idle',
  lastSyncAt: null,
  pending: 0,
  conflicts: [],
  refused: [],
  error: null,
  progress: null,
  ...changes,
});

describe('shortMoment', () => {
  it('says the time alone today and the whole date another day, in Vietnam time', () => {
    const now = new Date('2026-11-29T05:00:00Z'); // 12:00 in Hà Nội
    expect(shortMoment('2026-11-29T02:12:00Z', 'Asia/Ho_Chi_Minh', now)).toBe('09:12');
    expect(shortMoment('2026-11-28T02:12:00Z', 'Asia/Ho_Chi_Minh', now)).toBe('28/11/2026 09:12');
    // 23:30 UTC on the 28th is already the 29th in Vietnam.
    expect(shortMoment('2026-11-28T23:30:00Z', 'Asia/Ho_Chi_Minh', now)).toBe('06:30');
  });
});

describe('indicatorText', () => {
  const today = new Date().toISOString();
  const t = (language: 'vi' | 'en') => i18n.getFixedT(language);
  it('says how sync stands in Vietnamese', () => {
    expect(indicatorText(t('vi'), status({ state: 'idle', lastSyncAt: today }), 'Asia/Ho_Chi_Minh')).toMatch(/^Đã đồng bộ \d\d:\d\d$/);
    expect(indicatorText(t('vi'), status({ state: 'syncing' }), 'Asia/Ho_Chi_Minh')).toBe('Đang đồng bộ…');
    expect(indicatorText(t('vi'), status({ state: 'offline', pending: 3 }), 'Asia/Ho_Chi_Minh')).toBe('Ngoại tuyến — 3 thay đổi chờ gửi');
    expect(indicatorText(t('vi'), status({ state: 'offline', pending: 0 }), 'Asia/Ho_Chi_Minh')).toBe('Ngoại tuyến');
    expect(indicatorText(t('vi'), status({ state: 'paused' }), 'Asia/Ho_Chi_Minh')).toBe('Tạm dừng');
    expect(indicatorText(t('vi'), status({ state: 'off' }), 'Asia/Ho_Chi_Minh')).toBe('');
  });
  it('and in English, with plurals', () => {
    expect(indicatorText(t('en'), status({ state: 'offline', pending: 1 }), 'Asia/Ho_Chi_Minh')).toBe('Offline — 1 change waiting');
    expect(indicatorText(t('en'), status({ state: 'offline', pending: 3 }), 'Asia/Ho_Chi_Minh')).toBe('Offline — 3 changes waiting');
    expect(indicatorText(t('en'), status({ state: 'paused' }), 'Asia/Ho_Chi_Minh')).toBe('Paused');
  });
  it('every state and every connection failure has its words in both languages', () => {
    for (const language of ['vi', 'en'] as const) {
      for (const state of syncStates) expect(i18n.exists(`sync.states.${state}`, { lng: language }), `${language} ${state}`).toBe(true);
      for (const reason of syncConnectionFailures) expect(i18n.exists(`sync.failures.${reason}`, { lng: language }), `${language} ${reason}`).toBe(true);
    }
  });
});

describe('refusalReason', () => {
  it('leaves out the server’s own closing full stop (the sentence around it has one)', () => {
    expect(refusalReason('Only its author, its assignee or an editor changes this article. ')).toBe('Only its author, its assignee or an editor changes this article');
    expect(refusalReason('forbidden')).toBe('forbidden');
  });
});
