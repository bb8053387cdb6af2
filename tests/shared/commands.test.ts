import { describe, expect, it } from 'vitest';
import { commandGroups, commandIds, commandSpecs, matchesAccelerator } from '../../shared/commands';

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

  it('gives every command a menu group, and other keys that no command of the window already has', () => {
    for (const spec of Object.values(commandSpecs)) expect(commandGroups, spec.id).toContain(spec.group);
    const windowKeys = Object.values(commandSpecs).flatMap((spec) => (spec.scope !== 'editor' && spec.accelerator ? [spec.accelerator] : []));
    const others = Object.values(commandSpecs).flatMap((spec) => spec.alternateAccelerators ?? []);
    expect(others).toEqual(['CmdOrCtrl+K']);
    for (const keys of others) expect(windowKeys).not.toContain(keys);
    // Ctrl+K is shared with the editor's link, which takes it first only on a selection (CommandKeymap).
    expect(commandSpecs['format.link']).toMatchObject({ accelerator: 'CmdOrCtrl+K', scope: 'editor' });
    expect(commandSpecs['app.commandPalette'].accelerator).toBe('CmdOrCtrl+Shift+P');
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
