/**
 * Get the suggestion mark types from a schema, with proper error handling.
 * Throws an error if any of the required marks are not found.
 */ export function getSuggestionMarks(schema) {
    const { insertion, deletion, modification } = schema.marks;
    if (!insertion) {
        throw new Error("Failed to find insertion mark in schema. Did you forget to add it?");
    }
    if (!deletion) {
        throw new Error("Failed to find deletion mark in schema. Did you forget to add it?");
    }
    if (!modification) {
        throw new Error("Failed to find modification mark in schema. Did you forget to add it?");
    }
    return {
        insertion,
        deletion,
        modification
    };
}

/**
 * Newsdesk patch: suggestion ids are "<author>:<n>"; two ids are by the same person when the
 * part before the colon is the same (ids without one, as the library makes, always are).
 */ export function sameAuthor(a, b) {
    const authorOf = (id)=>typeof id === "string" && id.includes(":") ? id.slice(0, id.lastIndexOf(":")) : null;
    return authorOf(a) === authorOf(b);
}
