import type { EditorState } from "prosemirror-state";
import { type DecorationSource } from "prosemirror-view";
export declare function getSuggestionDecorations(state: EditorState): DecorationSource;
