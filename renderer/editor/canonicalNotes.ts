import type { TFunction } from 'i18next';
import type { CanonicalNote, NoteKind } from '../../shared/model/blocks/spec';
import { countNotes } from '../../shared/model/canonicalBody';

/** Counts of changes by kind, in the user's language, one sentence per kind ("1 khối không hỗ trợ…"). */
export function countsText(t: TFunction, counts: ReadonlyArray<{ kind: NoteKind; count: number }>): string {
  return counts.map(({ kind, count }) => t(`canonical.${kind}`, { count })).join(' ');
}

/** What the canonicaliser changed, in the user's language. */
export function notesText(t: TFunction, notes: readonly CanonicalNote[]): string {
  return countsText(t, countNotes(notes));
}
