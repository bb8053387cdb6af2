import { describe, expect, it } from 'vitest';
import { commandIds, commandSpecs, matchesAccelerator } from '../../shared/commands';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; code: string }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('commands', () => {
  it('has a spec for every id, with distinct shortcuts', () => {
    expect(Object.keys(commandSpecs).sort()).toEqual([...commandIds].sort());
    const accelerators = Object.values(commandSpecs).flatMap((spec) => (spec.accelerator ? [spec.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('matches key events against accelerators', () => {
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { ctrlKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', key('S', { ctrlKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+S', key('s'))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesAccelerator('CmdOrCtrl+S', key('s', { metaKey: true }), true)).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+Alt+N', key('n', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(matchesAccelerator('CmdOrCtrl+Alt+N', key('˜', { metaKey: true, altKey: true, code: 'KeyN' }), true)).toBe(true);
  });
});
