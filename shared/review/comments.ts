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

/** Who is saving: their profile's id and name (what a message or resolution made now must carry). */
export interface Author {
  id: string;
  name: string;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isBy = (entry: { by: string; profileId?: string }, author: Author) => entry.profileId === author.id && entry.by === author.name;

/**
 * Whether a save changes comments only as `author` may: no thread disappears, no message already
 * written changes, a new message or a resolution is in the author's own name (profile and name),
 * and reopening is anyone's. Anchors and quotes follow the text and may change. `author`
 * undefined: a library without profiles, one person's, where anything goes.
 */
export function commentsBy(before: readonly CommentThread[], after: readonly CommentThread[], author: Author | undefined): boolean {
  if (!author) return true;
  const next = new Map(after.map((thread) => [thread.id, thread]));
  if (before.some((thread) => !next.has(thread.id))) return false;
  const old = new Map(before.map((thread) => [thread.id, thread]));
  for (const thread of after) {
    const previous = old.get(thread.id);
    const written = new Map(previous?.messages.map((message) => [message.id, message]));
    const kept = new Set(thread.messages.map((message) => message.id));
    if (previous?.messages.some((message) => !kept.has(message.id))) return false;
    for (const message of thread.messages) {
      const was = written.get(message.id);
      if (was ? !sameJson(was, message) : !isBy(message, author)) return false;
    }
    if (!sameJson(thread.resolved, previous?.resolved ?? null) && thread.resolved !== null && !isBy(thread.resolved, author)) return false;
  }
  return true;
}

/**
 * Two copies of an article's threads merged by their ids (a bundle received where both sides
 * commented): every thread and every message of either, messages in time order; a thread's
 * resolution is the later of the two.
 */
export function mergeThreads(ours: readonly CommentThread[], theirs: readonly CommentThread[]): CommentThread[] {
  const merged = new Map(ours.map((thread) => [thread.id, thread]));
  for (const thread of theirs) {
    const mine = merged.get(thread.id);
    if (!mine) {
      merged.set(thread.id, thread);
      continue;
    }
    const messages = new Map(mine.messages.map((message) => [message.id, message]));
    for (const message of thread.messages) if (!messages.has(message.id)) messages.set(message.id, message);
    const resolved = !mine.resolved ? thread.resolved : !thread.resolved ? mine.resolved : mine.resolved.at >= thread.resolved.at ? mine.resolved : thread.resolved;
    merged.set(thread.id, { ...mine, messages: [...messages.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).slice(0, COMMENT_LIMITS.messages), resolved });
  }
  return [...merged.values()].slice(0, COMMENT_LIMITS.threads);
}
