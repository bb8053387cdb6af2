import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { applySuggestions, revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import { z } from 'zod';
import type { BodyDoc } from '../model/body';
import { canonicalBody } from '../model/canonicalBody';
import { isoDateTime, text } from '../model/fields';
import { SUGGESTION_MARKS, suggestionIdSchema, type SuggestionId } from '../model/marks/suggestion';
import { bodyProseMirrorSchema } from '../model/proseMirrorSchema';

/**
 * Suggested edits (suggestion mode, tracked changes) of an article: reading a body as if every
 * pending suggestion were rejected (what exports, the preview's final view, counts and diffs
 * use) or accepted, and listing the suggestions with what each changes. The marks themselves are
 * ../model/marks/suggestion.ts; the editor makes them (renderer/editor/extensions/SuggestChanges.ts).
 */

/** Who suggested an edit, and when (the article's `suggestions` list, one entry per suggestion id). */
export const suggestionInfoSchema = z.strictObject({
  id: suggestionIdSchema,
  by: text(120),
  profileId: z.string().max(64).optional(),
  at: isoDateTime,
});
export type SuggestionInfo = z.infer<typeof suggestionInfoSchema>;

/** A suggestion id for a person: "<profile id>:<n>", n one more than any of theirs in the body. */
export function nextSuggestionId(author: string, existing: Iterable<SuggestionId>): string {
  let max = 0;
  for (const id of existing) {
    if (typeof id !== 'string' || suggestionAuthor(id) !== author) continue;
    const n = Number(id.slice(id.lastIndexOf(':') + 1));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${author}:${max + 1}`;
}

/** The profile part of a suggestion id (null for ids without one). */
export function suggestionAuthor(id: SuggestionId): string | null {
  return typeof id === 'string' && id.includes(':') ? id.slice(0, id.lastIndexOf(':')) : null;
}

const SUGGESTION_TYPES: ReadonlySet<string> = new Set(SUGGESTION_MARKS);

interface JsonNode {
  marks?: Array<{ type: string; attrs?: { id?: SuggestionId } }>;
  content?: JsonNode[];
}

/** The ids of the suggestions a body holds, in reading order (a walk of the JSON: cheap). */
export function suggestionIds(body: BodyDoc): SuggestionId[] {
  const ids = new Set<SuggestionId>();
  const visit = (node: JsonNode) => {
    for (const mark of node.marks ?? []) if (SUGGESTION_TYPES.has(mark.type) && mark.attrs?.id !== undefined) ids.add(mark.attrs.id);
    for (const child of node.content ?? []) visit(child);
  };
  visit(body as JsonNode);
  return [...ids];
}

export const hasSuggestions = (body: BodyDoc): boolean => suggestionIds(body).length > 0;

function transformed(body: BodyDoc, command: typeof revertSuggestions): BodyDoc {
  if (!hasSuggestions(body)) return body;
  const doc = PmNode.fromJSON(bodyProseMirrorSchema, body);
  let result = doc;
  command(EditorState.create({ schema: bodyProseMirrorSchema, doc }), (tr) => (result = tr.doc));
  return canonicalBody(result.toJSON()).body;
}

/** The body as if every pending suggestion were rejected: what the page, the counts and the diffs read. */
export const bodyAsRejected = (body: BodyDoc): BodyDoc => transformed(body, revertSuggestions);

/** The body as if every pending suggestion were accepted ("with suggestions", as a reader would then read it). */
export const bodyAsAccepted = (body: BodyDoc): BodyDoc => transformed(body, applySuggestions);

export type SuggestionKind = 'insert' | 'delete' | 'format';

/** One suggestion as the review panel lists it: what it adds and removes, where it starts. */
export interface SuggestionSummary {
  id: SuggestionId;
  kinds: SuggestionKind[];
  inserted: string;
  deleted: string;
  /** Where it starts and ends in the document (ProseMirror positions). */
  from: number;
  to: number;
}

const ZERO_WIDTH = /\u200B/g;

/** The suggestions of a ProseMirror document (the editor's, or a body through the schema), in reading order. */
export function suggestionsOf(doc: PmNode): SuggestionSummary[] {
  const found = new Map<SuggestionId, SuggestionSummary>();
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      const kind: SuggestionKind | null = mark.type.name === 'insertion' ? 'insert' : mark.type.name === 'deletion' ? 'delete' : mark.type.name === 'modification' ? 'format' : null;
      if (!kind) continue;
      const id = mark.attrs.id as SuggestionId;
      const entry = found.get(id) ?? { id, kinds: [], inserted: '', deleted: '', from: pos, to: pos + node.nodeSize };
      if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
      const words = node.isText ? (node.text ?? '') : node.textBetween(0, node.content.size, '\n', ' ');
      if (kind === 'insert') entry.inserted += (entry.inserted && !node.isText ? '\n' : '') + words;
      if (kind === 'delete') entry.deleted += (entry.deleted && !node.isText ? '\n' : '') + words;
      entry.to = Math.max(entry.to, pos + node.nodeSize);
      found.set(id, entry);
    }
    return true;
  });
  return [...found.values()].map((entry) => ({ ...entry, inserted: entry.inserted.replace(ZERO_WIDTH, ''), deleted: entry.deleted.replace(ZERO_WIDTH, '') }));
}

/** The suggestions of a stored body. */
export function suggestionsOfBody(body: BodyDoc): SuggestionSummary[] {
  return hasSuggestions(body) ? suggestionsOf(PmNode.fromJSON(bodyProseMirrorSchema, body)) : [];
}

/** The info entries still needed: those of suggestions the body holds (accepted or rejected ones go). */
export function keepInfoOf(info: readonly SuggestionInfo[], body: BodyDoc): SuggestionInfo[] {
  const present = new Set(suggestionIds(body).map(String));
  return info.filter((entry) => present.has(String(entry.id)));
}

/**
 * Whether a save changes who made the suggestions only as `author` may: an entry already there is
 * unchanged (it goes when its suggestion is accepted or rejected), and a new one is the author's
 * own — profile, name, and an id of theirs.
 */
export function newSuggestionsBy(before: readonly SuggestionInfo[], after: readonly SuggestionInfo[], author: { id: string; name: string }): boolean {
  const known = new Map(before.map((entry) => [String(entry.id), entry]));
  return after.every((entry) => {
    const was = known.get(String(entry.id));
    if (was) return JSON.stringify(was) === JSON.stringify(entry);
    return entry.profileId === author.id && entry.by === author.name && suggestionAuthor(entry.id) === author.id;
  });
}
