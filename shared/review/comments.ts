import { z } from 'zod';
import { isoDateTime, text } from '../model/fields';

/**
 * Comments on an article: threads anchored to a range of the body's text, with replies, resolved
 * and reopened. The anchor is a ProseMirror range of the body (the editor maps it through every
 * edit, renderer/editor/extensions/CommentAnchors.ts) and the text it covered when it was last
 * placed (`quote`): when the range's text is deleted the thread is kept, detached, with its
 * quote. Comments live in the article's JSON and never reach a page.
 */

export const COMMENT_LIMITS = { text: 5000, quote: 1000, threads: 2000, messages: 500 } as const;

export const commentMessageSchema = z.strictObject({
  id: z.string().min(1).max(64),
  by: text(120),
  profileId: z.string().max(64).optional(),
  at: isoDateTime,
  text: text(COMMENT_LIMITS.text).pipe(z.string().trim().min(1)),
});
export type CommentMessage = z.infer<typeof commentMessageSchema>;

export const commentThreadSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    /** Where it is in the body (ProseMirror positions); null once its text was deleted (detached). */
    anchor: z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) }).nullable(),
    /** The text the comment is about, as it was when last anchored. */
    quote: text(COMMENT_LIMITS.quote),
    messages: z.array(commentMessageSchema).min(1).max(COMMENT_LIMITS.messages),
    resolved: z.strictObject({ at: isoDateTime, by: text(120), profileId: z.string().max(64).optional() }).nullable(),
  })
  .refine((thread) => thread.anchor === null || thread.anchor.from < thread.anchor.to, { message: 'an anchor covers some text', path: ['anchor'] });
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const commentsField = z.array(commentThreadSchema).max(COMMENT_LIMITS.threads);

/** Threads not yet resolved. */
export const openThreads = (threads: readonly CommentThread[]): CommentThread[] => threads.filter((thread) => thread.resolved === null);

/** Text a quote keeps of a longer range: its start, cut at a word, with an ellipsis. */
export function quoteOf(text: string): string {
  const clean = text.replace(/\u200B/g, '').replace(/\s+/g, ' ').trim();
  if (clean.length <= COMMENT_LIMITS.quote) return clean;
  const cut = clean.slice(0, COMMENT_LIMITS.quote - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > COMMENT_LIMITS.quote / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Messages and resolutions another person's save may not make in someone's name: the new messages
 * (ids not in `before`) and changed resolutions must carry the saver's profile. Returns whether
 * every one does.
 */
export function commentsBy(before: readonly CommentThread[], after: readonly CommentThread[], profileId: string | undefined): boolean {
  if (!profileId) return true;
  const old = new Map(before.map((thread) => [thread.id, thread]));
  for (const thread of after) {
    const previous = old.get(thread.id);
    const known = new Set(previous?.messages.map((message) => message.id));
    for (const message of thread.messages) if (!known.has(message.id) && message.profileId !== profileId) return false;
    if (thread.resolved && JSON.stringify(thread.resolved) !== JSON.stringify(previous?.resolved ?? null) && thread.resolved.profileId !== profileId) return false;
  }
  return true;
}
