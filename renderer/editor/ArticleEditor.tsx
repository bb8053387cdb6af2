import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeHistory } from '@tiptap/pm/history';
import { Fragment, Slice } from '@tiptap/pm/model';
import type { LegacyEncoding } from '../../shared/text/legacyEncodings';
import type { BodyDoc } from '../../shared/model/body';
import type { CanonicalNote } from '../../shared/model/blocks/spec';
import { canonicalBody, canonicalFragment } from '../../shared/model/canonicalBody';
import { notesText } from './canonicalNotes';
import { useCommands } from '../commands';
import { articleExtensions } from './articleExtensions';
import { CommandKeymap } from './CommandKeymap';
import { editorCommandIds, editorCommands } from './editorCommands';
import { LinkDialog } from './LinkDialog';
import { FigureDialog } from './FigureDialog';
import { FindReplacePanel } from './FindReplacePanel';
import type { FigureAttrs } from './model/blocks/figure';
import { useImageImport } from '../hooks/useImageImport';
import { useNotify } from '../hooks/useNotice';
import { useLatest } from '../hooks/useLatest';
import { cleanPastedHtml } from './paste/cleanPastedHtml';
import { cleanPastedText } from './paste/cleanText';
import { Spellcheck } from './extensions/Spellcheck';
import { useSpellChecker } from './spell/useSpellChecker';
import { usePreferences } from '../hooks/usePreferences';
import { useSettings } from '../hooks/useSettings';
import { Toolbar } from './Toolbar';
import { isSuggesting, loadSuggestionInfo, setSuggesting, SuggestChanges, suggestionInfoOf, type SuggestAuthor } from './extensions/SuggestChanges';
import { changesComments, CommentAnchors, commentsOf, loadComments } from './extensions/CommentAnchors';
import type { CommentThread } from '../../shared/review/comments';
import type { SuggestionInfo } from '../../shared/review/suggestions';
import type { ReviewedBody } from '../hooks/useArticleDraft';
import './prosemirror.css';

export interface ArticleEditorProps {
  initial: BodyDoc;
  labelledBy: string;
  describedBy?: string;
  /** Called on every change; read the body with the getter given to onReady (it is not cheap). */
  onChange: () => void;
  onReady: (api: { getBody: () => BodyDoc; getContent: () => ReviewedBody; editor: Editor }) => void;
  onBlur: () => void;
  /** Called once the editor has taken every late setting it gets (the spellchecker's dictionaries): from then on only the user changes it. */
  onSettled?: () => void;
  /** The article's comment threads and who made its suggestions, and who is editing now. */
  review: {
    comments: readonly CommentThread[];
    suggestions: readonly SuggestionInfo[];
    author: SuggestAuthor;
    /** Start in suggestion mode (someone else's article, under review). */
    suggesting: boolean;
  };
  /** A comment was asked for on a range (the review panel takes it from there). */
  onNewComment: (range: { from: number; to: number }) => void;
}

/**
 * The article body editor (Tiptap on ProseMirror). It leaves text input to the browser and the
 * input method: no keydown or Backspace handling of its own for text, so Telex/VNI composition and
 * Unikey-style corrections arrive as the system sends them.
 */
