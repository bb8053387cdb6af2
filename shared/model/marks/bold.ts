import { simpleMark } from './simpleMark';

/** Bold: <strong> on the page. */
export const bold = simpleMark('bold', 'strong');
