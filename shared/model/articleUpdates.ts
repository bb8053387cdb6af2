import { slugify } from '../text/vietnamese';
import { ARTICLE_SCHEMA_VERSION, type Article, type ArticleFields, type ArticleStatus } from './article';
import { emptyBody } from './body';

/**
 * Every way an article changes, as pure functions (after Excalidraw's updaters): the service
 * decides whether a change is allowed and where it is written; these say what the new article
 * is. The revision, `updatedAt` and the history entry move in one place, `revise`.
 */

/** Who changes the article (a name, and their profile's id when they chose one), and when (ISO time). */
export interface Actor {
  at: string;
  by: string;
  profileId?: string;
}

/** The history entry's record of who acted. */
const who = (actor: Actor) => ({ by: actor.by, ...(actor.profileId ? { profileId: actor.profileId } : {}) });

type HistoryEvent = Article['history'][number];

/** An article's editable fields with nothing in them. */
function blankFields(): ArticleFields {
  return {
    headline: '',
    sapo: '',
    byline: '',
    section: '',
    tags: [],
    featuredImage: null,
    body: emptyBody(),
    assignee: '',
    dueAt: null,
    related: [],
    comments: [],
    suggestions: [],
  };
}

/** A new draft, revision 1, with its "created" history entry. */
export function newArticle(init: { id: string; slug?: string; fields?: Partial<ArticleFields> }, actor: Actor): Article {
  return {
    ...blankFields(),
    ...init.fields,
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: init.id,
    slug: init.slug ?? '',
    status: 'draft',
    createdAt: actor.at,
    updatedAt: actor.at,
    publishedAt: null,
    trashedAt: null,
    revision: 1,
    history: [{ at: actor.at, kind: 'created', from: null, to: 'draft', ...who(actor) }],
  };
}

/** The next revision of an article: the patch applied, revision + 1, `updatedAt` now, and the event (if any) in its history. */
function revise(article: Article, patch: Partial<Article>, actor: Actor, event?: Pick<HistoryEvent, 'kind' | 'from' | 'to' | 'note'>): Article {
  return {
    ...article,
    ...patch,
    revision: article.revision + 1,
    updatedAt: actor.at,
    history: event ? [...article.history, { at: actor.at, ...who(actor), ...event }] : article.history,
  };
}

/** A reporter's edits (an autosave or a named save). The slug, when given, has been checked by the caller. */
export function applyChanges(article: Article, changes: Partial<ArticleFields> & { slug?: string }, actor: Actor): Article {
  return revise(article, changes, actor);
}

/** Whether an article may be published: it needs a headline, and so a slug (its page's address). */
export function canPublish(article: Pick<Article, 'headline' | 'slug'>): boolean {
  return article.slug !== '' && article.headline.trim() !== '';
}

/** A move through the workflow, with the mover's note if any; the first publication stamps `publishedAt`. */
export function changeStatus(article: Article, status: ArticleStatus, actor: Actor, note = ''): Article {
  if (article.status === status) return article;
  return revise(
    article,
    { status, publishedAt: status === 'published' && article.publishedAt === null ? actor.at : article.publishedAt },
    actor,
    { kind: 'status', from: article.status, to: status, ...(note.trim() ? { note: note.trim() } : {}) },
  );
}

/** To the trash, or back from it (the status is kept). */
export function setTrashed(article: Article, trashed: boolean, actor: Actor): Article {
  if ((article.trashedAt !== null) === trashed) return article;
  return revise(article, { trashedAt: trashed ? actor.at : null }, actor, {
    kind: trashed ? 'trashed' : 'restored',
    from: article.status,
    to: article.status,
  });
}

/** The profile that created the article (null when none was chosen, or before profiles existed). */
export function authorProfileId(article: Pick<Article, 'history'>): string | null {
  return article.history.find((event) => event.kind === 'created')?.profileId ?? null;
}

/** A slug still follows its headline until someone edits it by hand (or the article is published). */
export function isDerivedSlug(article: Pick<Article, 'status' | 'slug' | 'headline'>): boolean {
  if (article.status === 'published') return false;
  if (article.slug === '') return true;
  const base = slugify(article.headline);
  return article.slug === base || new RegExp(`^${base}-\\d+$`).test(article.slug);
}