export function ArticleEditor({ initial, labelledBy, describedBy, onChange, onReady, onBlur, onSettled, review, onNewComment }: ArticleEditorProps) {
  const registry = useCommands();
  const { t } = useTranslation();
  const notify = useNotify();
  const [linkDialog, setLinkDialog] = useState<string | null>(null);
  const [figureDialog, setFigureDialog] = useState<{ attrs: FigureAttrs; pos: number | null } | null>(null);
  const importImage = useImageImport();
  const [findPanel, setFindPanel] = useState<'find' | 'replace' | null>(null);
  /** Image files pasted or dropped: the first that imports is placed with the photo dialog (where it was dropped). */
  const addImages = async (files: File[], at: number | null) => {
    for (const file of files) {
      const assetId = await importImage(file);
      if (!assetId) continue;
      if (at !== null && editorRef.current) editorRef.current.commands.setTextSelection(at);
      setFigureDialog({ attrs: { assetId, alt: '', caption: '', credit: '' }, pos: null });
      return;
    }
  };
  /** The last paste's legacy-encoding conversion, offered for undo; and a flag to paste as-is. */
  const conversion = useRef<{ encoding: LegacyEncoding; kind: 'html' | 'text'; original: string } | null>(null);
  const pasteAsIs = useRef(false);
  const editorRef = useRef<Editor | null>(null);
  /** What was last said about content the article cannot hold, so an autosave does not say it again. */
  const lastNotes = useRef('');
  const latest = useLatest({ t, notify });
  const report = useMemo(
    () => ({
      current: (notes: readonly CanonicalNote[]) => {
        const text = notesText(latest.current.t, notes);
        if (!text || text === lastNotes.current) return;
        lastNotes.current = text;
        latest.current.notify({ text });
      },
    }),
    [latest],
  );
  const settings = useSettings();
  const { spellcheck } = usePreferences();
  const checker = useSpellChecker(settings.houseWords, spellcheck);
  const author = useLatest(review.author);
  const extensions = useMemo(
    () => [
      ...articleExtensions(),
      CommandKeymap.configure({ run: (id) => void registry.run(id) }),
      Spellcheck,
      SuggestChanges.configure({ author: () => author.current }),
      CommentAnchors,
    ],
    [registry, author],
  );
  const editor = useEditor({
    extensions,
    content: initial,
    immediatelyRender: true,
    // Our CSP refuses injected <style>; the same rules come from prosemirror.css.
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'body-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelledBy,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        lang: 'vi',
        // Newsdesk's own offline checker underlines; the browser's would mark Vietnamese wrongly.
        spellcheck: 'false',
        'data-testid': 'body-editor',
      },
      // A photo in the body: double-click (or Enter on it) to edit its caption, credit and alt text.
      handleDoubleClickOn: (_view, pos, node) => {
        if (node.type.name !== 'figure') return false;
        setFigureDialog({ attrs: node.attrs as FigureAttrs, pos });
        return true;
      },
      handleKeyDown: (view, event) => {
        const { selection } = view.state;
        const node = 'node' in selection ? (selection as { node: { type: { name: string }; attrs: FigureAttrs } }).node : null;
        if (event.key !== 'Enter' || !node || node.type.name !== 'figure') return false;
        setFigureDialog({ attrs: node.attrs, pos: selection.from });
        return true;
      },
      // What is pasted is held to the article's form at once (a list starting at -4, merged table
      // cells…), and the user is told what changed; most pastes need nothing.
      transformPasted: (slice, view) => {
        const { content, notes } = canonicalFragment(slice.content.toJSON() ?? []);
        if (!notes.length) return slice;
        report.current(notes);
        return Slice.maxOpen(Fragment.fromJSON(view.state.schema, content));
      },
      // A paste is its own undo step, so undoing it never takes the typing just before it. An
      // image pasted (a screenshot, a photo copied from a file manager) goes into the library and
      // into the text as a photo, asking for its caption and alt text as "Chèn ảnh" does.
      handlePaste: (view, event) => {
        if (imagesIn(event.clipboardData).length) {
          event.preventDefault();
          void addImages(imagesIn(event.clipboardData), null);
          return true;
        }
        view.dispatch(closeHistory(view.state.tr));
        return false;
      },
      // Image files dropped on the text: the same, where they are dropped.
      handleDrop: (view, event, _slice, moved) => {
        const files = imagesIn(event.dataTransfer);
        if (moved || !files.length) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
        void addImages(files, at);
        return true;
      },
      // Everything pasted is cleaned, sanitised and converted before the schema parses it.
      transformPastedHTML: (html) => {
        const cleaned = cleanPastedHtml(html);
        if (pasteAsIs.current) return cleaned.unconvertedHtml;
        conversion.current = cleaned.converted ? { encoding: cleaned.converted, kind: 'html', original: cleaned.unconvertedHtml } : null;
        return cleaned.html;
      },
      transformPastedText: (text) => {
        const cleaned = cleanPastedText(text);
        if (pasteAsIs.current) return cleaned.unconverted;
        conversion.current = cleaned.converted ? { encoding: cleaned.converted, kind: 'text', original: cleaned.unconverted } : null;
        return cleaned.text;
      },
    },
    onPaste: () => {
      const done = conversion.current;
      conversion.current = null;
      if (!done || !editorRef.current) return;
      const instance = editorRef.current;
      // The offer holds only while the document is as the paste left it.
      let afterPaste: unknown = null;
      setTimeout(() => (afterPaste = instance.state.doc), 0);
      notify({
        text: t(done.encoding === 'tcvn3' ? 'paste.convertedTcvn3' : 'paste.convertedVni'),
        action: {
          label: t('paste.keepOriginal'),
          run: () => {
            if (instance.state.doc !== afterPaste) return notify({ text: t('paste.tooLate'), tone: 'error' });
            instance.commands.undo();
            pasteAsIs.current = true;
            try {
              if (done.kind === 'html') instance.view.pasteHTML(done.original);
              else instance.view.pasteText(done.original);
            } finally {
              pasteAsIs.current = false;
            }
          },
        },
      });
    },
    onUpdate: () => onChange(),
    // A reply or a resolution changes no text, but is saved like one.
    onTransaction: ({ transaction }) => {
      if (changesComments(transaction) && !transaction.docChanged) onChange();
    },
    onBlur: () => onBlur(),
  });

  const settled = useLatest(onSettled);
  const newComment = useLatest(onNewComment);
  useEffect(() => {
    if (!editor || !checker) return;
    editor.commands.setSpellChecker(checker);
    settled.current?.();
  }, [editor, checker, settled]);

  useEffect(() => {
    if (!editor) return;
    editorRef.current = editor;
    // The review as stored: who made the suggestions, the comment threads in their places.
    loadSuggestionInfo(editor, review.suggestions);
    loadComments(editor, review.comments);
    if (review.suggesting) setSuggesting(editor, true);
    const getBody = () => {
      const { body, notes } = canonicalBody(editor.getJSON());
      report.current(notes);
      return body;
    };
    onReady({ editor, getBody, getContent: () => ({ body: getBody(), comments: commentsOf(editor), suggestions: suggestionInfoOf(editor) }) });
    // onReady is called once per editor instance
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  // The editor's commands exist while it is on screen: toolbar, menu and keys all run these.
  useEffect(() => {
    if (!editor) return;
    const unregister = editorCommandIds.map((id) =>
      registry.register(id, () => {
        if (id === 'format.link') {
          setLinkDialog(String(editor.getAttributes('link').href ?? ''));
          return;
        }
        if (id === 'block.image') {
          return importImage().then((assetId) => {
            if (assetId) setFigureDialog({ attrs: { assetId, alt: '', caption: '', credit: '' }, pos: null });
          });
        }
        editorCommands[id].run(editor);
      }),
    );
    unregister.push(
      registry.register('review.suggest', () => {
        setSuggesting(editor, !isSuggesting(editor));
        editor.commands.focus();
      }),
    );
    unregister.push(
      registry.register('review.comment', () => {
        const { from, to } = editor.state.selection;
        if (from >= to) return notify({ text: t('comments.selectFirst'), tone: 'error' });
        newComment.current({ from, to });
      }),
    );
    unregister.push(registry.register('edit.find', () => setFindPanel((open) => (open === 'replace' ? 'replace' : 'find'))));
    unregister.push(registry.register('edit.replace', () => setFindPanel('replace')));
    return () => unregister.forEach((off) => off());
  }, [editor, registry, importImage, notify, t, newComment]);

  if (!editor) return null;
  return (
    <div className="article-editor">
      <Toolbar editor={editor} />
      <SuggestingNote editor={editor} />
      {findPanel && (
        <FindReplacePanel
          editor={editor}
          withReplace={findPanel === 'replace'}
          onClose={() => {
            setFindPanel(null);
            editor.commands.focus();
          }}
        />
      )}
      <EditorContent editor={editor} />
      {linkDialog !== null && (
        <LinkDialog
          initial={linkDialog}
          onApply={(href) => editor.chain().focus().extendMarkRange('link').setLink({ href }).run()}
          onRemove={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}
          onClose={() => {
            setLinkDialog(null);
            editor.commands.focus();
          }}
        />
      )}
      {figureDialog !== null && (
        <FigureDialog
          initial={figureDialog.attrs}
          onSave={(attrs) => {
            if (figureDialog.pos === null) editor.chain().focus().insertFigure(attrs).run();
            else editor.chain().focus().command(({ tr }) => Boolean(tr.setNodeMarkup(figureDialog.pos!, undefined, attrs))).run();
          }}
          onClose={() => {
            setFigureDialog(null);
            editor.commands.focus();
          }}
        />
      )}
    </div>
  );
}

/** Says, while it is on, that changes are suggestions (the toolbar's pressed button alone is easy to miss). */
function SuggestingNote({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const on = useEditorState({ editor, selector: ({ editor: e }) => isSuggesting(e) });
  return on ? (
    <p className="suggesting-note" role="status" data-testid="suggesting-note">
      {t('review.suggesting')}
    </p>
  ) : null;
}

/** The image files of a paste or a drop (anything else is left to the editor). */
function imagesIn(data: DataTransfer | null | undefined): File[] {
  return Array.from(data?.files ?? []).filter((file) => /^image\/(jpeg|png|webp|gif)$/.test(file.type));
}
