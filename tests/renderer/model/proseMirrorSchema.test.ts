// @vitest-environment happy-dom
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { bodyProseMirrorSchema } from '../../../shared/model/proseMirrorSchema';
import { articleExtensions } from '../../../renderer/editor/articleExtensions';

/** shared/model/proseMirrorSchema.ts restates the editor's schema without the DOM: they must agree in everything that shapes a document. */
const nodeShape = (schema: Schema) =>
  Object.fromEntries(
    Object.entries(schema.nodes).map(([name, type]) => [
      name,
      {
        content: type.spec.content ?? '',
        group: type.spec.group ?? '',
        // The marks a node's children may carry ('_' and undefined differ only for inline content, where both allow all).
        marks: type.isTextblock ? 'inline' : (type.spec.marks ?? ''),
        inline: type.isInline,
        atom: type.isAtom,
        attrs: Object.fromEntries(Object.entries(type.spec.attrs ?? {}).map(([key, spec]) => [key, (spec as { default?: unknown }).default])),
      },
    ]),
  );
const markShape = (schema: Schema) =>
  Object.entries(schema.marks).map(([name, type]) => ({
    name,
    inclusive: type.spec.inclusive ?? true,
    excludes: type.spec.excludes ?? name,
    attrs: Object.keys(type.spec.attrs ?? {}).sort(),
  }));

describe('the shared ProseMirror schema of the body', () => {
  const editor = getSchema(articleExtensions({ assetUrl: (id) => id }));
  it('has the editor’s nodes, with the same content, groups, marks and attributes', () => {
    expect(nodeShape(bodyProseMirrorSchema)).toEqual(nodeShape(editor));
  });
  it('has the editor’s marks, in the same order, with the same rules', () => {
    expect(markShape(bodyProseMirrorSchema)).toEqual(markShape(editor));
  });
});
