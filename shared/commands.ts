/**
 * Commands are objects: registered once, used by the toolbar, the application menu and keyboard
 * shortcuts alike. The renderer supplies what each command does; the main process builds its menu
 * from the same list, so a shortcut can never drift from its button.
 */
export const commandIds = [
  'article.new',
  'article.save',
  'article.export',
  'view.library',
  'ui.language.vi',
  'ui.language.en',
] as const;
export type CommandId = (typeof commandIds)[number];

export interface CommandSpec {
  id: CommandId;
  /** i18n key of the label. */
  labelKey: string;
  /** Electron accelerator syntax; the renderer matches the same string against key events. */
  accelerator?: string;
}

export const commandSpecs: Record<CommandId, CommandSpec> = {
  'article.new': { id: 'article.new', labelKey: 'commands.newArticle', accelerator: 'CmdOrCtrl+Alt+N' },
  'article.save': { id: 'article.save', labelKey: 'commands.save', accelerator: 'CmdOrCtrl+S' },
  'article.export': { id: 'article.export', labelKey: 'commands.export', accelerator: 'CmdOrCtrl+E' },
  'view.library': { id: 'view.library', labelKey: 'commands.library', accelerator: 'CmdOrCtrl+Alt+L' },
  'ui.language.vi': { id: 'ui.language.vi', labelKey: 'commands.languageVi' },
  'ui.language.en': { id: 'ui.language.en', labelKey: 'commands.languageEn' },
};

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
