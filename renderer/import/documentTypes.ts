/**
 * What the Word/TXT import accepts, and its refusal: apart from the import itself
 * (./importDocument.ts, with mammoth and the editor's schema), which is read only when used.
 */
export class UnsupportedDocumentError extends Error {}

export const DOCUMENT_TYPES = '.docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';
