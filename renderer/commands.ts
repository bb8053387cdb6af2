import { createContext, useContext, useEffect, useRef } from 'react';
import type { CommandId } from '../shared/commands';

type Handler = () => void | Promise<void>;

/**
 * What each command does right now. Views register handlers while they are shown; the most
 * recently registered handler for an id runs. Toolbar buttons, the Electron menu and keyboard
 * shortcuts all go through `run`.
 */
export class CommandRegistry {
  private readonly handlers = new Map<CommandId, Handler[]>();
  private readonly listeners = new Set<() => void>();

  register(id: CommandId, handler: Handler): () => void {
    const list = this.handlers.get(id) ?? [];
    list.push(handler);
    this.handlers.set(id, list);
    this.changed();
    return () => {
      const current = this.handlers.get(id) ?? [];
      this.handlers.set(
        id,
        current.filter((h) => h !== handler),
      );
      this.changed();
    };
  }

  has(id: CommandId): boolean {
    return (this.handlers.get(id)?.length ?? 0) > 0;
  }

  async run(id: CommandId): Promise<boolean> {
    const handler = this.handlers.get(id)?.at(-1);
    if (!handler) return false;
    await handler();
    return true;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export const CommandContext = createContext<CommandRegistry | null>(null);

export function useCommands(): CommandRegistry {
  const registry = useContext(CommandContext);
  if (!registry) throw new Error('CommandContext is missing');
  return registry;
}

/** Registers `handler` for `id` while the calling component is mounted. */
export function useCommand(id: CommandId, handler: Handler): void {
  const registry = useCommands();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => registry.register(id, () => latest.current()), [registry, id]);
}
