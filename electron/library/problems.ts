import { copyFile, rename } from 'node:fs/promises';
import type { StorageProblem } from '../../shared/api/contract';
import type { Repair } from '../../shared/model/articleFile';
import { countNotes } from '../../shared/model/canonicalBody';

/**
 * What the library found wrong with its files, for the app to show: files moved aside because
 * they could not be read, and files repaired (with their original kept beside them). A file is
 * never deleted or overwritten without a copy.
 */
export class Problems {
  private readonly list: StorageProblem[] = [];
  /** Files already copied and reported this session (a repaired article is repaired again at each read until it is saved). */
  private readonly reported = new Set<string>();

  constructor(private readonly now: () => Date) {}

  all(): StorageProblem[] {
    return [...this.list];
  }

  get count(): number {
    return this.list.length;
  }

  private asideName(path: string): { movedTo: string; at: string } {
    const at = this.now().toISOString();
    return { movedTo: `${path}.corrupt-${at.replace(/[:.]/g, '-')}`, at };
  }

  /** A file that cannot be read is renamed `*.corrupt-<time>` and reported; the library goes on without it. */
  async moveAside(path: string, reason: string): Promise<void> {
    const { movedTo, at } = this.asideName(path);
    await rename(path, movedTo);
    this.list.push({ kind: 'moved', file: path, movedTo, reason, at, fields: [], notes: [] });
  }

  /** A file repaired in memory: a copy of the original is kept beside it and the repair reported (once per file and session). */
  async keepCopy(path: string, reason: string, repairs: readonly Repair[] = []): Promise<void> {
    if (this.reported.has(path)) return;
    this.reported.add(path);
    const { movedTo, at } = this.asideName(path);
    await copyFile(path, movedTo);
    this.list.push({
      kind: 'repaired',
      file: path,
      movedTo,
      reason,
      at,
      fields: [...new Set(repairs.map((r) => r.field))],
      notes: countNotes(repairs.flatMap((r) => r.notes)),
    });
  }

  /** Once the repaired file has been written again, a later repair of it is news. */
  forget(path: string): void {
    this.reported.delete(path);
  }
}
