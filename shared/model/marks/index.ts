import { z } from 'zod';
import { unionOf } from '../blocks/spec';
import { bold } from './bold';
import { italic } from './italic';
import { link } from './link';
import { MAX_MODIFICATIONS, suggestionMarkSpecs } from './suggestion';
import { subscript } from './subscript';
import { superscript } from './superscript';

/**
 * Every mark of the article body, in nesting order (suggested edits outermost, ./suggestion.ts): a mark earlier in the list wraps the later
 * ones on the page (a link around bold text), and a text node's marks are stored in this order.
 * The editor registers its twins in the same order (renderer/editor/model/).
 */
export const markSpecs = [...suggestionMarkSpecs, link, bold, italic, subscript, superscript] as const;

export const markSchema = unionOf(markSpecs);
export type Mark = z.output<typeof markSchema>;

/** A text node's (or line break's) marks: each at most once (suggested modifications excepted). */
export const marksField = z.array(markSchema).max(markSpecs.length + MAX_MODIFICATIONS).optional();
