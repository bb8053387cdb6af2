import { HorizontalRule } from '@tiptap/extension-horizontal-rule';

/** Twin of shared/model/blocks/horizontalRule.ts. */
export const horizontalRule = [HorizontalRule];
