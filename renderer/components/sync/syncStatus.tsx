import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../../shared/api/contract';
import { useApi } from '../../api/ApiContext';
import { useLatest } from '../../hooks/useLatest';

/** How often the sync's state is asked again while sync is configured (never when it is off). */
export const SYNC_POLL_MS = 2000;

export interface SyncStatusStore {
  /** Null until first known (or when the library cannot say: no sync engine). */
  status: SyncStatus | null;
  /** Asks again now. */
  refresh: () => Promise<SyncStatus | null>;
  /** An answer that already carries the new state (saving the settings, pausing, syncing now). */
  set: (status: SyncStatus) => void;
}

const SyncStatusContext = createContext<SyncStatusStore>({ status: null, refresh: () => Promise.resolve(null), set: () => undefined });

/** Is sync configured (anything but off)? */
export const syncOn = (status: SyncStatus | null): status is SyncStatus => status !== null && status.state !== 'off';

/**
 * Team sync's state for the whole window (the top bar's indicator, the library's conflict marks,
 * the editor's banner, Settings): asked once when the window opens, then every two seconds only
 * while sync is configured. With sync off nothing more is asked, so the other views stay quiet.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const refresh = useCallback(async () => {
    // Not behind the writes in flight (a long "sync now" is one): the state is read as it is.
    const result = await api.immediate.getSyncStatus({});
    if (!result.ok) return null;
    if (live.current) setStatus(result.value);
    return result.value;
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const on = syncOn(status);
  // Not while the window is hidden (minimised, another tab): asked again as soon as it is shown.
  useEffect(() => {
    if (!on) return;
    const shown = () => document.visibilityState !== 'hidden';
    const timer = setInterval(() => shown() && void refresh(), SYNC_POLL_MS);
    const onVisible = () => shown() && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [on, refresh]);

  const value = useMemo<SyncStatusStore>(() => ({ status, refresh, set: setStatus }), [status, refresh]);
  return <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>;
}

export function useSyncStatus(): SyncStatusStore {
  return useContext(SyncStatusContext);
}

const NO_CONFLICTS: ReadonlySet<string> = new Set();

/** The ids of the articles in conflict (empty when sync is off), the same set while they stay the same. */
export function useSyncConflictIds(): ReadonlySet<string> {
  const { status } = useSyncStatus();
  const key = status && syncOn(status) ? status.conflicts.map((c) => c.id).join(' ') : '';
  return useMemo(() => (key ? new Set(key.split(' ')) : NO_CONFLICTS), [key]);
}

/** Runs `onSynced` whenever a sync has brought or sent something (the last sync's time moved), not on the first answer. */
export function useAfterSync(onSynced: () => void): void {
  const { status } = useSyncStatus();
  const known = status !== null;
  const at = status && syncOn(status) ? status.lastSyncAt : null;
  const seen = useRef<string | null | undefined>(undefined);
  const latest = useLatest(onSynced);
  useEffect(() => {
    if (!known) return;
    if (seen.current === undefined) {
      seen.current = at;
      return;
    }
    if (at === seen.current || at === null) return;
    seen.current = at;
    latest.current();
  }, [known, at, latest]);
}
