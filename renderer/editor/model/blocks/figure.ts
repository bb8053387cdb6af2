import { mergeAttributes, Node } from '@tiptap/core';

export interface FigureAttrs {
  assetId: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface FigureOptions {
  /** Where the editor loads an asset from (app:// in Electron, the web host otherwise). */
  assetUrl: (assetId: string) => string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attrs: FigureAttrs) => ReturnType;
    };
  }
}

/**
 * Twin of shared/model/blocks/figure.ts. A photo in the body: the image (an asset of the
 * library), its caption, credit and alt text. Its text, for counting, is its caption (as the
 * model's plain text).
 */
export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { assetUrl: (assetId: string) => `assets/${assetId}` };
  },

  addAttributes() {
    const fromCaption = (selector: string) => (element: HTMLElement) =>
      element.querySelector(`figcaption ${selector}`)?.textContent?.trim() ?? '';
    return {
      assetId: { default: '', parseHTML: (element) => element.getAttribute('data-asset-id') ?? '', renderHTML: () => ({}) },
      alt: { default: '', parseHTML: (element) => element.querySelector('img')?.getAttribute('alt') ?? '', renderHTML: () => ({}) },
      caption: { default: '', parseHTML: fromCaption('.caption'), renderHTML: () => ({}) },
      credit: { default: '', parseHTML: fromCaption('.credit'), renderHTML: () => ({}) },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-asset-id]' }];
  },

  renderText({ node }) {
    return String(node.attrs.caption ?? '');
  },

  renderHTML({ node, HTMLAttributes }) {
    const { assetId, alt, caption, credit } = node.attrs as FigureAttrs;
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { 'data-asset-id': assetId, class: 'figure' }),
      ['img', { src: this.options.assetUrl(assetId), alt }],
      ['figcaption', {}, ['span', { class: 'caption' }, caption], ' ', ['span', { class: 'credit' }, credit]],
    ];
  },

  addCommands() {
    return {
      // The photo, then a paragraph to go on typing in (so the next keystroke cannot replace the photo).
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent([{ type: this.name, attrs }, { type: 'paragraph' }]),
    };
  },
});

export const figure = (options: Partial<FigureOptions> = {}) => [Figure.configure(options)];
