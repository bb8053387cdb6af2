import { HardBreak } from '@tiptap/extension-hard-break';

/** Twin of shared/model/blocks/hardBreak.ts (Shift+Enter). */
export const hardBreak = [HardBreak];
