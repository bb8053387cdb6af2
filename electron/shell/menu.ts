import type { MenuItemConstructorOptions } from 'electron';
import { commandSpecs, type CommandId } from '../../shared/commands';

export interface MenuActions {
  t: (key: string, options?: Record<string, unknown>) => string;
  runCommand: (id: CommandId) => void;
  /** About without a window to show it in (macOS, every window closed): the native message box. */
  showAbout: () => void;
  openDataDir: () => void;
  isMac: boolean;
}

/**
 * The application menu, built from the shared command list so every item runs the same command
 * as its button and shows the same shortcut.
 */
export function buildMenuTemplate({ t, runCommand, showAbout, openDataDir, isMac }: MenuActions): MenuItemConstructorOptions[] {
  const command = (id: CommandId): MenuItemConstructorOptions => {
    const spec = commandSpecs[id];
    return {
      id,
      label: t(spec.labelKey),
      ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
      // Editor commands' keys belong to the editor (so Ctrl+Z still undoes typing in a text field);
      // the menu shows them without taking the keys.
      ...(spec.scope === 'editor' ? { registerAccelerator: false } : {}),
      click: () => runCommand(id),
    };
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: t('menu.file'),
      submenu: [
        command('article.new'),
        command('article.import'),
        command('article.save'),
        command('article.export'),
        { type: 'separator' },
        command('bundle.send'),
        command('bundle.receive'),
        { type: 'separator' },
        command('view.library'),
        command('view.publish'),
        command('view.settings'),
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        command('edit.undo'),
        command('edit.redo'),
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'pasteAndMatchStyle', label: t('menu.pasteAsText') },
        { role: 'selectAll', label: t('menu.selectAll') },
        { type: 'separator' },
        command('edit.find'),
        command('edit.replace'),
        { type: 'separator' },
        command('review.comment'),
        command('review.suggest'),
      ],
    },
    {
      label: t('menu.format'),
      submenu: [
        command('format.bold'),
        command('format.italic'),
        command('format.link'),
        command('format.subscript'),
        command('format.superscript'),
        { type: 'separator' },
        command('block.paragraph'),
        command('block.h2'),
        command('block.h3'),
        command('block.quote'),
        command('block.pullQuote'),
        { type: 'separator' },
        command('block.bulletList'),
        command('block.orderedList'),
        command('block.table'),
        command('block.separator'),
        command('block.image'),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        command('app.commandPalette'),
        { type: 'separator' },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { type: 'separator' },
        { label: t('menu.language'), submenu: [command('ui.language.vi'), command('ui.language.en')] },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        { label: t('menu.openDataDir'), click: openDataDir },
        ...(isMac ? [] : [{ type: 'separator' } as const]),
        // The window's About dialog (version, build date, data folder, licences); with no window, the native box.
        { id: 'app.about', label: t('menu.about'), click: (_item, window) => (window ? runCommand('app.about') : showAbout()) },
      ],
    },
  ];
}
