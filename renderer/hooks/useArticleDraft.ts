import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { LIMITS, type Article } from '../../shared/model/article';
import type { BodyDoc } from '../../shared/model/body';
import type { CommentThread } from '../../shared/review/comments';
import type { SuggestionInfo } from '../../shared/review/suggestions';
import type { AppApi } from '../api/sequenced';
import { stableStringify } from '../../shared/text/stableStringify';
import { slugify } from '../../shared/text/vietnamese';
import { getPreferences } from '../preferences/preferencesStore';

/** The article's fields as the reporter is editing them; the body is read from the editor. */
export interface Draft {
  headline: string;
  sapo: string;
  section: string;
  byline: string;
  tags: string[];
  featuredImage: Article['featuredImage'];
  related: string[];
  /** Who the article is assigned to (a profile id) and by when. */
  assignee: string;
  dueAt: string | null;
  /** A slug typed by hand; null while the slug follows the headline. */
  slug: string | null;
}

/** What the body editor holds: the body, the comment threads anchored in it, and who made its suggested edits. */
export interface ReviewedBody {
  body: BodyDoc;
  comments: CommentThread[];
  suggestions: SuggestionInfo[];
}

export const reviewedBodyOf = (article: Article): ReviewedBody => ({ body: article.body, comments: article.comments, suggestions: article.suggestions });

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'clean'; at: string | null; snapshot?: boolean }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** `storage`: the disk refused the save (nothing was written; it is being tried again). */
  | { kind: 'failed'; error: ApiError; storage?: StorageFailure };

/** How long after the last edit an article is saved: this computer's preference (1–30 s, 1 s unless changed; shared/model/preferences.ts). */
export const autosaveDelayMs = (): number => getPreferences().autosaveSeconds * 1000;

/**
 * A save the disk refused (no permission, a full disk, a file held by another program) is tried
 * again by itself: after these waits, the last one repeated, and at once on the next edit.
 */
export const STORAGE_RETRY_MS = [2000, 3000, 5000] as const;

/** Why the disk refused a save, as the library says (electron/library/errors.ts). */
export type StorageFailure = 'no_permission' | 'disk_full' | 'file_locked' | 'disk_error';

/** Which storage failure an error is (its message starts with it), or null when it is not one. */
export function storageFailureOf(error: ApiError): StorageFailure | null {
  if (error.code !== 'storage_error') return null;
  const reason = /^(no_permission|disk_full|file_locked|disk_error):/.exec(error.message)?.[1];
  return (reason as StorageFailure | undefined) ?? 'disk_error';
}

/** The same failure again is the same state: a retry the disk refuses again for the same reason changes nothing on screen. */
const sameFailure = (a: SaveState, b: ApiError) =>
  a.kind === 'failed' && a.error.code === b.code && (a.storage ?? a.error.message) === (storageFailureOf(b) ?? b.message);

/** The fields a save sends (all but the body); a slug only once typed by hand. */
export const fieldsOf = (draft: Draft) => ({
  headline: draft.headline,
  sapo: draft.sapo,
  section: draft.section,
  byline: draft.byline,
  tags: draft.tags,
  featuredImage: draft.featuredImage,
  related: draft.related,
  assignee: draft.assignee,
  dueAt: draft.dueAt,
  // A slug being typed ("ha-", "hà") is sent in its slug form, so it can never block a save.
  ...(draft.slug !== null ? { slug: slugify(draft.slug) } : {}),
});

export const draftOf = (article: Article): Draft => ({
  headline: article.headline,
  sapo: article.sapo,
  section: article.section,
  byline: article.byline,
  tags: article.tags,
  featuredImage: article.featuredImage,
  related: article.related,
  assignee: article.assignee,
  dueAt: article.dueAt,
  slug: null,
});

