import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ariaKeyShortcut, filterPalette, formatShortcut, type PaletteEntry } from '../../shared/commandPalette';
import { commandIds, commandSpecs } from '../../shared/commands';
import { resources } from '../../shared/i18n';

async function entriesIn(language: 'vi' | 'en'): Promise<PaletteEntry[]> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: language });
  return commandIds.map((id) => ({ id, label: i18n.t(commandSpecs[id].labelKey), group: i18n.t(`menu.${commandSpecs[id].group}`) }));
}

const labels = (entries: PaletteEntry[]) => entries.map((e) => e.label);

describe('the command palette finds commands without diacritics', () => {
  const made = (...names: string[]): PaletteEntry[] => names.map((label, i) => ({ id: String(i), label, group: 'Tệp' }));

  it('finds a Vietnamese label typed without marks, with đ as d, in any case', async () => {
    const vi = await entriesIn('vi');
    expect(labels(filterPalette(vi, 'bai moi'))).toEqual(['Bài viết mới']);
    expect(labels(filterPalette(vi, 'BAI VIET MOI'))).toEqual(['Bài viết mới']);
    expect(labels(filterPalette(vi, 'xuat'))).toEqual(['Xuất HTML…', 'Xuất trang web']);
    expect(labels(filterPalette(vi, 'dam'))).toEqual(['Đậm']);
    expect(labels(filterPalette(made('Đăng bài', 'Dừng'), 'dang'))).toEqual(['Đăng bài']);
    expect(labels(filterPalette(made('Xuất bản', 'Xem bản in'), 'xuat ban'))).toEqual(['Xuất bản']);
  });

  it('finds either tone-mark placement, typed either way (thủy / thuỷ, hòa / hoà)', () => {
    const entries = made('Quận Bình Thủy', 'Hoà nhạc', 'Thư viện');
    expect(labels(filterPalette(entries, 'thuỷ'))).toEqual(['Quận Bình Thủy']);
    expect(labels(filterPalette(entries, 'thuy'))).toEqual(['Quận Bình Thủy']);
    expect(labels(filterPalette(entries, 'hòa'))).toEqual(['Hoà nhạc']);
  });

  it('needs every word typed to begin a word of the label (or of its menu), the last one unfinished', async () => {
    const vi = await entriesIn('vi');
    expect(labels(filterPalette(vi, 'danh s'))).toEqual(['Danh sách chấm', 'Danh sách số']);
    expect(labels(filterPalette(vi, 'anh'))).toEqual(['Giao diện tiếng Anh (English)', 'Chèn ảnh…']);
    expect(labels(filterPalette(vi, 'ảnh'))).toEqual(['Chèn ảnh…', 'Giao diện tiếng Anh (English)']);
    expect(filterPalette(vi, 'khong co lenh nay')).toEqual([]);
    // The menu's name narrows too: "Định dạng" holds the formatting commands.
    expect(labels(filterPalette(vi, 'dinh dang dam'))).toEqual(['Đậm']);
  });

  it('ranks labels that start with what was typed, then labels with the same marks, else keeps the menus’ order', () => {
    const entries = made('Chèn bảng', 'Bảng lệnh…', 'Băng rôn');
    expect(labels(filterPalette(entries, 'bang'))).toEqual(['Bảng lệnh…', 'Băng rôn', 'Chèn bảng']);
    expect(labels(filterPalette(entries, 'băng'))).toEqual(['Băng rôn', 'Bảng lệnh…', 'Chèn bảng']);
    expect(labels(filterPalette(entries, ''))).toEqual(['Chèn bảng', 'Bảng lệnh…', 'Băng rôn']);
  });

  it('finds English labels in English', async () => {
    const en = await entriesIn('en');
    expect(labels(filterPalette(en, 'new art'))).toEqual(['New article']);
    expect(labels(filterPalette(en, 'command'))).toEqual(['Command palette…']);
  });
});

describe('shortcuts as each platform prints them', () => {
  it('Windows and Linux: Ctrl, Alt, Shift joined by +', () => {
    expect(formatShortcut('CmdOrCtrl+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(formatShortcut('CmdOrCtrl+Alt+N', false)).toBe('Ctrl+Alt+N');
    expect(formatShortcut('CmdOrCtrl+k', false)).toBe('Ctrl+K');
    expect(formatShortcut('CmdOrCtrl+,', false)).toBe('Ctrl+,');
    expect(formatShortcut('Shift+CmdOrCtrl+Z', false)).toBe('Ctrl+Shift+Z');
  });

  it('macOS: the symbols in Apple’s order, no separator', () => {
    expect(formatShortcut('CmdOrCtrl+Shift+P', true)).toBe('⇧⌘P');
    expect(formatShortcut('CmdOrCtrl+Alt+N', true)).toBe('⌥⌘N');
    expect(formatShortcut('CmdOrCtrl+Shift+8', true)).toBe('⇧⌘8');
  });

  it('aria-keyshortcuts: the UI Events names (Control, Meta)', () => {
    expect(ariaKeyShortcut('CmdOrCtrl+Shift+P', false)).toBe('Control+Shift+P');
    expect(ariaKeyShortcut('CmdOrCtrl+Alt+N', true)).toBe('Meta+Alt+N');
  });

  it('every command’s shortcut prints without a leftover Electron word', () => {
    for (const spec of Object.values(commandSpecs)) {
      for (const keys of [spec.accelerator, ...(spec.alternateAccelerators ?? [])]) {
        if (!keys) continue;
        expect(formatShortcut(keys, false)).not.toMatch(/Cmd|Or/);
        expect(formatShortcut(keys, true)).not.toMatch(/Cmd|Ctrl|Alt|Shift|\+/);
      }
    }
  });
});
