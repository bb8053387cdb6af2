import type { ArticleStatus } from '../model/article';
import type { Permission } from './people';

/**
 * The newsroom's workflow, defined once: Draft → Submitted (“Chờ duyệt”) → In review → Changes
 * requested → Approved → Published, plus Spiked (“Bỏ”) and Archived. Each move names what it needs:
 * nothing (the reporter's own moves), or a permission of the policy (shared/review/people.ts).
 * The service refuses any other move; the editor offers only the moves the profile may make.
 */

export interface Transition {
  from: ArticleStatus;
  to: ArticleStatus;
  /** The permission the move needs; null: anyone working on the article. */
  needs: Permission | null;
}

const move = (from: ArticleStatus[], to: ArticleStatus, needs: Permission | null): Transition[] => from.map((f) => ({ from: f, to, needs }));

const BEFORE_PUBLISHING: ArticleStatus[] = ['draft', 'submitted', 'review', 'changes_requested', 'approved'];

export const transitions: readonly Transition[] = [
  // The reporter hands the article in, takes it back, and hands it in again after changes.
  ...move(['draft', 'changes_requested'], 'submitted', null),
  ...move(['submitted', 'changes_requested'], 'draft', null),
  // Editors review, send back, approve, and reopen an approval.
  ...move(['submitted', 'approved'], 'review', 'approve'),
  ...move(['submitted', 'review'], 'changes_requested', 'approve'),
  ...move(['submitted', 'review'], 'approved', 'approve'),
  // Publishing, taking off the site (back to approved), archiving and bringing back.
  ...move(['approved', 'archived'], 'published', 'publish'),
  ...move(['published'], 'approved', 'publish'),
  ...move(['published'], 'archived', 'publish'),
  // Spiking (dropping a story) and taking it back up as a draft.
  ...move(BEFORE_PUBLISHING, 'spiked', 'spike'),
  ...move(['spiked'], 'draft', 'spike'),
];

/** The move from one status to another, or undefined when the workflow has none. */
export function transitionOf(from: ArticleStatus, to: ArticleStatus): Transition | undefined {
  return transitions.find((t) => t.from === from && t.to === to);
}

/** The statuses an article in `from` can move to, for someone with the given permissions. */
export function nextStatuses(from: ArticleStatus, allowed: (permission: Permission) => boolean): ArticleStatus[] {
  return transitions.filter((t) => t.from === from && (t.needs === null || allowed(t.needs))).map((t) => t.to);
}

/** Statuses whose articles are finished with (not counted as due or overdue). */
export const CLOSED_STATUSES: ReadonlySet<ArticleStatus> = new Set(['published', 'spiked', 'archived']);

/** Whether an article is past its deadline (compared as times: a deadline may carry any offset) and not finished with. */
export function isOverdue(article: { dueAt: string | null; status: ArticleStatus }, now: Date): boolean {
  return article.dueAt !== null && Date.parse(article.dueAt) < now.getTime() && !CLOSED_STATUSES.has(article.status);
}

/** The shortest series of moves from one status to another (empty when already there; null when there is none). */
export function workflowPath(from: ArticleStatus, to: ArticleStatus): ArticleStatus[] | null {
  const previous = new Map<ArticleStatus, ArticleStatus | null>([[from, null]]);
  const queue: ArticleStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) {
      const path: ArticleStatus[] = [];
      for (let step: ArticleStatus | null = at; step !== null && step !== from; step = previous.get(step) ?? null) path.unshift(step);
      return path;
    }
    for (const t of transitions) {
      if (t.from === at && !previous.has(t.to)) {
        previous.set(t.to, at);
        queue.push(t.to);
      }
    }
  }
  return null;
}
