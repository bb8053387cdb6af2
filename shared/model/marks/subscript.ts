import { simpleMark } from './simpleMark';

/** Subscript (CO₂): <sub> on the page. */
export const subscript = simpleMark('subscript', 'sub');
