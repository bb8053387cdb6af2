import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { bodyToPlainText, plainTextToBody } from '../../shared/model/body';
import type { AppApi } from '../api/sequenced';

/** What the reporter is editing; the body is plain paragraphs, one per line, for now. */
export interface Draft {
  headline: string;
  sapo: string;
  section: string;
  bodyText: string;
}

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'clean'; at: string | null; snapshot?: boolean }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'failed'; error: ApiError };

export const AUTOSAVE_DELAY_MS = 1000;

function changesOf(draft: Draft) {
  return {
    headline: draft.headline,
    sapo: draft.sapo,
    section: draft.section,
    body: plainTextToBody(draft.bodyText),
  };
}

function draftOf(article: Article): Draft {
  return {
    headline: article.headline,
    sapo: article.sapo,
    section: article.section,
    bodyText: bodyToPlainText(article.body),
  };
}

/**
 * Loads an article and keeps it saved: one second after the last keystroke, when a field loses
 * focus, when the view closes or the page hides, and on demand (a named version). Saves carry the
 * revision they are based on; a conflict is shown, never overwritten silently.
 */
export function useArticleDraft(api: AppApi, id: string) {
  const [article, setArticle] = useState<Article | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'loading' });
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  const draftRef = useRef<Draft | null>(null);
  const baseRevision = useRef(0);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** After a conflict, nothing is saved until the reporter chooses which version to keep. */
  const conflict = useRef(false);
  /** The revision the article will have once the save in flight succeeds. */
  const expectedRevision = useRef(0);

  const adopt = useCallback((loaded: Article) => {
    baseRevision.current = loaded.revision;
    dirty.current = false;
    conflict.current = false;
    draftRef.current = draftOf(loaded);
    setArticle(loaded);
    setDraftState(draftRef.current);
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

  const save = useCallback(
    async (snapshot = false): Promise<void> => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      while (inFlight.current) await inFlight.current;
      const current = draftRef.current;
      if (!current || conflict.current || (!dirty.current && !snapshot)) return;
      dirty.current = false;
      expectedRevision.current = baseRevision.current + 1;
      setState({ kind: 'saving' });
      const run = (async () => {
        const result = await api.saveArticle({
          id,
          baseRevision: baseRevision.current,
          snapshot,
          changes: changesOf(current),
        });
        if (result.ok) {
          baseRevision.current = result.value.revision;
          setArticle(result.value);
          setState(
            dirty.current
              ? { kind: 'dirty' }
              : { kind: 'clean', at: result.value.updatedAt, snapshot },
          );
        } else {
          dirty.current = true;
          conflict.current = result.error.code === 'conflict';
          setState({ kind: 'failed', error: result.error });
        }
      })();
      inFlight.current = run;
      try {
        await run;
      } finally {
        inFlight.current = null;
      }
    },
    [api, id],
  );

  const update = useCallback(
    (changes: Partial<Draft>) => {
      if (!draftRef.current) return;
      draftRef.current = { ...draftRef.current, ...changes };
      dirty.current = true;
      setDraftState(draftRef.current);
      setState((previous) => (previous.kind === 'failed' || previous.kind === 'saving' ? previous : { kind: 'dirty' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
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
    await save();
  }, [api, id, save]);

  /**
   * The page is going away: send what is pending now, without waiting for the save in flight
   * (a page being unloaded cannot wait), on top of the revision that save will produce. If that
   * guess is wrong the server refuses the save as a conflict; nothing is overwritten.
   */
  const saveNow = useCallback(() => {
    const current = draftRef.current;
    if (!current || conflict.current || !dirty.current) return;
    dirty.current = false;
    if (timer.current) clearTimeout(timer.current);
    const base = inFlight.current ? expectedRevision.current : baseRevision.current;
    void api.immediate.saveArticle({ id, baseRevision: base, changes: changesOf(current) });
  }, [api, id]);

  // Save whatever is pending when the page is hidden or the view closes.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    const onPageHide = () => saveNow();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    const unsubscribe = window.newsdesk?.onWillClose(() => save());
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      unsubscribe?.();
      void save();
    };
  }, [save, saveNow]);

  return { article, draft, state, loadError, update, save, reloadLatest, keepMine };
}
