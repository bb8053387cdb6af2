import { type MarkType, type ResolvedPos } from "prosemirror-model";
export declare function findSuggestionMarkEnd($pos: ResolvedPos, markType: MarkType): number;
