import { Mark, type AnyExtension, type Node } from '@tiptap/core';
import { deletion as deletionSpec, insertion as insertionSpec, modification as modificationSpec } from '@handlewithcare/prosemirror-suggest-changes';
import { BLOCK_MARKS } from '../../../../shared/model/proseMirrorSchema';

/**
 * Twin of shared/model/marks/suggestion.ts: suggested edits (insertion, deletion, modification)
 * as @handlewithcare/prosemirror-suggest-changes defines them, so its commands work on the
 * editor's document. They are parsed back only from the editor's own HTML (with data-id), so a
 * paste from Word's tracked changes never becomes someone's suggestion.
 */

const json = (value: string | undefined) => {
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
};

const idAttribute = {
  id: {
    default: null,
    parseHTML: (element: HTMLElement) => json(element.dataset.id),
    renderHTML: (attrs: Record<string, unknown>) => ({ 'data-id': JSON.stringify(attrs.id) }),
  },
};

export const Insertion = Mark.create({
  name: 'insertion',
  // Outermost, before the link (priority 1000): the model's order (shared/model/marks/index.ts).
  priority: 1103,
  inclusive: insertionSpec.inclusive,
  excludes: insertionSpec.excludes,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: 'ins[data-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['ins', HTMLAttributes, 0],
});

export const Deletion = Mark.create({
  name: 'deletion',
  priority: 1102,
  inclusive: deletionSpec.inclusive,
  excludes: deletionSpec.excludes,
  addAttributes: () => idAttribute,
  parseHTML: () => [{ tag: 'del[data-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['del', HTMLAttributes, 0],
});

/** An attribute kept as JSON in a data attribute (`data-<name>`, read through dataset[key]). */
const dataAttribute = (attr: string, name: string, key: string, fallback: unknown = null) => ({
  default: fallback,
  parseHTML: (element: HTMLElement) => json(element.dataset[key]) ?? fallback,
  renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: JSON.stringify(attrs[attr] ?? null) }),
});

export const Modification = Mark.create({
  name: 'modification',
  priority: 1101,
  inclusive: modificationSpec.inclusive,
  excludes: modificationSpec.excludes,
  addAttributes: () => ({
    ...idAttribute,
    type: dataAttribute('type', 'mod-type', 'modType', ''),
    attrName: dataAttribute('attrName', 'mod-attr', 'modAttr'),
    previousValue: dataAttribute('previousValue', 'mod-prev', 'modPrev'),
    newValue: dataAttribute('newValue', 'mod-new', 'modNew'),
  }),
  parseHTML: () => [{ tag: 'span[data-type="modification"][data-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', { 'data-type': 'modification', ...HTMLAttributes }, 0],
});

/** The containers whose children may carry suggestion marks (a whole paragraph or list item suggested), as in shared/model/proseMirrorSchema.ts. */
const CONTAINERS = new Set(['doc', 'blockquote', 'pullQuote', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableCell', 'tableHeader']);

/** A node of the model, allowing suggestion marks on its children when it is a container. */
export function withBlockSuggestions(extension: AnyExtension): AnyExtension {
  return extension.type === 'node' && CONTAINERS.has(extension.name) ? (extension as Node).extend({ marks: BLOCK_MARKS }) : extension;
}

export const suggestion = [Insertion, Deletion, Modification];
