import { generateJSON, type JSONContent } from '@tiptap/core';
import { announceImagesQueued } from '../components/ImageProgress';
import mammoth from 'mammoth';
import type { NewsdeskApi } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import type { BodyDoc } from '../../shared/model/body';
import type { CanonicalNote } from '../../shared/model/blocks/spec';
import { canonicalBody } from '../../shared/model/canonicalBody';
import { altFromCaption, splitHeadlineAndSapo, splitImportedArticle } from '../../shared/model/importedArticle';
import type { LegacyEncoding } from '../../shared/text/legacyEncodings';
import { articleExtensions } from '../editor/articleExtensions';
import { cleanPastedHtml } from '../editor/paste/cleanPastedHtml';
import { cleanPastedText } from '../editor/paste/cleanText';
import { DOCUMENT_TYPES, UnsupportedDocumentError } from './documentTypes';
import { readDocxConventions, type DocxConventions, type DocxElement, type PictureCaption } from './docxConventions';

export interface ImportedDocument {
  headline: string;
  sapo: string;
  /** The byline, from a short right-aligned last line (.docx), or ''. */
  byline: string;
  /** The photo that came before the body text (.docx), with the caption under it, or null. */
  featuredImage: Article['featuredImage'];
  body: BodyDoc;
  images: number;
  /** Images the document had that could not be added (a format other than JPEG, PNG, WebP, GIF). */
  skippedImages: number;
  converted: LegacyEncoding | null;
  /** What could not be kept as it was (an unsupported block made a paragraph…), for the user. */
  notes: CanonicalNote[];
}

export { DOCUMENT_TYPES, UnsupportedDocumentError };

const baseName = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * A Word (.docx) or text file as an article's headline, sapo and body, through the same cleanup
 * as a paste. Images in the document are added to the library first. A Word document also follows
 * the newsroom's conventions (./docxConventions.ts): the caption under a picture is its caption
 * and credit, a picture before the body text is the featured photo, a short right-aligned last
 * line is the byline.
 */
export async function importDocument(file: File, api: NewsdeskApi): Promise<ImportedDocument> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.txt')) {
    const cleaned = cleanPastedText(await file.text());
    const body: BodyDoc = {
      type: 'doc',
      content: cleaned.text
        .split('\n')
        .filter(Boolean)
        .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
    };
    return { ...splitHeadlineAndSapo(body, baseName(file.name)), byline: '', featuredImage: null, images: 0, skippedImages: 0, converted: cleaned.converted, notes: [] };
  }
  if (!name.endsWith('.docx')) throw new UnsupportedDocumentError(file.name);

  let images = 0;
  let skippedImages = 0;
  let conventions: DocxConventions = { document: { type: 'document' }, byline: '', captions: new Map() };
  // Each picture stored, in the document's order, with the caption read under it.
  const order = new Map<DocxElement, number>();
  const stored: Array<{ index: number; assetId: string; caption: PictureCaption | undefined }> = [];
  const { value: html } = await mammoth.convertToHtml(
    { arrayBuffer: await file.arrayBuffer() },
    {
      transformDocument: (document: DocxElement) => {
        conventions = readDocxConventions(document);
        const visit = (element: DocxElement) => {
          if (element.type === 'image') order.set(element, order.size);
          element.children?.forEach(visit);
        };
        visit(conventions.document);
        return conventions.document;
      },
      convertImage: mammoth.images.imgElement(async (image) => {
        const result = await api.importAsset({ fileName: `${baseName(file.name)}-${images + 1}`, dataBase64: await image.read('base64') });
        if (!result.ok) {
          skippedImages++;
          return { src: '' };
        }
        images++;
        announceImagesQueued();
        const element = image as unknown as DocxElement;
        stored.push({ index: order.get(element) ?? order.size, assetId: result.value.assetId, caption: conventions.captions.get(element) });
        return { src: `asset:${result.value.assetId}` };
      }),
    },
  );
  const cleaned = cleanPastedHtml(html, { allowFigures: true });
  const json = generateJSON(cleaned.html, articleExtensions());
  // The photos the cleanup made, in order, get the captions read under their pictures.
  const captions = new Map<string, Array<PictureCaption | undefined>>();
  for (const { assetId, caption } of stored.sort((a, b) => a.index - b.index)) captions.set(assetId, [...(captions.get(assetId) ?? []), caption]);
  const addCaptions = (node: JSONContent) => {
    const assetId = node.attrs?.assetId;
    if (node.type === 'figure' && typeof assetId === 'string') {
      const caption = captions.get(assetId)?.shift();
      if (caption) node.attrs = { ...node.attrs, ...caption, alt: node.attrs?.alt || altFromCaption(caption.caption) };
    }
    node.content?.forEach(addCaptions);
  };
  addCaptions(json);
  const { body, notes } = canonicalBody(json);
  return { ...splitImportedArticle(body, baseName(file.name)), byline: conventions.byline, images, skippedImages, converted: cleaned.converted, notes };
}
