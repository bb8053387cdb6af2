import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/model/article';
import type { BodyDoc } from '../../shared/model/body';
import { formatShortDateTime } from '../../shared/text/dates';
import { countWords, readingMinutes } from '../../shared/text/vietnamese';
import { errorText, useApi } from '../api/ApiContext';
import { useCommand, useCommands } from '../commands';
import { ArticleEditor } from '../editor/ArticleEditor';
import { useBodyStats } from '../editor/useBodyStats';
import { useMisspelledCount } from '../editor/spell/useMisspelledCount';
import { exportArticleHtml } from '../exportArticle';
import { fieldsOf, reviewedBodyOf, useArticleDraft, type ReviewedBody, type SaveState } from '../hooks/useArticleDraft';
import { ReviewPanel } from './ReviewPanel';
import { sendArticles } from '../api/bundles';
import { setSuggesting } from '../editor/extensions/SuggestChanges';
import { positionOfPath, rawOffset, textRangeAt } from '../editor/piecePosition';
import { ChecklistPanel, type ChecklistFinding } from './ChecklistPanel';
import { HistoryPanel } from './HistoryPanel';
import { Timeline, WorkflowFields } from './WorkflowFields';
import { useProfile } from '../hooks/useProfile';
import { allows } from '../../shared/review/people';
import { authorProfileId } from '../../shared/model/articleUpdates';
import { routeHash } from '../hooks/useHashRoute';
import { useNotify } from '../hooks/useNotice';
import { useSettings } from '../hooks/useSettings';
import { TagInput } from './TagInput';
import { PreviewPane } from './PreviewPane';
import { RelatedPicker } from './RelatedPicker';
import { FolderExportDialog } from './FolderExportDialog';
import { draftArticle, usePreviewHtml } from '../hooks/usePreviewHtml';
import { FeaturedImageField } from './FeaturedImageField';
import { ImageProgress } from './ImageProgress';
import { SyncArticleBanner } from './sync/SyncArticleBanner';
import { formatFileSize } from '../../shared/text/fileSize';
import { slugify } from '../../shared/text/vietnamese';

const DEFAULT_HEADLINE_LIMIT = 100;

/** The side panels' toggles, in order: the panel and the key of its label. */
const SIDE_PANELS = [
  ['inspector', 'editor.inspector'],
  ['preview', 'preview.toggle'],
  ['review', 'review.toggle'],
  ['history', 'history.toggle'],
  ['checklist', 'checklist.toggle'],
] as const;

/**
 * What stands beside the text: the article's details (the inspector), the preview, or nothing.
 * The choice is remembered for the next article.
 */
type EditorSide = 'inspector' | 'preview' | 'review' | 'history' | 'checklist' | 'none';
const SIDES: readonly EditorSide[] = ['inspector', 'preview', 'review', 'history', 'checklist', 'none'];
const SIDE_KEY = 'newsdesk.editorSide';
const readSide = (): EditorSide => {
  const stored = window.localStorage.getItem(SIDE_KEY) as EditorSide | null;
  return stored && SIDES.includes(stored) ? stored : 'inspector';
};
const writeSide = (side: EditorSide) => window.localStorage.setItem(SIDE_KEY, side);

