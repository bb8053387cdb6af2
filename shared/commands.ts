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
  'view.publish',
  'view.settings',
  'app.commandPalette',
] as const;
export type CommandId = (typeof commandIds)[number];

/** Where a command sits: its application menu (menu.<group>), also shown beside it in the command palette. */
export const commandGroups = ['file', 'edit', 'format', 'view', 'help'] as const;
export type CommandGroup = (typeof commandGroups)[number];

export interface CommandSpec {
  id: CommandId;
  /** i18n key of the label. */
  labelKey: string;
  group: CommandGroup;
  /** Electron accelerator syntax; the renderer matches the same string against key events. */
  accelerator?: string;
  /**
   * More keys for the same command, heard by the renderer only (a menu item shows one shortcut).
   * The editor's own binding of the same keys goes first where it applies (Ctrl+K on a selection is
   * the link; see CommandKeymap).
   */
  alternateAccelerators?: readonly string[];
  /**
   * 'editor' commands act on the article body; their keys are bound in the editor's own keymap
   * (so Ctrl+Z in a text field still undoes typing there) and the menu only displays them.
   */
  scope?: 'editor';
}

export const commandSpecs: Record<CommandId, CommandSpec> = {
  'article.new': { id: 'article.new', labelKey: 'commands.newArticle', group: 'file', accelerator: 'CmdOrCtrl+Alt+N' },
  'article.import': { id: 'article.import', labelKey: 'commands.import', group: 'file', accelerator: 'CmdOrCtrl+O' },
  'article.save': { id: 'article.save', labelKey: 'commands.save', group: 'file', accelerator: 'CmdOrCtrl+S' },
  'article.export': { id: 'article.export', labelKey: 'commands.export', group: 'file', accelerator: 'CmdOrCtrl+E' },
  'bundle.send': { id: 'bundle.send', labelKey: 'commands.send', group: 'file' },
  'bundle.receive': { id: 'bundle.receive', labelKey: 'commands.receive', group: 'file' },
  'view.library': { id: 'view.library', labelKey: 'commands.library', group: 'file', accelerator: 'CmdOrCtrl+Alt+L' },
  'ui.language.vi': { id: 'ui.language.vi', labelKey: 'commands.languageVi', group: 'view' },
  'ui.language.en': { id: 'ui.language.en', labelKey: 'commands.languageEn', group: 'view' },
  'app.about': { id: 'app.about', labelKey: 'commands.about', group: 'help' },
  'edit.undo': { id: 'edit.undo', labelKey: 'commands.undo', group: 'edit', accelerator: 'CmdOrCtrl+Z', scope: 'editor' },
  'edit.redo': { id: 'edit.redo', labelKey: 'commands.redo', group: 'edit', accelerator: 'CmdOrCtrl+Shift+Z', scope: 'editor' },
  'edit.find': { id: 'edit.find', labelKey: 'commands.find', group: 'edit', accelerator: 'CmdOrCtrl+F' },
  'edit.replace': { id: 'edit.replace', labelKey: 'commands.replace', group: 'edit', accelerator: 'CmdOrCtrl+H' },
  'format.bold': { id: 'format.bold', labelKey: 'commands.bold', group: 'format', accelerator: 'CmdOrCtrl+B', scope: 'editor' },
  'format.italic': { id: 'format.italic', labelKey: 'commands.italic', group: 'format', accelerator: 'CmdOrCtrl+I', scope: 'editor' },
  'format.link': { id: 'format.link', labelKey: 'commands.link', group: 'format', accelerator: 'CmdOrCtrl+K', scope: 'editor' },
  'format.subscript': { id: 'format.subscript', labelKey: 'commands.subscript', group: 'format', accelerator: 'CmdOrCtrl+,', scope: 'editor' },
  'format.superscript': { id: 'format.superscript', labelKey: 'commands.superscript', group: 'format', accelerator: 'CmdOrCtrl+.', scope: 'editor' },
  'block.paragraph': { id: 'block.paragraph', labelKey: 'commands.paragraph', group: 'format', accelerator: 'CmdOrCtrl+Alt+0', scope: 'editor' },
  'block.h2': { id: 'block.h2', labelKey: 'commands.h2', group: 'format', accelerator: 'CmdOrCtrl+Alt+2', scope: 'editor' },
  'block.h3': { id: 'block.h3', labelKey: 'commands.h3', group: 'format', accelerator: 'CmdOrCtrl+Alt+3', scope: 'editor' },
  'block.quote': { id: 'block.quote', labelKey: 'commands.quote', group: 'format', accelerator: 'CmdOrCtrl+Shift+B', scope: 'editor' },
  'block.pullQuote': { id: 'block.pullQuote', labelKey: 'commands.pullQuote', group: 'format', accelerator: 'CmdOrCtrl+Shift+Q', scope: 'editor' },
  'block.bulletList': { id: 'block.bulletList', labelKey: 'commands.bulletList', group: 'format', accelerator: 'CmdOrCtrl+Shift+8', scope: 'editor' },
  'block.orderedList': { id: 'block.orderedList', labelKey: 'commands.orderedList', group: 'format', accelerator: 'CmdOrCtrl+Shift+7', scope: 'editor' },
  'block.table': { id: 'block.table', labelKey: 'commands.table', group: 'format', scope: 'editor' },
  'block.separator': { id: 'block.separator', labelKey: 'commands.separator', group: 'format', scope: 'editor' },
  'block.image': { id: 'block.image', labelKey: 'commands.image', group: 'format', scope: 'editor' },
  'review.comment': { id: 'review.comment', labelKey: 'commands.comment', group: 'edit', accelerator: 'CmdOrCtrl+Alt+M', scope: 'editor' },
  'review.suggest': { id: 'review.suggest', labelKey: 'commands.suggest', group: 'edit', accelerator: 'CmdOrCtrl+Alt+X', scope: 'editor' },
  'view.publish': { id: 'view.publish', labelKey: 'commands.publish', group: 'file' },
  'view.settings': { id: 'view.settings', labelKey: 'commands.settings', group: 'file' },
  'app.commandPalette': {
    id: 'app.commandPalette',
    labelKey: 'commands.palette',
    group: 'view',
    accelerator: 'CmdOrCtrl+Shift+P',
    alternateAccelerators: ['CmdOrCtrl+K'],
  },
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
