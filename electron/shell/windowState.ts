import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../library/atomicFile';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Remembered bounds, kept only if at least 100×100 px of the window is on some display now. */
export function restoreWindowState(saved: unknown, displays: readonly Area[]): WindowState {
  const parsed = windowStateSchema.safeParse(saved);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const state = parsed.data;
  if (state.x === undefined || state.y === undefined) return { ...state, x: undefined, y: undefined };
  const { x, y } = state;
  const visible = displays.some((d) => {
    const w = Math.min(x + state.width, d.x + d.width) - Math.max(x, d.x);
    const h = Math.min(y + state.height, d.y + d.height) - Math.max(y, d.y);
    return w >= 100 && h >= 100;
  });
  return visible ? state : { ...state, x: undefined, y: undefined };
}

export function windowStatePath(userData: string): string {
  return join(userData, 'window-state.json');
}

export async function loadWindowState(userData: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(windowStatePath(userData), 'utf8'));
  } catch {
    return null;
  }
}

export async function saveWindowState(userData: string, state: WindowState): Promise<void> {
  await writeJsonAtomic(windowStatePath(userData), state);
}
