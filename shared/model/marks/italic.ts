import { simpleMark } from './simpleMark';

/** Italic: <em> on the page. */
export const italic = simpleMark('italic', 'em');
