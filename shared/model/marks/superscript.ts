import { simpleMark } from './simpleMark';

/** Superscript (m²): <sup> on the page. */
export const superscript = simpleMark('superscript', 'sup');
