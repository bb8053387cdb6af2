import { Extension } from '@tiptap/core';
import { acceleratorToKeymap, commandSpecs, type CommandId } from '../../shared/commands';

export interface CommandKeymapOptions {
  run: (id: CommandId) => void;
}

/**
 * Binds every editor command's shortcut, from the shared command list, in the editor's keymap.
 * It runs before the built-in bindings, so the shortcut shown in the menu and the toolbar is the
 * one that acts.
 */
export const CommandKeymap = Extension.create<CommandKeymapOptions>({
  name: 'commandKeymap',
  priority: 1000,

  addOptions() {
    return { run: () => undefined };
  },

  addKeyboardShortcuts() {
    const bindings: Record<string, () => boolean> = {};
    for (const spec of Object.values(commandSpecs)) {
      if (spec.scope !== 'editor' || !spec.accelerator) continue;
      bindings[acceleratorToKeymap(spec.accelerator)] = () => {
        // Ctrl+K is the link only on a selection or in a link; with the caret in plain text it is
        // left to the window, where it opens the command palette (the palette's other shortcut).
        if (spec.id === 'format.link' && this.editor.state.selection.empty && !this.editor.isActive('link')) return false;
        this.options.run(spec.id);
        return true;
      };
    }
    bindings['Mod-y'] = () => {
      this.options.run('edit.redo');
      return true;
    };
    return bindings;
  },
});
