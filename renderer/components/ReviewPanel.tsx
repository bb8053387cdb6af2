import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../shared/review/comments';
import { suggestionsOf, type SuggestionSummary } from '../../shared/review/suggestions';
import { formatShortDateTime } from '../../shared/text/dates';
import { activeComment, addComment, commentsOf, quoteAt, setActiveComment, updateComment } from '../editor/extensions/CommentAnchors';
import { resolveSuggestion, suggestionInfoOf, type SuggestAuthor } from '../editor/extensions/SuggestChanges';

const MAX_SHOWN = 120;
const short = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);

/**
 * The review beside the text: the suggested edits (accept or reject each, or all) and the
 * comment threads (reply, resolve, reopen; a new one on the selected text). Everything here acts
 * on the editor (shared/review/comments.ts, ../editor/extensions/) and is saved with the article.
 */
export function ReviewPanel({
  editor,
  author,
  timeZone,
  readOnly,
  newComment,
  onNewCommentDone,
}: {
  editor: Editor;
  author: SuggestAuthor;
  timeZone: string;
  readOnly: boolean;
  /** The range a new comment was asked for on, or null. */
  newComment: { from: number; to: number } | null;
  onNewCommentDone: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const view = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      suggestions: suggestionsOf(e.state.doc),
      info: suggestionInfoOf(e),
      threads: commentsOf(e),
      active: activeComment(e.state),
    }),
  });
  const [showResolved, setShowResolved] = useState(false);
  if (!view) return null;
  const info = new Map(view.info.map((entry) => [String(entry.id), entry]));
  const time = (iso: string) => formatShortDateTime(iso, timeZone);
  const open = view.threads.filter((thread) => thread.resolved === null);
  const resolved = view.threads.filter((thread) => thread.resolved !== null);
  const stamp = () => ({ at: new Date().toISOString(), by: author.name, ...(author.profileId !== 'local' ? { profileId: author.profileId } : {}) });

  const reply = (id: string, text: string) => updateComment(editor, id, (thread) => ({ ...thread, messages: [...thread.messages, { id: crypto.randomUUID(), ...stamp(), text }] }));
  const resolveThread = (id: string, resolve: boolean) => updateComment(editor, id, (thread) => ({ ...thread, resolved: resolve ? stamp() : null }));
  const show = (range: { from: number; to: number }) => editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  const describe = (suggestion: SuggestionSummary) => {
    // The same words out and in: the words restyled (how the suggestion engine records bold or a link on existing text).
    const restyled = suggestion.inserted.trim() !== '' && suggestion.inserted === suggestion.deleted;
    if (restyled) return t('review.restyled', { text: short(suggestion.inserted.trim()) });
    return [
      suggestion.inserted.trim() && t('review.inserted', { text: short(suggestion.inserted.trim()) }),
      suggestion.deleted.trim() && t('review.deleted', { text: short(suggestion.deleted.trim()) }),
      suggestion.kinds.includes('format') && t('review.formatted'),
      !suggestion.inserted && !suggestion.deleted && !suggestion.kinds.includes('format') && t('review.structure'),
    ]
      .filter(Boolean)
      .join(' · ');
  };

  return (
    <section className="review-panel" aria-labelledby={`${ids}-title`} data-testid="review-panel">
      <h2 id={`${ids}-title`}>{t('review.title')}</h2>

      <h3 id={`${ids}-suggestions`}>{t('review.suggestions', { count: view.suggestions.length })}</h3>
      {view.suggestions.length === 0 ? (
        <p className="hint">{t('review.noSuggestions')}</p>
      ) : (
        <>
          {!readOnly && (
            <p className="review-all">
              <button type="button" onClick={() => resolveSuggestion(editor, 'all', true)} data-testid="accept-all">
                {t('review.acceptAll')}
              </button>{' '}
              <button type="button" onClick={() => resolveSuggestion(editor, 'all', false)} data-testid="reject-all">
                {t('review.rejectAll')}
              </button>
            </p>
          )}
          <ol className="review-list" aria-labelledby={`${ids}-suggestions`}>
            {view.suggestions.map((suggestion) => {
              const who = info.get(String(suggestion.id));
              return (
                <li key={String(suggestion.id)} className="suggestion-item" data-testid="suggestion" data-suggestion={String(suggestion.id)}>
                  <p className="review-meta">
                    <strong>{who?.by || t('review.someone')}</strong> {who && <time dateTime={who.at}>{time(who.at)}</time>}
                  </p>
                  <p className="review-change">{describe(suggestion)}</p>
                  <p className="review-actions">
                    <button type="button" onClick={() => show({ from: suggestion.from, to: suggestion.to })}>
                      {t('review.show')}
                    </button>
                    {!readOnly && (
                      <>
                        <button type="button" onClick={() => resolveSuggestion(editor, suggestion.id, true)} data-testid="accept">
                          {t('review.accept')}
                        </button>
                        <button type="button" onClick={() => resolveSuggestion(editor, suggestion.id, false)} data-testid="reject">
                          {t('review.reject')}
                        </button>
                      </>
                    )}
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      )}

      <h3 id={`${ids}-comments`}>{t('review.comments', { count: open.length })}</h3>
      {newComment && !readOnly && (
        <NewComment
          quote={quoteAt(editor, newComment)}
          onCancel={onNewCommentDone}
          onSend={(text) => {
            const created = stamp();
            const id = crypto.randomUUID();
            addComment(editor, newComment, { id, resolved: null, messages: [{ id: crypto.randomUUID(), ...created, text }] });
            onNewCommentDone();
          }}
        />
      )}
      {open.length === 0 && !newComment && <p className="hint">{t('review.noComments')}</p>}
      <ol className="review-list" aria-labelledby={`${ids}-comments`}>
        {open.map((thread) => (
          <Thread
            key={thread.id}
            thread={thread}
            active={view.active === thread.id}
            readOnly={readOnly}
            time={time}
            onShow={() => {
              setActiveComment(editor, thread.id);
              if (thread.anchor) show(thread.anchor);
            }}
            onReply={(text) => reply(thread.id, text)}
            onResolve={(resolve) => resolveThread(thread.id, resolve)}
          />
        ))}
      </ol>
      {resolved.length > 0 && (
        <>
          <button type="button" aria-expanded={showResolved} onClick={() => setShowResolved((v) => !v)} data-testid="show-resolved">
            {t('review.resolvedToggle', { count: resolved.length })}
          </button>
          {showResolved && (
            <ol className="review-list resolved">
              {resolved.map((thread) => (
                <Thread
                  key={thread.id}
                  thread={thread}
                  active={view.active === thread.id}
                  readOnly={readOnly}
                  time={time}
                  onShow={() => thread.anchor && show(thread.anchor)}
                  onReply={(text) => reply(thread.id, text)}
                  onResolve={(resolve) => resolveThread(thread.id, resolve)}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function NewComment({ quote, onSend, onCancel }: { quote: string; onSend: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="comment-form"
      data-testid="new-comment"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onSend(text.trim());
      }}
    >
      <blockquote className="comment-quote">{short(quote)}</blockquote>
      <label htmlFor={`${ids}-text`}>{t('review.newComment')}</label>
      <textarea id={`${ids}-text`} ref={input} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
      <p className="review-actions">
        <button type="submit" disabled={!text.trim()}>
          {t('review.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('review.cancel')}
        </button>
      </p>
    </form>
  );
}

function Thread({
  thread,
  active,
  readOnly,
  time,
  onShow,
  onReply,
  onResolve,
}: {
  thread: CommentThread;
  active: boolean;
  readOnly: boolean;
  time: (iso: string) => string;
  onShow: () => void;
  onReply: (text: string) => void;
  onResolve: (resolve: boolean) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [reply, setReply] = useState('');
  const state = thread.resolved ? 'resolved' : thread.anchor ? 'open' : 'detached';
  return (
    <li className={`comment-thread${active ? ' active' : ''}`} data-testid="comment-thread" data-state={state}>
      <button type="button" className="comment-quote" onClick={onShow} disabled={!thread.anchor} aria-label={t('review.showComment', { quote: short(thread.quote) })}>
        {short(thread.quote) || t('review.noQuote')}
      </button>
      {!thread.anchor && <p className="comment-detached">{t('review.detached')}</p>}
      <ol className="comment-messages">
        {thread.messages.map((message) => (
          <li key={message.id}>
            <p className="review-meta">
              <strong>{message.by}</strong> <time dateTime={message.at}>{time(message.at)}</time>
            </p>
            <p className="comment-text">{message.text}</p>
          </li>
        ))}
      </ol>
      {thread.resolved && <p className="review-meta">{t('review.resolvedBy', { name: thread.resolved.by, time: time(thread.resolved.at) })}</p>}
      {!readOnly && (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!reply.trim()) return;
            onReply(reply.trim());
            setReply('');
          }}
        >
          <label htmlFor={`${ids}-reply`}>{t('review.reply')}</label>
          <textarea id={`${ids}-reply`} rows={2} value={reply} onChange={(event) => setReply(event.target.value)} />
          <p className="review-actions">
            <button type="submit" disabled={!reply.trim()}>
              {t('review.sendReply')}
            </button>
            <button type="button" onClick={() => onResolve(!thread.resolved)} data-testid={thread.resolved ? 'reopen' : 'resolve'}>
              {thread.resolved ? t('review.reopen') : t('review.resolve')}
            </button>
          </p>
        </form>
      )}
    </li>
  );
}
