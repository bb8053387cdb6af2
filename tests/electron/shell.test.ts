import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { commandIds, commandSpecs, type CommandId } from '../../shared/commands';
import { resources } from '../../shared/i18n';
import { argValue, resolveDataDir, userDataDir } from '../../electron/library/dataDir';
import { buildMenuTemplate } from '../../electron/shell/menu';
import { DEFAULT_WINDOW_STATE, restoreWindowState } from '../../electron/shell/windowState';

async function menuFor(language: 'vi' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: language });
  const ran: CommandId[] = [];
  const template = buildMenuTemplate({
    t: (key, options) => i18n.t(key, options),
    runCommand: (id) => ran.push(id),
    showAbout: () => undefined,
    openDataDir: () => undefined,
    isMac: false,
  });
  return { template, ran };
}

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];

describe('the application menu', () => {
  it('has File: New article, Save, Export…, Send and Receive articles, Quit, running the shared commands with their shortcuts', async () => {
    const { template, ran } = await menuFor('vi');
    expect(template.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Định dạng', 'Xem', 'Trợ giúp']);
    const file = items(template[0]!);
    expect(file.map((i) => i.label).filter(Boolean)).toEqual(['Bài viết mới', 'Nhập từ Word/TXT…', 'Lưu phiên bản', 'Xuất HTML…', 'Gửi bài…', 'Nhận bài…', 'Thư viện', 'Xuất trang web', 'Cài đặt', 'Thoát']);
    for (const id of ['article.new', 'article.save', 'article.export', 'bundle.send', 'bundle.receive'] as const) {
      const item = file.find((i) => i.id === id)!;
      expect(item.accelerator).toBe(commandSpecs[id].accelerator);
      (item.click as () => void)();
    }
    expect(ran).toEqual(['article.new', 'article.save', 'article.export', 'bundle.send', 'bundle.receive']);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('shows the editor shortcuts in the Format menu without taking the keys from the editor', async () => {
    const { template, ran } = await menuFor('vi');
    const format = items(template[2]!);
    const bold = format.find((i) => i.id === 'format.bold')!;
    expect(bold).toMatchObject({ label: 'Đậm', accelerator: 'CmdOrCtrl+B', registerAccelerator: false });
    (bold.click as () => void)();
    expect(ran).toEqual(['format.bold']);
    const undo = items(template[1]!).find((i) => i.id === 'edit.undo')!;
    expect(undo.registerAccelerator).toBe(false);
  });

  it("Help → About opens the window's About dialog (the shared command), or the native box when no window is open", async () => {
    const { template, ran } = await menuFor('vi');
    const about = items(template.at(-1)!).find((i) => i.id === 'app.about')!;
    expect(about.label).toBe('Giới thiệu Newsdesk');
    const click = about.click as (item: unknown, window: unknown, event: unknown) => void;
    click({}, { id: 1 }, {});
    expect(ran).toEqual(['app.about']);
    let nativeBoxes = 0;
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'en' });
    const windowless = buildMenuTemplate({
      t: (key, options) => i18n.t(key, options),
      runCommand: (id) => ran.push(id),
      showAbout: () => nativeBoxes++,
      openDataDir: () => undefined,
      isMac: true,
    });
    const aboutWindowless = items(windowless.at(-1)!).find((i) => i.id === 'app.about')!;
    expect(aboutWindowless.label).toBe('About Newsdesk');
    (aboutWindowless.click as typeof click)({}, undefined, {});
    expect(nativeBoxes).toBe(1);
    expect(ran).toEqual(['app.about']);
  });

  it('holds every command of the shared list, under its group’s menu, with its label and shortcut (one list for menu, toolbar, palette and keys)', async () => {
    for (const language of ['vi', 'en'] as const) {
      const { template, ran } = await menuFor(language);
      const i18n = i18next.createInstance();
      await i18n.init({ resources, lng: language });
      const found = new Map<string, { item: MenuItemConstructorOptions; menu: string }>();
      const walk = (entries: MenuItemConstructorOptions[], menu: string) => {
        for (const entry of entries) {
          if (entry.id) found.set(entry.id, { item: entry, menu });
          if (Array.isArray(entry.submenu)) walk(entry.submenu, menu);
        }
      };
      for (const menu of template) walk(items(menu), menu.label!);
      for (const id of commandIds) {
        const spec = commandSpecs[id];
        const entry = found.get(id);
        expect(entry, `${id} is in the menu`).toBeDefined();
        expect(entry!.menu, `${id} is under its group`).toBe(i18n.t(`menu.${spec.group}`));
        if (id !== 'app.about') expect(entry!.item.label).toBe(i18n.t(spec.labelKey));
        expect(entry!.item.accelerator).toBe(spec.accelerator);
        (entry!.item.click as (item: unknown, window: unknown, event: unknown) => void)({}, { id: 1 }, {});
      }
      expect(ran).toEqual([...commandIds]);
    }
  });

  it('View → Command palette runs the palette with its shortcut, taken by the menu (the palette is no editor command)', async () => {
    const { template, ran } = await menuFor('vi');
    const palette = items(template[3]!).find((i) => i.id === 'app.commandPalette')!;
    expect(palette).toMatchObject({ label: 'Bảng lệnh…', accelerator: 'CmdOrCtrl+Shift+P' });
    expect(palette.registerAccelerator).toBeUndefined();
    (palette.click as () => void)();
    expect(ran).toEqual(['app.commandPalette']);
  });

  it('speaks English when asked', async () => {
    const { template } = await menuFor('en');
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'Format', 'View', 'Help']);
  });
});

describe('window bounds', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('restores bounds that are on a display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    expect(restoreWindowState(saved, [display])).toEqual(saved);
  });
  it('drops the position of a window left on a display that is gone', () => {
    const state = restoreWindowState({ x: 3000, y: 80, width: 1200, height: 800, maximized: false }, [display]);
    expect(state).toMatchObject({ x: undefined, y: undefined, width: 1200 });
  });
  it('falls back to defaults for nonsense', () => {
    expect(restoreWindowState({ width: 'big' }, [display])).toEqual(DEFAULT_WINDOW_STATE);
    expect(restoreWindowState(null, [display])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('the data directory', () => {
  it('comes from --data-dir, then NEWSDESK_DATA_DIR, then the per-user folder', () => {
    expect(resolveDataDir(['--data-dir', '/x/lib'], {})).toBe('/x/lib');
    expect(resolveDataDir(['--data-dir=/y'], {})).toBe('/y');
    expect(resolveDataDir([], { NEWSDESK_DATA_DIR: '/z' })).toBe('/z');
    expect(resolveDataDir([], { XDG_CONFIG_HOME: '/home/u/.config' })).toBe('/home/u/.config/Newsdesk/library');
    expect(userDataDir({}, 'win32').endsWith('Newsdesk')).toBe(true);
    expect(argValue(['--port', '9'], '--port')).toBe('9');
  });
});
