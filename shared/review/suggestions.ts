import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { applySuggestions, revertSuggestion, revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
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

/** What mergeSuggestions did: the body and who-made-what merged, and the incoming ids it could not place. */
export interface MergedSuggestions {
  body: BodyDoc;
  suggestions: SuggestionInfo[];
  /** Ids of the incoming's own suggestions placed in this body. */
  placed: SuggestionId[];
  /** Ids of the incoming's own suggestions left in its copy only (their paragraph differs here). */
  left: SuggestionId[];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Suggested edits of two copies of an article that both changed (a bundle received in conflict),
 * merged by their ids: the incoming's suggestions this body lacks are carried into it, paragraph
 * by paragraph, where the paragraph reads here exactly as it did there without them — the same
 * text and the same other suggestions. A suggestion in a paragraph changed on either side (or a
 * suggested new paragraph, which has nowhere certain to go) stays in the incoming's copy only, as
 * `left`. What the text reads with every suggestion rejected never changes: carrying a suggestion
 * over only adds the suggestion. Without `parted`, a suggestion resolved here that the other copy
 * still holds comes back (it cannot be told from one made there).
 */
export function mergeSuggestions(
  ours: { body: BodyDoc; suggestions: readonly SuggestionInfo[] },
  theirs: { body: BodyDoc; suggestions: readonly SuggestionInfo[] },
  /** The suggestions of the version both copies come from, when known: one it held that this copy no longer holds was resolved here, and stays so. */
  parted?: readonly SuggestionId[],
): MergedSuggestions {
  const here = new Set(suggestionIds(ours.body).map(String));
  const resolvedHere = new Set((parted ?? []).map(String).filter((id) => !here.has(id)));
  const incoming = suggestionIds(theirs.body).filter((id) => !here.has(String(id)) && !resolvedHere.has(String(id)));
  const unchanged: MergedSuggestions = { body: ours.body, suggestions: keepInfoOf(ours.suggestions, ours.body), placed: [], left: incoming };
  if (!incoming.length) return { ...unchanged, left: [] };

  // Their body without their own suggestions: each of its paragraphs is what ours must read for one to be carried over.
  const theirDoc = PmNode.fromJSON(bodyProseMirrorSchema, theirs.body);
  let without = theirDoc;
  for (const id of incoming) {
    revertSuggestion(id)(EditorState.create({ schema: bodyProseMirrorSchema, doc: without }), (tr) => (without = tr.doc));
  }
  const theirBlocks = theirs.body.content;
  const bare = (canonicalBody(without.toJSON()).body as BodyDoc).content;
  // (A suggested new paragraph vanishes without its suggestion: the paragraphs no longer pair up.)
  if (bare.length !== theirBlocks.length) return unchanged;

  // Their paragraph k, without their suggestions, is ours at the same place — or, failing that, at exactly one other.
  const placement = new Map<number, number>();
  const taken = new Set<number>();
  for (const [k, block] of theirBlocks.entries()) {
    const before = bare[k]!;
    if (sameJson(before, block)) continue;
    let at = k < ours.body.content.length && !taken.has(k) && sameJson(ours.body.content[k], before) ? k : -1;
    if (at < 0) {
      const matches = ours.body.content.flatMap((candidate, i) => (!taken.has(i) && sameJson(candidate, before) ? [i] : []));
      if (matches.length === 1) at = matches[0]!;
    }
    if (at >= 0) {
      placement.set(k, at);
      taken.add(at);
    }
  }
  // A suggestion is carried whole or not at all (one across two paragraphs needs both placed).
  const fromThem = new Set(incoming.map(String));
  const idsOf = (k: number) => suggestionIds({ type: 'doc', content: [theirBlocks[k]!] } as BodyDoc).map(String).filter((id) => fromThem.has(id));
  const inTheirs = new Map<string, number[]>();
  for (const k of theirBlocks.keys()) for (const id of idsOf(k)) inTheirs.set(id, [...(inTheirs.get(id) ?? []), k]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const k of [...placement.keys()]) {
      if (idsOf(k).some((id) => inTheirs.get(id)!.some((other) => !placement.has(other)))) {
        placement.delete(k);
        changed = true;
      }
    }
  }
  const blocks = [...ours.body.content];
  const carried = new Set<string>();
  for (const [k, at] of placement) {
    blocks[at] = theirBlocks[k]!;
    for (const id of idsOf(k)) carried.add(id);
  }
  const placedIds = incoming.filter((id) => carried.has(String(id)));
  if (!placedIds.length) return unchanged;
  const body = canonicalBody({ ...ours.body, content: blocks }).body as BodyDoc;
  // The text as read never changes by merging (nor do our own suggestions): else nothing is carried.
  const ids = new Set(suggestionIds(body).map(String));
  if (!sameJson(bodyAsRejected(body), bodyAsRejected(ours.body)) || [...here].some((id) => !ids.has(id))) return unchanged;
  const known = new Set(ours.suggestions.map((entry) => String(entry.id)));
  const info = [...ours.suggestions, ...theirs.suggestions.filter((entry) => !known.has(String(entry.id)))];
  return {
    body,
    suggestions: keepInfoOf(info, body),
    placed: placedIds,
    left: incoming.filter((id) => !carried.has(String(id))),
  };
}
