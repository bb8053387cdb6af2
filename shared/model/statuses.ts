/** An article's statuses, in the workflow's order (./article.ts builds its schema from these; light enough for the window's first moments). */
export const articleStatuses = ['draft', 'submitted', 'review', 'changes_requested', 'approved', 'published', 'spiked', 'archived'] as const;
