export { addSuggestionMarks, insertion, deletion, modification } from "./schema.js";
export { selectSuggestion, revertSuggestion, revertSuggestions, applySuggestion, applySuggestions, enableSuggestChanges, disableSuggestChanges, toggleSuggestChanges } from "./commands.js";
export { suggestChanges, suggestChangesKey, isSuggestChangesEnabled } from "./plugin.js";
export { withSuggestChanges, transformToSuggestionTransaction } from "./withSuggestChanges.js";
// Newsdesk patch: where text typed at a position goes (the end of a suggested deletion there), for
// the editor to start an input method's composition at that place.
export { findSuggestionMarkEnd } from "./findSuggestionMarkEnd.js";
