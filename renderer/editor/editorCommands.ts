import type { Editor } from '@tiptap/core';
import type { CommandId } from '../../shared/commands';

type EditorCommandId = Exclude<Extract<CommandId, `format.${string}` | `block.${string}` | `edit.${string}`>, 'edit.find' | 'edit.replace'>;

interface EditorCommand {
  run: (editor: Editor) => boolean;
  isActive?: (editor: Editor) => boolean;
}

/**
 * What each editor command does to the body.
 */
export const editorCommands: Record<Exclude<EditorCommandId, 'format.link' | 'block.image'>, EditorCommand> = {
  'edit.undo': { run: (e) => e.chain().focus().undo().run() },
  'edit.redo': { run: (e) => e.chain().focus().redo().run() },
  'format.bold': { run: (e) => e.chain().focus().toggleBold().run(), isActive: (e) => e.isActive('bold') },
  'format.italic': { run: (e) => e.chain().focus().toggleItalic().run(), isActive: (e) => e.isActive('italic') },
  'format.subscript': { run: (e) => e.chain().focus().toggleSubscript().run(), isActive: (e) => e.isActive('subscript') },
  'format.superscript': { run: (e) => e.chain().focus().toggleSuperscript().run(), isActive: (e) => e.isActive('superscript') },
  'block.paragraph': { run: (e) => e.chain().focus().setParagraph().run(), isActive: (e) => e.isActive('paragraph') },
  'block.h2': { run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), isActive: (e) => e.isActive('heading', { level: 2 }) },
  'block.h3': { run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), isActive: (e) => e.isActive('heading', { level: 3 }) },
  'block.quote': { run: (e) => e.chain().focus().toggleBlockquote().run(), isActive: (e) => e.isActive('blockquote') },
  'block.pullQuote': { run: (e) => e.chain().focus().togglePullQuote().run(), isActive: (e) => e.isActive('pullQuote') },
  'block.bulletList': { run: (e) => e.chain().focus().toggleBulletList().run(), isActive: (e) => e.isActive('bulletList') },
  'block.orderedList': { run: (e) => e.chain().focus().toggleOrderedList().run(), isActive: (e) => e.isActive('orderedList') },
  'block.table': { run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  'block.separator': { run: (e) => e.chain().focus().setHorizontalRule().run() },
};

/** `format.link` and `block.image` ask something first (see ArticleEditor). */
export const editorCommandIds = [...Object.keys(editorCommands), 'format.link', 'block.image'] as EditorCommandId[];

export function isEditorCommand(id: CommandId): id is EditorCommandId {
  return (editorCommandIds as CommandId[]).includes(id);
}