/**
 * Loads an article and keeps it saved: one second after the last change, when a field loses
 * focus, when the view closes or the page hides, and on demand (a named version). Saves carry the
 * revision they are based on; a conflict is shown, never overwritten silently, and nothing is
 * saved after it until the reporter chooses which version to keep. A save the disk refused is
 * shown, kept on screen, and tried again by itself (STORAGE_RETRY_MS) until the disk takes it.
 */
export function useArticleDraft(api: AppApi, id: string, conflictCopyLabel: string) {
  const [article, setArticle] = useState<Article | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'loading' });
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [slugError, setSlugError] = useState<ApiError | null>(null);
  /** Bumped whenever a loaded version replaces what is on screen, so the body editor starts over from it. */
  const [loadCount, setLoadCount] = useState(0);

  const draftRef = useRef<Draft | null>(null);
  const bodySource = useRef<(() => ReviewedBody) | null>(null);
  const baseRevision = useRef(0);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** After a conflict, nothing is saved until the reporter chooses which version to keep. */
  const conflict = useRef(false);
  const saveRef = useRef<(() => Promise<number | null>) | null>(null);
  /** What the last load or save put on disk, to skip saves that would change nothing. */
  const savedFields = useRef('');
  /** The revision the article will have once the save in flight succeeds. */
  const expectedRevision = useRef(0);
  /** When this window last saved the article (null: not since it was opened). */
  const savedAt = useRef<string | null>(null);
  /** Saves the disk has refused in a row (0: the last save was written). */
  const storageFailures = useRef(0);
  /** False once the view has closed: a refused save is then no longer retried from here. */
  const alive = useRef(true);

  const adopt = useCallback((loaded: Article) => {
    baseRevision.current = loaded.revision;
    dirty.current = false;
    conflict.current = false;
    storageFailures.current = 0;
    draftRef.current = draftOf(loaded);
    savedFields.current = stableStringify({ ...fieldsOf(draftRef.current), ...reviewedBodyOf(loaded) });
    setLoadCount((n) => n + 1);
    setArticle(loaded);
    setDraftState(draftRef.current);
    savedAt.current = null;
    setState({ kind: 'clean', at: null });
  }, []);

  useEffect(() => {
    let cancelled = false;
    void api.getArticle({ id }).then((result) => {
      if (cancelled) return;
      if (result.ok) adopt(result.value);
      else setLoadError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [api, id, adopt]);

  const changes = useCallback(() => {
    const current = draftRef.current!;
    return { ...fieldsOf(current), ...(bodySource.current ? bodySource.current() : {}) };
  }, []);

  /** The changes to save, or null when they are what is already saved (the editor's own normalising on load, say). */
  const pendingChanges = useCallback(() => {
    const next = changes();
    const key = stableStringify(next);
    return key === savedFields.current ? null : { next, key };
  }, [changes]);

  const clearTimer = () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
  };

  /** Saves what is pending (a named version when `snapshot`). The revision saved, or null when the text is not saved (a failure or a conflict). */
  const save = useCallback(
    async (snapshot = false, label?: string): Promise<number | null> => {
      clearTimer();
      while (inFlight.current) await inFlight.current;
      const saved = () => (dirty.current || conflict.current || !draftRef.current ? null : baseRevision.current);
      if (!draftRef.current || conflict.current || (!dirty.current && !snapshot)) return saved();
      dirty.current = false;
      const pending = pendingChanges();
      if (!pending && !snapshot) {
        // A change undone before it was saved: what is saved is still the last save (and a refusal of the disk no longer matters).
        const refused = storageFailures.current > 0;
        storageFailures.current = 0;
        setState((previous) => (previous.kind === 'dirty' || (refused && previous.kind === 'failed') ? { kind: 'clean', at: savedAt.current } : previous));
        return saved();
      }
      expectedRevision.current = baseRevision.current + 1;
      // While the disk refuses, its failure stays on screen through each retry until one is written.
      setState((previous) => (storageFailures.current > 0 && previous.kind === 'failed' ? previous : { kind: 'saving' }));
      const current = draftRef.current;
      const run = (async () => {
        const payload = pending ?? { next: changes(), key: savedFields.current };
        const result = await api.saveArticle({ id, baseRevision: baseRevision.current, snapshot, ...(label ? { label } : {}), changes: payload.next });
        if (result.ok) {
          storageFailures.current = 0;
          savedFields.current = payload.key;
          baseRevision.current = result.value.revision;
          setArticle(result.value);
          if (current.slug !== null) setSlugError(null);
          savedAt.current = result.value.updatedAt;
          setState(dirty.current ? { kind: 'dirty' } : { kind: 'clean', at: result.value.updatedAt, snapshot });
        } else if (result.error.code === 'slug_taken') {
          // The text must not wait for a slug: keep the old slug, say why, and save the rest.
          setSlugError(result.error);
          draftRef.current = { ...draftRef.current!, slug: null };
          setDraftState(draftRef.current);
          dirty.current = true;
          timer.current = setTimeout(() => void saveRef.current?.(), 0);
        } else {
          dirty.current = true;
          conflict.current = result.error.code === 'conflict';
          const error = result.error;
          const storage = storageFailureOf(error);
          setState((previous) => (sameFailure(previous, error) ? previous : { kind: 'failed', error, ...(storage ? { storage } : {}) }));
          if (storage) {
            // Nothing was written: the text stays here, unsaved, and is tried again shortly.
            const wait = STORAGE_RETRY_MS[Math.min(storageFailures.current, STORAGE_RETRY_MS.length - 1)];
            storageFailures.current++;
            if (alive.current && !timer.current) timer.current = setTimeout(() => void saveRef.current?.(), wait);
          } else storageFailures.current = 0;
        }
      })();
      inFlight.current = run;
      try {
        await run;
      } finally {
        inFlight.current = null;
      }
      return saved();
    },
    [api, id, changes, pendingChanges],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /**
   * Sends what is pending at once, without waiting for the save in flight: for the moment the
   * view closes or the page goes away. It is based on the revision the save in flight will
   * produce; if that guess is wrong the server refuses it as a conflict and nothing is
   * overwritten. `immediate` skips the queue (a page being unloaded cannot wait); otherwise it is
   * queued ahead of any list the next view asks for.
   */
  /**
   * The view or window is going away while a conflict is unresolved: the reporter's version cannot
   * be saved over the other one, so it is kept as a new article beside it (never lost).
   */
  const keepConflictCopy = useCallback(
    (immediate: boolean) => {
      const current = draftRef.current;
      if (!current || !conflict.current || !dirty.current) return Promise.resolve();
      dirty.current = false;
      const { headline, sapo, section, body } = changes();
      const target = immediate ? api.immediate : api;
      return target
        .createArticle({ headline: `${headline} (${conflictCopyLabel})`.slice(0, LIMITS.headline), sapo, section, ...(body ? { body } : {}) })
        .then(() => undefined);
    },
    [api, changes, conflictCopyLabel],
  );

  const saveNow = useCallback(
    (immediate: boolean) => {
      if (conflict.current) return void keepConflictCopy(immediate);
      if (!draftRef.current || !dirty.current) return;
      clearTimer();
      dirty.current = false;
      const pending = pendingChanges();
      if (!pending) return;
      const base = inFlight.current ? expectedRevision.current : baseRevision.current;
      const target = immediate ? api.immediate : api;
      void target.saveArticle({ id, baseRevision: base, changes: pending.next }).then((result) => {
        if (result.ok) {
          savedFields.current = pending.key;
          baseRevision.current = Math.max(baseRevision.current, result.value.revision);
        } else dirty.current = true;
      });
    },
    [api, id, pendingChanges, keepConflictCopy],
  );

  const schedule = useCallback(() => {
    dirty.current = true;
    setState((previous) => (previous.kind === 'failed' || previous.kind === 'saving' ? previous : { kind: 'dirty' }));
    clearTimer();
    // After a save the disk refused, the next edit tries again at once (unless a try is under way).
    const retryNow = storageFailures.current > 0 && !inFlight.current;
    timer.current = setTimeout(() => void save(), retryNow ? 0 : autosaveDelayMs());
  }, [save]);

  const update = useCallback(
    (fields: Partial<Draft>) => {
      if (!draftRef.current) return;
      draftRef.current = { ...draftRef.current, ...fields };
      setDraftState(draftRef.current);
      schedule();
    },
    [schedule],
  );

  /** The body editor announces itself with a reader for its content, then reports changes. */
  const setBodySource = useCallback((source: () => ReviewedBody) => {
    bodySource.current = source;
  }, []);

  /**
   * Moves the article to another status (saving what is pending first); publishing stamps its
   * time. Null when it moved, else why not: a refusal by the pre-publish checklist is the
   * caller's to show (nothing failed to save), any other failure shows in the save state.
   */
  const changeStatus = useCallback(
    async (status: Article['status'], note = ''): Promise<ApiError | null> => {
      // Only what is saved moves (and is checked): a draft that could not be saved stays where it is.
      if ((await save()) === null) return { code: conflict.current ? 'conflict' : 'storage_error', message: '' };
      const result = await api.setStatus({ id, baseRevision: baseRevision.current, status, ...(note.trim() ? { note: note.trim() } : {}) });
      if (!result.ok) {
        // Refused moves (the checklist, the policy, the workflow) change nothing: the caller says why.
        if (result.error.code === 'checklist_failed' || result.error.code === 'forbidden' || result.error.code === 'invalid_input') return result.error;
        conflict.current = result.error.code === 'conflict';
        setState({ kind: 'failed', error: result.error });
        return result.error;
      }
      baseRevision.current = result.value.revision;
      setArticle(result.value);
      savedAt.current = result.value.updatedAt;
      setState({ kind: 'clean', at: result.value.updatedAt });
      return null;
    },
    [api, id, save],
  );

  /** Brings back a kept revision as a new one (what is pending is saved first, so it stays in history too) and shows it. */
  const restore = useCallback(
    async (revision: number): Promise<ApiError | null> => {
      // What is on screen must be saved first (and so kept in the history) before it is replaced.
      if ((await save()) === null) return { code: conflict.current ? 'conflict' : 'storage_error', message: '' };
      const result = await api.restoreRevision({ id, baseRevision: baseRevision.current, revision });
      if (!result.ok) return result.error;
      adopt(result.value);
      return null;
    },
    [api, id, save, adopt],
  );

  /** After a conflict: drop local changes and show the saved article. */
  const reloadLatest = useCallback(async () => {
    const result = await api.getArticle({ id });
    if (result.ok) adopt(result.value);
    else setState({ kind: 'failed', error: result.error });
  }, [api, id, adopt]);

  /** After a conflict: keep what is on screen, saved on top of the latest revision. */
  const keepMine = useCallback(async () => {
    const result = await api.getArticle({ id });
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    baseRevision.current = result.value.revision;
    dirty.current = true;
    conflict.current = false;
    savedFields.current = ''; // what is on disk now is theirs: ours must be written, even if it matches an older save
    await save();
  }, [api, id, save]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saveNow(false);
    };
    const onPageHide = () => saveNow(true);
    // While something is unsaved, leaving the page asks first (the browser shows its own question).
    // (Not in Electron: there it would silently keep the window open; main asks us to save instead.)
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!window.newsdesk && (dirty.current || inFlight.current || conflict.current)) {
        saveNow(true);
        event.preventDefault();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    const unsubscribe = window.newsdesk?.onWillClose(() => (conflict.current ? keepConflictCopy(false) : save().then(() => undefined)));
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      unsubscribe?.();
      saveNow(false);
    };
  }, [save, saveNow, keepConflictCopy]);

  return { article, draft, state, loadError, slugError, loadCount, changeStatus, restore, update, bodyChanged: schedule, setBodySource, save, reloadLatest, keepMine };
}
