import { mergeAttributes, Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Wraps the selected paragraphs in a pull quote, or lifts them out of one. */
      togglePullQuote: () => ReturnType;
    };
  }
}

/** Twin of shared/model/blocks/pullQuote.ts: a short quotation set large beside the text, with an optional attribution. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addAttributes() {
    return {
      cite: {
        default: '',
        parseHTML: (element) => element.querySelector(':scope > figcaption')?.textContent?.trim() ?? '',
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure.pull-quote', contentElement: 'blockquote' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const cite = String(node.attrs.cite ?? '');
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'pull-quote' }),
      ['blockquote', 0],
      ...(cite ? [['figcaption', {}, cite]] : []),
    ] as DOMOutputSpec;
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    };
  },
});

export const pullQuote = [PullQuote];
