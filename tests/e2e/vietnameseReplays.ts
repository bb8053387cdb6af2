import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { expect, type Host } from './fixtures';

/**
 * Vietnamese input as the input methods deliver it, replayed in Chromium (used by
 * vietnamese-input.spec.ts and suggestions.spec.ts):
 * - ibus-bamboo / fcitx5-unikey with a pre-edit: composition updates, then a commit;
 * - Unikey / EVKey without a pre-edit: letters, then Backspace and the corrected syllable.
 */

/** ibus style: each keystroke updates the pre-edit, the word is committed at the end. */
export async function composeIbus(cdp: CDPSession, steps: string[], commit: string) {
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.insertText', { text: commit });
}

/** fcitx5 style: the pre-edit is cleared before the commit arrives. */
export async function composeFcitx(cdp: CDPSession, steps: string[], commit: string) {
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  await cdp.send('Input.insertText', { text: commit });
}

export type UnikeyStep = string | { back: number };

/** Unikey/EVKey style: real Backspace key presses between inserted characters. */
export async function typeUnikey(page: Page, steps: UnikeyStep[]) {
  for (const step of steps) {
    if (typeof step === 'string') await page.keyboard.insertText(step);
    else for (let i = 0; i < step.back; i++) await page.keyboard.press('Backspace');
  }
}

// What Unikey sends for "Vieejt Nam", "thuyr" and "ddaayr manhj" typed in Telex.
export const VIET_NAM: UnikeyStep[] = ['V', 'i', 'e', { back: 1 }, 'ê', { back: 1 }, 'ệ', 't', ' ', 'N', 'a', 'm'];
export const THUY: UnikeyStep[] = ['t', 'h', 'u', 'y', { back: 2 }, 'ủy'];
export const DAY_MANH: UnikeyStep[] = ['d', { back: 1 }, 'đ', 'a', { back: 1 }, 'â', 'y', { back: 2 }, 'ẩy', ' ', 'm', 'a', 'n', 'h', { back: 3 }, 'ạnh'];

/**
 * The body as stored on disk, once it holds what the editor shows (composition is applied by the
 * editor a moment after the input method commits, so the file is read until the two agree).
 */
export async function storedBody(page: Page, host: Host) {
  const id = new URL(page.url()).hash.replace('#/article/', '');
  const read = async () => JSON.parse(await readFile(join(host.dataDir, 'articles', `${id}.json`), 'utf8')).body as StoredBody;
  await expect
    .poll(async () => allText(await read()) === (await page.getByTestId('body-editor').textContent())?.normalize('NFC'), { timeout: 10_000 })
    .toBe(true);
  return read();
}

export type StoredBody = { content: Array<{ type: string; content?: Array<{ type: string; text?: string; marks?: Array<{ type: string }>; content?: unknown[] }> }> };

export function allText(node: unknown): string {
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(allText).join('');
}

