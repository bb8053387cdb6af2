import { z } from 'zod';
import { escapeHtml } from '../../publish/html';
import type { Json, MarkSpec } from '../blocks/spec';

/**
 * Suggested edits (tracked changes) as the editor's suggestion mode stores them
 * (@handlewithcare/prosemirror-suggest-changes, vendor/): text or whole blocks marked as
 * inserted or deleted, and formatting, attribute or block-type changes marked as modifications.
 * The id is "<profile id>:<n>"; who made it and when is in the article's `suggestions`.
 * shared/review/suggestions.ts reads the text as if every suggestion were rejected (what exports,
 * the preview's final view and counts use); the page never shows these marks.
 */

export const SUGGESTION_ID_MAX = 100;
export const suggestionIdSchema = z.union([z.string().min(1).max(SUGGESTION_ID_MAX), z.number().int().min(0)]);
export type SuggestionId = z.infer<typeof suggestionIdSchema>;

/** A modification's before and after (an attribute's value, a mark, a block type): small JSON. */
const jsonValue = z.unknown().refine((value) => value === undefined || JSON.stringify(value).length <= 4000, 'too large');

export const insertionSchema = z.strictObject({ type: z.literal('insertion'), attrs: z.strictObject({ id: suggestionIdSchema }) });
export const deletionSchema = z.strictObject({ type: z.literal('deletion'), attrs: z.strictObject({ id: suggestionIdSchema }) });
export const modificationSchema = z.strictObject({
  type: z.literal('modification'),
  attrs: z.strictObject({
    id: suggestionIdSchema,
    type: z.enum(['attr', 'mark', 'nodeType']),
    attrName: z.string().max(100).nullable(),
    previousValue: jsonValue,
    newValue: jsonValue,
  }),
});
export type InsertionMark = z.output<typeof insertionSchema>;
export type DeletionMark = z.output<typeof deletionSchema>;
export type ModificationMark = z.output<typeof modificationSchema>;
export type SuggestionMark = InsertionMark | DeletionMark | ModificationMark;

export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;

const idOf = (json: Json): SuggestionId | null => {
  const parsed = suggestionIdSchema.safeParse(json.attrs?.id);
  return parsed.success ? parsed.data : null;
};

const idAttr = (id: SuggestionId) => `data-suggestion="${escapeHtml(String(id))}"`;

function changeMark<T extends 'insertion' | 'deletion'>(type: T, tag: 'ins' | 'del'): MarkSpec<{ type: T; attrs: { id: SuggestionId } }> {
  return {
    type,
    schema: (type === 'insertion' ? insertionSchema : deletionSchema) as never,
    canonical(json, cx) {
      const id = idOf(json);
      if (id === null) cx.note('mark', type);
      return id === null ? null : { type, attrs: { id } };
    },
    open: (mark) => `<${tag} class="suggestion" ${idAttr(mark.attrs.id)}>`,
    close: () => `</${tag}>`,
  };
}

export const insertion = changeMark('insertion', 'ins');
export const deletion = changeMark('deletion', 'del');

export const modification: MarkSpec<ModificationMark> = {
  type: 'modification',
  schema: modificationSchema,
  canonical(json, cx) {
    const parsed = modificationSchema.safeParse({
      type: 'modification',
      attrs: { attrName: null, previousValue: null, newValue: null, ...json.attrs },
    });
    if (!parsed.success) cx.note('mark', 'modification');
    return parsed.success ? parsed.data : null;
  },
  open: (mark) => `<span class="suggestion suggested-format" ${idAttr(mark.attrs.id)}>`,
  close: () => '</span>',
};

export const suggestionMarkSpecs = [insertion, deletion, modification] as const;

export const suggestionMarkSchema = z.union([insertionSchema, deletionSchema, modificationSchema]);

/** A block's own marks: only suggestions (a whole paragraph suggested, deleted, or turned into a heading). */
/** Most suggested modifications one node may carry (each attribute, mark or type change is one). */
export const MAX_MODIFICATIONS = 16;

export const blockMarksField = z.array(suggestionMarkSchema).min(1).max(SUGGESTION_MARKS.length + MAX_MODIFICATIONS).optional();
