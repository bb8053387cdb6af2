import { generateJSON } from '@tiptap/core';
import mammoth from 'mammoth';
import type { NewsdeskApi } from '../../shared/api/contract';
import type { BodyDoc } from '../../shared/model/body';
import type { CanonicalNote } from '../../shared/model/blocks/spec';
import { canonicalBody } from '../../shared/model/canonicalBody';
import { splitHeadlineAndSapo } from '../../shared/model/importedArticle';
import type { LegacyEncoding } from '../../shared/text/legacyEncodings';
import { articleExtensions } from '../editor/articleExtensions';
import { cleanPastedHtml } from '../editor/paste/cleanPastedHtml';
import { cleanPastedText } from '../editor/paste/cleanText';

export interface ImportedDocument {
  headline: string;
  sapo: string;
  body: BodyDoc;
  images: number;
  /** Images the document had that could not be added (a format other than JPEG, PNG, WebP, GIF). */
  skippedImages: number;
  converted: LegacyEncoding | null;
  /** What could not be kept as it was (an unsupported block made a paragraph…), for the user. */
  notes: CanonicalNote[];
}

export class UnsupportedDocumentError extends Error {}

export const DOCUMENT_TYPES = '.docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

const baseName = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * A Word (.docx) or text file as an article's headline, sapo and body, through the same cleanup
 * as a paste. Images in the document are added to the library first.
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
    return { ...splitHeadlineAndSapo(body, baseName(file.name)), images: 0, skippedImages: 0, converted: cleaned.converted, notes: [] };
  }
  if (!name.endsWith('.docx')) throw new UnsupportedDocumentError(file.name);

  let images = 0;
  let skippedImages = 0;
  const { value: html } = await mammoth.convertToHtml(
    { arrayBuffer: await file.arrayBuffer() },
    {
      convertImage: mammoth.images.imgElement(async (image) => {
        const result = await api.importAsset({ fileName: `${baseName(file.name)}-${images + 1}`, dataBase64: await image.read('base64') });
        if (!result.ok) {
          skippedImages++;
          return { src: '' };
        }
        images++;
        return { src: `asset:${result.value.assetId}` };
      }),
    },
  );
  const cleaned = cleanPastedHtml(html, { allowFigures: true });
  const { body, notes } = canonicalBody(generateJSON(cleaned.html, articleExtensions()));
  return { ...splitHeadlineAndSapo(body, baseName(file.name)), images, skippedImages, converted: cleaned.converted, notes };
}