export function EditorView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const settings = useSettings();
  const ids = useId();
  const { article, draft, state, loadError, slugError, loadCount, changeStatus, restore, update, bodyChanged, setBodySource, save, reloadLatest, keepMine } = useArticleDraft(api, id, t('save.conflictCopy'));
  const [editor, setEditor] = useState<Editor | null>(null);
  const { profile } = useProfile();
  // (Read-only for those who may not change what is live: see `locked` below.)
  const liveLocked = article !== null && article.status === 'published' && !allows(settings, profile, 'publish');
  useEffect(() => {
    editor?.setEditable(!liveLocked);
  }, [editor, liveLocked]);
  const getBody = useRef<(() => BodyDoc) | null>(null);
  const getContent = useRef<(() => ReviewedBody) | null>(null);
  /** The range a comment was asked for on (the review panel's form), or null. */
  const [pendingComment, setPendingComment] = useState<{ from: number; to: number } | null>(null);
  const [previewSuggestions, setPreviewSuggestions] = useState(false);
  const stats = useBodyStats(editor);
  const [side, setSide] = useState<EditorSide>(readSide);
  const showSide = (next: EditorSide) => {
    setSide(next);
    writeSide(next);
  };
  const toggleSide = (panel: Exclude<EditorSide, 'none'>) => showSide(side === panel ? 'none' : panel);
  /** A field of the inspector to focus once it is shown (a checklist item jumping to the byline, say): a selector. */
  const focusWhenShown = useRef<string | null>(null);
  const focusField = (selector: string) => {
    const element = document.querySelector(selector);
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
    }
  };
  useEffect(() => {
    if (side !== 'inspector' || !focusWhenShown.current) return;
    focusField(focusWhenShown.current);
    focusWhenShown.current = null;
  }, [side]);
  const commands = useCommands();
  const [folderExport, setFolderExport] = useState(false);
  /** The load (loadCount) whose editor has settled; a newly loaded version is not settled until its editor says so. */
  const [settledFor, setSettledFor] = useState(-1);
  const [bodyTick, setBodyTick] = useState(0);
  /** Bumped when a version is kept without a new revision (an export): the history reads itself again. */
  const [historyTick, setHistoryTick] = useState(0);
  const previewHtml = usePreviewHtml(side === 'preview', article, draft, settings, () => getBody.current?.() ?? article?.body ?? null, bodyTick, previewSuggestions);
  const misspelled = useMisspelledCount(editor);

  useCommand('article.save', async () => {
    await save(true);
  });
  useCommand('article.export', async () => {
    if (!article || !draft) return;
    // What is exported is what is saved (and kept in the history as exported).
    const revision = await save();
    if (revision === null) return notify({ text: t('export.unsaved'), tone: 'error' });
    const body = getBody.current?.() ?? article.body;
    const neighbours = await api.getPageNeighbours({ id: article.id, section: draft.section, tags: draft.tags, related: draft.related });
    notify({ text: t('export.working') });
    const { file, bytes } = await exportArticleHtml(api, draftArticle(article, draft, body), settings, neighbours.ok ? neighbours.value : null);
    notify({ text: t('export.done', { file, size: formatFileSize(bytes, i18n.language) }) });
    await api.recordExport({ id: article.id, revision });
    setHistoryTick((n) => n + 1);
  });

  // Another profile taking over the window (a reporter hands the computer to the editor): the
  // mode follows who is working now, as it would on opening the article.
  const profileId = profile?.id ?? null;
  const lastProfile = useRef(profileId);
  useEffect(() => {
    if (!editor || !article || lastProfile.current === profileId) return;
    lastProfile.current = profileId;
    const writer = authorProfileId(article);
    setSuggesting(editor, profileId !== null && writer !== null && profileId !== writer && (article.status === 'submitted' || article.status === 'review'));
  }, [editor, article, profileId]);

  useCommand('bundle.send', async () => {
    if (!article) return;
    // What is sent is what is saved.
    if ((await save()) === null) return notify({ text: t('export.unsaved'), tone: 'error' });
    await sendArticles(api, t, notify, [article.id]);
  });

  if (loadError) {
    return (
      <div className="editor">
        <p className="error" role="alert">
          {errorText(t, loadError)}
        </p>
        <a href="#/">{t('editor.back')}</a>
      </div>
    );
  }
  if (!article || !draft) {
    return (
      <p className="loading" role="status">
        {t('editor.loading')}
      </p>
    );
  }

  // What is live is changed only by those who may publish (the service refuses the rest): the
  // article opens read-only for others, so nothing typed is refused later. A byline is its
  // author's, or an editor's, to change.
  const author = authorProfileId(article);
  const locked = article.status === 'published' && !allows(settings, profile, 'publish');
  const bylineLocked = locked || !allows(settings, profile, 'editOthersByline', author);
  /** Changes to the fields: none while the article is read-only for this profile. */
  const edit = locked ? () => undefined : update;
  const section = settings.sections.find((s) => s.slug === draft.section);
  const limit = section?.headlineLimit ?? DEFAULT_HEADLINE_LIMIT;
  const headlineLength = [...draft.headline].length;
  const words = countWords(draft.headline) + countWords(draft.sapo) + stats.body.words;
  // "Đã đăng" is a status in the library; the website changes only when it is exported: say so,
  // and offer the export at once.
  const moveTo = async (status: typeof article.status, note = ''): Promise<boolean> => {
    const refused = await changeStatus(status, note);
    if (refused?.code === 'checklist_failed') {
      // Refused by the checklist: show the list of what must be fixed.
      showSide('checklist');
      notify({ text: t('checklist.refused'), tone: 'error' });
      return false;
    }
    if (refused?.code === 'forbidden' || refused?.code === 'invalid_input') {
      notify({ text: errorText(t, refused), tone: 'error' });
      return false;
    }
    if (refused) return false;
    if (status === 'published') notify({ text: t('publish.published'), action: { label: t('publish.exportNow'), run: () => void (window.location.hash = routeHash({ view: 'publish', run: true })) } });
    return true;
  };
  const flush = () => void save();
  const draftChanges = () => ({ ...fieldsOf(draft), ...(getContent.current?.() ?? reviewedBodyOf(article)) });
  // Who is writing now (suggestions and comments are made in their name); someone else's article
  // under review opens in suggestion mode, so an editor's changes are suggestions by default.
  const reviewer = { profileId: profile?.id ?? 'local', name: profile?.name ?? '' };
  const suggestByDefault = profile !== null && author !== null && profile.id !== author && (article.status === 'submitted' || article.status === 'review');
  const jumpTo = (finding: ChecklistFinding) => {
    // Pending suggestions and open comments are dealt with in the review panel.
    if (finding.rule === 'suggestions' || finding.rule === 'comments') return showSide('review');
    const { field, path, offset = 0, length = 0 } = finding.location;
    if (field === 'headline' || field === 'sapo') {
      const input = document.getElementById(`${ids}-${field}`) as HTMLTextAreaElement | null;
      if (!input) return;
      input.focus();
      input.setSelectionRange(rawOffset(input.value, offset), rawOffset(input.value, offset + length));
      return;
    }
    if (field === 'body' && editor && path) {
      const doc = editor.state.doc;
      const node = doc.nodeAt(positionOfPath(doc, path) ?? -1);
      if (node?.type.name === 'figure') editor.chain().focus().setNodeSelection(positionOfPath(doc, path)!).scrollIntoView().run();
      else {
        const range = textRangeAt(doc, path, offset, length);
        if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
      }
      return;
    }
    // The byline, the slug and the featured photo are in the inspector.
    const selector = field === 'featuredImage' ? `[data-featured-field="${finding.location.attr ?? 'alt'}"]` : `[id="${ids}-${field}"]`;
    if (side === 'inspector') return focusField(selector);
    focusWhenShown.current = selector;
    showSide('inspector');
  };

  return (
    <div className={`editor-layout side-${side}`}>
      <div className="editor-head">
        <a href="#/" className="back">
          {t('editor.back')}
        </a>
        <h1 className="visually-hidden">{t('editor.title')}</h1>
        <div className="editor-actions">
          <div role="group" aria-label={t('editor.sidePanels')} className="segmented side-toggles">
            {SIDE_PANELS.map(([panel, labelKey]) => (
              <button key={panel} type="button" onClick={() => toggleSide(panel)} aria-pressed={side === panel} aria-controls={`${ids}-side`} data-testid={`toggle-${panel}`}>
                {t(labelKey)}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => void commands.run('article.export')}>
            {t('commands.export')}
          </button>
          <button type="button" onClick={() => setFolderExport(true)}>
            {t('folderExport.open')}
          </button>
          <button type="button" onClick={() => void save(true)}>
            {t('commands.save')}
          </button>
        </div>
        {folderExport && (
          <FolderExportDialog
            onClose={() => setFolderExport(false)}
            onExport={async (outDir) => {
              await save();
              const result = await api.exportArticleFolder({ id: article.id, outDir });
              if (!result.ok) return errorText(t, result.error);
              notify({ text: t('folderExport.done', { outDir: result.value.outDir }) });
              return null;
            }}
          />
        )}
      </div>

      <div className="editor">
        <SyncArticleBanner id={article.id} savedAt={state.kind === 'clean' ? state.at : null} />
        {locked && (
          <p className="locked-note" role="status" data-testid="locked-note">
            {t('workflow.lockedLive')}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${ids}-headline`}>{t('editor.headline')}</label>
          <textarea
            id={`${ids}-headline`}
            className="headline-input"
            rows={2}
            maxLength={LIMITS.headline}
            value={draft.headline}
            placeholder={t('editor.headlinePlaceholder')}
            aria-describedby={`${ids}-headline-count`}
            readOnly={locked}
            onChange={(event) => edit({ headline: event.target.value.replace(/\n/g, ' ') })}
            onBlur={flush}
            data-testid="headline"
          />
          <small id={`${ids}-headline-count`} className={headlineLength > limit ? 'over' : undefined}>
            {headlineLength > limit
              ? t('editor.charsOver', { over: headlineLength - limit, limit })
              : t('editor.chars', { count: headlineLength, limit })}
          </small>
        </div>

        <div className="field">
          <label htmlFor={`${ids}-sapo`}>{t('editor.sapo')}</label>
          <textarea
            id={`${ids}-sapo`}
            className="sapo-input"
            rows={2}
            maxLength={LIMITS.sapo}
            value={draft.sapo}
            placeholder={t('editor.sapoPlaceholder')}
            aria-describedby={`${ids}-sapo-count`}
            readOnly={locked}
            onChange={(event) => edit({ sapo: event.target.value })}
            onBlur={flush}
            data-testid="sapo"
          />
          <small id={`${ids}-sapo-count`}>{t('editor.sapoChars', { count: [...draft.sapo].length })}</small>
        </div>

        <div className="field">
          <span className="label" id={`${ids}-body-label`}>
            {t('editor.body')}
          </span>
          <ArticleEditor
            key={loadCount}
            initial={article.body}
            labelledBy={`${ids}-body-label`}
            onChange={() => {
              bodyChanged();
              if (side === 'preview' || side === 'checklist') setBodyTick((n) => n + 1);
            }}
            onBlur={flush}
            onSettled={() => setSettledFor(loadCount)}
            review={{ comments: article.comments, suggestions: article.suggestions, author: reviewer, suggesting: suggestByDefault }}
            onNewComment={(range) => {
              setPendingComment(range);
              showSide('review');
            }}
            onReady={({ editor: instance, getBody: read, getContent: content }) => {
              getBody.current = read;
              getContent.current = content;
              setBodySource(content);
              setEditor(instance);
            }}
          />
        </div>
      </div>

      {side === 'inspector' && (
        <aside className="inspector" id={`${ids}-side`} aria-labelledby={`${ids}-inspector-title`}>
          <h2 id={`${ids}-inspector-title`}>{t('editor.inspectorTitle')}</h2>
          <WorkflowFields
            article={article}
            assignee={draft.assignee}
            dueAt={draft.dueAt}
            settings={settings}
            statusId={`${ids}-status`}
            onMove={moveTo}
            onChange={(fields) => edit(fields)}
          />
          <div className="field">
            <label htmlFor={`${ids}-section`}>{t('editor.section')}</label>
            <select id={`${ids}-section`} value={draft.section} onChange={(event) => edit({ section: event.target.value })} onBlur={flush}>
              <option value="">{t('editor.noSection')}</option>
              {settings.sections.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-byline`}>{t('editor.byline')}</label>
            <input
              id={`${ids}-byline`}
              value={draft.byline}
              maxLength={LIMITS.byline}
              placeholder={t('editor.bylinePlaceholder')}
              readOnly={bylineLocked}
              aria-describedby={bylineLocked ? `${ids}-byline-hint` : undefined}
              onChange={(event) => edit({ byline: event.target.value })}
              onBlur={flush}
            />
            {bylineLocked && <small id={`${ids}-byline-hint`}>{t('workflow.bylineLocked')}</small>}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-slug`}>{t('editor.slug')}</label>
            <input
              id={`${ids}-slug`}
              className="slug-input"
              value={draft.slug ?? article.slug}
              maxLength={80}
              placeholder={t('editor.slugEmpty')}
              aria-describedby={`${ids}-slug-hint`}
              aria-invalid={slugError ? true : undefined}
              onChange={(event) => edit({ slug: event.target.value.toLowerCase() })}
              onBlur={(event) => {
                // Typed freely, kept to the slug rules (folded, hyphens, at most 80 characters).
                if (draft.slug !== null) edit({ slug: slugify(event.target.value) });
                flush();
              }}
              data-testid="slug"
            />
            <small id={`${ids}-slug-hint`} className={slugError ? 'over' : undefined}>
              {slugError ? errorText(t, slugError) : t('editor.slugHint')}
            </small>
          </div>
          <TagInput value={draft.tags} onChange={(tags) => edit({ tags })} />
          <FeaturedImageField value={draft.featuredImage} onChange={(featuredImage) => edit({ featuredImage })} />
          <RelatedPicker articleId={article.id} value={draft.related} onChange={(related) => edit({ related })} />
          <Timeline article={article} settings={settings} />
        </aside>
      )}
      {side === 'preview' && (
        <div className="side-panel" id={`${ids}-side`}>
          <PreviewPane html={previewHtml} withSuggestions={previewSuggestions} onWithSuggestions={setPreviewSuggestions} />
        </div>
      )}
      {side === 'review' && editor && (
        <div className="side-panel" id={`${ids}-side`}>
          <ReviewPanel
            editor={editor}
            author={reviewer}
            timeZone={settings.timeZone}
            readOnly={locked}
            newComment={pendingComment}
            onNewCommentDone={() => {
              setPendingComment(null);
              editor.commands.focus();
            }}
          />
        </div>
      )}
      {side === 'history' && (
        <div className="side-panel" id={`${ids}-side`}>
          <HistoryPanel
            articleId={article.id}
            revision={article.revision}
            refresh={historyTick}
            timeZone={settings.timeZone}
            onSaveVersion={async (label) => {
              await save(true, label);
            }}
            onRestore={async (revision) => {
              const failure = await restore(revision);
              if (!failure) notify({ text: t('history.restored', { revision }) });
              return failure;
            }}
          />
        </div>
      )}
      {side === 'checklist' && (
        <div className="side-panel" id={`${ids}-side`}>
          <ChecklistPanel articleId={article.id} changes={draftChanges} tick={`${JSON.stringify(draft)}:${bodyTick}:${article.revision}`} onJump={jumpTo} />
        </div>
      )}

      {/* data-idle: nothing waits to be saved and the editor has settled — the app's own signal that it is quiet (tests wait on it). */}
      <footer className="status-bar" aria-label={t('stats.label')} data-testid="status-bar" data-idle={state.kind === 'clean' && settledFor === loadCount ? 'true' : 'false'}>
        <span data-testid="stat-words">{t('stats.words', { count: words })}</span>
        <span data-testid="stat-chars">{t('stats.chars', { count: stats.body.chars })}</span>
        <span>{t('stats.reading', { count: readingMinutes(words) })}</span>
        {misspelled > 0 && <span data-testid="stat-misspelled">{t('stats.misspelled', { count: misspelled })}</span>}
        {stats.selection && (
          <span data-testid="stat-selection">
            {t('stats.selection', {
              words: t('stats.words', { count: stats.selection.words }),
              chars: t('stats.chars', { count: stats.selection.chars }),
            })}
          </span>
        )}
        <ImageProgress />
        <SaveIndicator state={state} timeZone={settings.timeZone} onRetry={flush} onReload={reloadLatest} onKeepMine={keepMine} />
      </footer>
    </div>
  );
}

function SaveIndicator({
  state,
  timeZone,
  onRetry,
  onReload,
  onKeepMine,
}: {
  state: SaveState;
  timeZone: string;
  onRetry: () => void;
  onReload: () => Promise<void>;
  onKeepMine: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const time = (iso: string) => formatShortDateTime(iso, timeZone).slice(-5);
  switch (state.kind) {
    case 'loading':
      return null;
    case 'dirty':
      return <span data-testid="save-state">{t('save.unsaved')}</span>;
    case 'saving':
      return <span data-testid="save-state">{t('save.saving')}</span>;
    case 'clean':
      return (
        <span data-testid="save-state" data-saved="true">
          {state.at === null
            ? ''
            : state.snapshot
              ? t('save.snapshot', { time: time(state.at) })
              : t('save.saved', { time: time(state.at) })}
        </span>
      );
    case 'failed': {
      // The disk refused (no permission, full, a file held by another program): say which, and that the text waits here and is saved again by itself.
      const storage = state.storage && {
        no_permission: t('errors.storageReason.noPermission'),
        disk_full: t('errors.storageReason.diskFull'),
        file_locked: t('errors.storageReason.fileLocked'),
        disk_error: t('errors.storageReason.diskError', { detail: state.error.message }),
      }[state.storage];
      return (
        <span className="save-failed" role="alert" data-testid="save-state" data-storage={state.storage}>
          {t('save.failed', { message: storage ? t('errors.storageUnsaved', { reason: storage }) : errorText(t, state.error) })}{' '}
          {state.error.code === 'conflict' ? (
            <>
              <button type="button" onClick={() => void onReload()}>
                {t('save.conflictReload')}
              </button>{' '}
              <button type="button" onClick={() => void onKeepMine()}>
                {t('save.conflictOverwrite')}
              </button>
            </>
          ) : (
            <button type="button" onClick={onRetry}>
              {t('save.retry')}
            </button>
          )}
        </span>
      );
    }
  }
}
