/**
 * Commands are objects: registered once, used by the toolbar, the application menu and keyboard
 * shortcuts alike. The renderer supplies what each command does; the main process builds its menu
 * from the same list, so a shortcut can never drift from its button.
 */
export const commandIds = [
  'article.new',
  'article.import',
  'article.save',
  'article.export',
  'bundle.send',
  'bundle.receive',
  'view.library',
  'ui.language.vi',
  'ui.language.en',
  'app.about',
  'edit.undo',
  'edit.redo',
  'edit.find',
  'edit.replace',
  'format.bold',
  'format.italic',
  'format.link',
  'format.subscript',
  'format.superscript',
  'block.paragraph',
  'block.h2',
  'block.h3',
  'block.quote',
  'block.pullQuote',
  'block.bulletList',
  'block.orderedList',
  'block.table',
  'block.separator',
  'block.image',
  'review.comment',
  'review.suggest',
] as const;
export type CommandId = (typeof commandIds)[number];

export interface CommandSpec {
  id: CommandId;
  /** i18n key of the label. */
  labelKey: string;
  /** Electron accelerator syntax; the renderer matches the same string against key events. */
  accelerator?: string;
  /**
   * 'editor' commands act on the article body; their keys are bound in the editor's own keymap
   * (so Ctrl+Z in a text field still undoes typing there) and the menu only displays them.
   */
  scope?: 'editor';
}

export const commandSpecs: Record<CommandId, CommandSpec> = {
  'article.new': { id: 'article.new', labelKey: 'commands.newArticle', accelerator: 'CmdOrCtrl+Alt+N' },
  'article.import': { id: 'article.import', labelKey: 'commands.import', accelerator: 'CmdOrCtrl+O' },
  'article.save': { id: 'article.save', labelKey: 'commands.save', accelerator: 'CmdOrCtrl+S' },
  'article.export': { id: 'article.export', labelKey: 'commands.export', accelerator: 'CmdOrCtrl+E' },
  'bundle.send': { id: 'bundle.send', labelKey: 'commands.send' },
  'bundle.receive': { id: 'bundle.receive', labelKey: 'commands.receive' },
  'view.library': { id: 'view.library', labelKey: 'commands.library', accelerator: 'CmdOrCtrl+Alt+L' },
  'ui.language.vi': { id: 'ui.language.vi', labelKey: 'commands.languageVi' },
  'ui.language.en': { id: 'ui.language.en', labelKey: 'commands.languageEn' },
  'app.about': { id: 'app.about', labelKey: 'commands.about' },
  'edit.undo': { id: 'edit.undo', labelKey: 'commands.undo', accelerator: 'CmdOrCtrl+Z', scope: 'editor' },
  'edit.redo': { id: 'edit.redo', labelKey: 'commands.redo', accelerator: 'CmdOrCtrl+Shift+Z', scope: 'editor' },
  'edit.find': { id: 'edit.find', labelKey: 'commands.find', accelerator: 'CmdOrCtrl+F' },
  'edit.replace': { id: 'edit.replace', labelKey: 'commands.replace', accelerator: 'CmdOrCtrl+H' },
  'format.bold': { id: 'format.bold', labelKey: 'commands.bold', accelerator: 'CmdOrCtrl+B', scope: 'editor' },
  'format.italic': { id: 'format.italic', labelKey: 'commands.italic', accelerator: 'CmdOrCtrl+I', scope: 'editor' },
  'format.link': { id: 'format.link', labelKey: 'commands.link', accelerator: 'CmdOrCtrl+K', scope: 'editor' },
  'format.subscript': { id: 'format.subscript', labelKey: 'commands.subscript', accelerator: 'CmdOrCtrl+,', scope: 'editor' },
  'format.superscript': { id: 'format.superscript', labelKey: 'commands.superscript', accelerator: 'CmdOrCtrl+.', scope: 'editor' },
  'block.paragraph': { id: 'block.paragraph', labelKey: 'commands.paragraph', accelerator: 'CmdOrCtrl+Alt+0', scope: 'editor' },
  'block.h2': { id: 'block.h2', labelKey: 'commands.h2', accelerator: 'CmdOrCtrl+Alt+2', scope: 'editor' },
  'block.h3': { id: 'block.h3', labelKey: 'commands.h3', accelerator: 'CmdOrCtrl+Alt+3', scope: 'editor' },
  'block.quote': { id: 'block.quote', labelKey: 'commands.quote', accelerator: 'CmdOrCtrl+Shift+B', scope: 'editor' },
  'block.pullQuote': { id: 'block.pullQuote', labelKey: 'commands.pullQuote', accelerator: 'CmdOrCtrl+Shift+Q', scope: 'editor' },
  'block.bulletList': { id: 'block.bulletList', labelKey: 'commands.bulletList', accelerator: 'CmdOrCtrl+Shift+8', scope: 'editor' },
  'block.orderedList': { id: 'block.orderedList', labelKey: 'commands.orderedList', accelerator: 'CmdOrCtrl+Shift+7', scope: 'editor' },
  'block.table': { id: 'block.table', labelKey: 'commands.table', scope: 'editor' },
  'block.separator': { id: 'block.separator', labelKey: 'commands.separator', scope: 'editor' },
  'block.image': { id: 'block.image', labelKey: 'commands.image', scope: 'editor' },
  'review.comment': { id: 'review.comment', labelKey: 'commands.comment', accelerator: 'CmdOrCtrl+Alt+M', scope: 'editor' },
  'review.suggest': { id: 'review.suggest', labelKey: 'commands.suggest', accelerator: 'CmdOrCtrl+Alt+X', scope: 'editor' },
};

/** "CmdOrCtrl+Shift+8" → "Mod-Shift-8", the editor keymap's spelling of the same keys. */
export function acceleratorToKeymap(accelerator: string): string {
  return accelerator
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' ? 'Mod' : part.length === 1 ? part.toLowerCase() : part))
    .join('-');
}

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (commandIds as readonly string[]).includes(value);
}

export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  code?: string;
}

/** Does a key event match an accelerator such as "CmdOrCtrl+Alt+N"? */
export function matchesAccelerator(accelerator: string, event: KeyChord, isMac = false): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const wants = new Set(parts.map((p) => p.toLowerCase()));
  const primary = isMac ? event.metaKey : event.ctrlKey;
  const wantsPrimary = wants.has('cmdorctrl') || wants.has(isMac ? 'cmd' : 'ctrl');
  return (
    primary === wantsPrimary &&
    event.altKey === wants.has('alt') &&
    event.shiftKey === wants.has('shift') &&
    (event.key.toLowerCase() === key || (event.altKey && event.key.length === 1 && codeKey(event) === key))
  );
}

/** With Alt held some layouts change event.key (e.g. "˜" on macOS); fall back to the letter. */
function codeKey(event: KeyChord): string {
  const code = event.code ?? '';
  return code.startsWith('Key') ? code.slice(3).toLowerCase() : '';
}
