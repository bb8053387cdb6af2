/**
 * What the command palette needs from the shared command list, as pure functions: a shortcut as
 * a person reads it on their platform, and the commands that answer what was typed, found
 * without diacritics ("xuat ban" finds "Xuất bản", "dang" finds "Đăng", "thuy" finds "Thủy" and
 * "Thuỷ" alike: folding drops the tone mark wherever it sits).
 */
import { foldedWords } from './text/search';
import { fold } from './text/vietnamese';

/** macOS prints modifiers as symbols, in this order and with no separator (⌃⌥⇧⌘K). */
const MAC_SYMBOLS: Record<string, string> = { ctrl: '⌃', control: '⌃', alt: '⌥', option: '⌥', shift: '⇧', cmd: '⌘', command: '⌘', cmdorctrl: '⌘' };
const MAC_ORDER = ['⌃', '⌥', '⇧', '⌘'];
/** Windows and Linux print names joined with "+", Ctrl first (Ctrl+Shift+P). */
const PC_NAMES: Record<string, string> = { ctrl: 'Ctrl', control: 'Ctrl', cmdorctrl: 'Ctrl', alt: 'Alt', option: 'Alt', shift: 'Shift', cmd: 'Win', command: 'Win' };
const PC_ORDER = ['Ctrl', 'Alt', 'Shift', 'Win'];

function split(accelerator: string): { modifiers: string[]; key: string } {
  // "CmdOrCtrl+Plus", and a bare "+" as the key ("CmdOrCtrl++"), are both Electron spellings.
  const parts = accelerator.split(/\+(?!$)/);
  const key = parts.pop() ?? '';
  return { modifiers: parts.map((part) => part.toLowerCase()), key: key.length === 1 ? key.toUpperCase() : key };
}

/** "CmdOrCtrl+Shift+P" → "Ctrl+Shift+P" on Windows and Linux, "⇧⌘P" on macOS. */
export function formatShortcut(accelerator: string, isMac: boolean): string {
  const { modifiers, key } = split(accelerator);
  if (isMac) {
    const symbols = modifiers.map((m) => MAC_SYMBOLS[m] ?? m).sort((a, b) => MAC_ORDER.indexOf(a) - MAC_ORDER.indexOf(b));
    return [...symbols, key].join('');
  }
  const names = modifiers.map((m) => PC_NAMES[m] ?? m).sort((a, b) => PC_ORDER.indexOf(a) - PC_ORDER.indexOf(b));
  return [...names, key].join('+');
}

/** The same keys in aria-keyshortcuts' spelling (UI Events key names): "Control+Shift+P", "Meta+Shift+P". */
export function ariaKeyShortcut(accelerator: string, isMac: boolean): string {
  const { modifiers, key } = split(accelerator);
  const name = (m: string) =>
    m === 'cmdorctrl' ? (isMac ? 'Meta' : 'Control') : m === 'cmd' || m === 'command' ? 'Meta' : m === 'ctrl' || m === 'control' ? 'Control' : m === 'option' ? 'Alt' : m[0]!.toUpperCase() + m.slice(1);
  return [...modifiers.map(name), key].join('+');
}

export interface PaletteEntry<Id extends string = string> {
  id: Id;
  /** The command's name in the interface's language. */
  label: string;
  /** Its menu's name (Định dạng, Tệp…): typed words may match it too. */
  group: string;
}

/**
 * The entries that answer `query`, best first. Every word typed must begin a word of the label or
 * of its menu's name (the last word may be unfinished); marks, case and đ are ignored. Labels
 * matching every word come before those that need their menu's name, then labels that start with
 * what was typed, then labels whose marks agree with the marks typed; otherwise the list's order
 * is kept (the menus' order). An empty query keeps every entry.
 */
export function filterPalette<Id extends string>(entries: readonly PaletteEntry<Id>[], query: string): PaletteEntry<Id>[] {
  const words = foldedWords(query);
  if (!words.length) return [...entries];
  const scored: { entry: PaletteEntry<Id>; score: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const label = foldedWords(entry.label);
    const group = foldedWords(entry.group);
    const inLabel = words.every((word) => label.some((w) => w.startsWith(word)));
    const anywhere = inLabel || words.every((word) => label.some((w) => w.startsWith(word)) || group.some((w) => w.startsWith(word)));
    if (!anywhere) return;
    let score = inLabel ? 0 : 4;
    if (!fold(entry.label).trimStart().startsWith(words.join(' '))) score += 2;
    if (!markedAlike(entry.label, query)) score += 1;
    scored.push({ entry, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map(({ entry }) => entry);
}

/** Whether the words typed with marks are in the label with the same marks (case and NFC aside). */
function markedAlike(label: string, query: string): boolean {
  const text = label.normalize('NFC').toLowerCase();
  const typed = query.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return typed.filter((word) => word !== fold(word)).every((word) => text.includes(word));
}
