import { readFile } from 'node:fs/promises';
import { distance } from 'fastest-levenshtein';
import { Encoder, Index } from 'flexsearch';
import type { Article } from '../../shared/model/article';
import { bodyAsRejected } from '../../shared/review/suggestions';
import { bodyToPlainText } from '../../shared/model/body';
import { exactWords, foldedWords, parseQuery, type ParsedQuery } from '../../shared/text/search';
import { writeFileAtomic } from './atomicFile';

/**
 * The library's full-text index (FlexSearch): every article's headline, tags, sapo, byline,
 * captions and body, as a reader reads them (pending suggestions as if rejected).
 *
 * Two FlexSearch indexes: `folded` holds every word folded (no marks: how Vietnamese is typed in a
 * hurry), the headline first so that its words score best; `exact` holds the words of the short
 * fields (headline, sapo, tags, byline, captions) with their marks, to rank first what matches a
 * query as it was typed. FlexSearch keeps postings as arrays of small numbers: an article is a
 * slot number here, its id kept beside. A vocabulary of folded words (with how many articles use
 * each) lets a word being typed stand for the longer words it starts, and a mistyped word for the
 * known words one edit away.
 *
 * The index is a cache: saved as one file beside the library with the revision of every article
 * in it, loaded at open and brought up to date with what changed since (or built again when
 * missing or damaged).
 */

/** What the index keeps of an article (its fields' text). */
export interface SearchDoc {
  id: string;
  revision: number;
  headline: string;
  tags: readonly string[];
  sapo: string;
  byline: string;
  captions: readonly string[];
  body: string;
}

export function searchDocOf(article: Article): SearchDoc {
  return {
    id: article.id,
    revision: article.revision,
    headline: article.headline,
    tags: article.tags,
    sapo: article.sapo,
    byline: article.byline,
    captions: article.featuredImage?.caption ? [article.featuredImage.caption] : [],
    // (The body's text includes its photos' captions.)
    body: bodyToPlainText(bodyAsRejected(article.body)),
  };
}

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * What the index keeps of an article file read without its checks (search reads many at once:
 * parsing is what it costs, checking would cost twice that), or null when the file is not of the
 * current form (the caller then reads it the checked way). The text is only searched and shown
 * as text, never stored.
 */
export function searchDocOfUnchecked(json: unknown): SearchDoc | null {
  if (!json || typeof json !== 'object') return null;
  const article = json as Partial<Record<keyof Article, unknown>>;
  const { id, revision, headline, sapo, byline, tags, body, featuredImage } = article;
  if (!isText(id) || typeof revision !== 'number' || !isText(headline) || !isText(sapo) || !isText(byline)) return null;
  if (!Array.isArray(tags) || !tags.every(isText) || !body || typeof body !== 'object') return null;
  try {
    const caption = featuredImage && typeof featuredImage === 'object' ? (featuredImage as { caption?: unknown }).caption : undefined;
    return searchDocOf({ id, revision, headline, sapo, byline, tags, body, featuredImage: isText(caption) ? { caption } : null } as unknown as Article);
  } catch {
    return null;
  }
}

/** All of an article's text the index reads, one field a line. */
export function searchText(doc: SearchDoc): string {
  return [doc.headline, doc.tags.join(', '), doc.sapo, doc.byline, doc.captions.join('\n'), doc.body].join('\n');
}

const FILE_VERSION = 1;
/** Longer words a word being typed may stand for (the most used ones). */
const PREFIX_EXPANSIONS = 20;
/** FlexSearch's place scores: a word's place in an article, from 0 (the start) to RESOLUTION - 1. */
const RESOLUTION = 9;
const NOT_FOUND = 255;

/** How many articles' postings a group of words has (to look at the rarest first). */
function postingCount(map: IndexInternals['map'], words: readonly string[]): number {
  let count = 0;
  for (const word of words) for (const list of map.get(word) ?? []) count += list?.length ?? 0;
  return count;
}

/**
 * `fastupdate`: FlexSearch keeps, for each article, where its words are, so that replacing it at
 * a save does not search the whole index (about 30% more memory). FlexSearch cannot import into
 * such an index: a loaded one is imported plain and given that register afterwards (fastUpdates).
 */
const options = (fastupdate = true) => {
  // Words come folded or exact already (shared/text/search.ts): FlexSearch only splits on spaces.
  const encoder = new Encoder({ normalize: false, dedupe: false, numeric: false, split: ' ', minlength: 1 });
  return { encoder, tokenize: 'strict' as const, resolution: RESOLUTION, fastupdate };
};

/** FlexSearch's own fields that fastupdate uses (the names its export and import use too). */
interface IndexInternals {
  fastupdate: boolean;
  reg: Map<number, Array<number[]>> | Set<number>;
  map: Map<string, Array<number[] | null | undefined>>;
}

/** Gives an imported index the register of where each article's words are, as `fastupdate` keeps it. */
function fastUpdates(index: Index): Index {
  const internals = index as unknown as IndexInternals;
  const register = new Map<number, Array<number[]>>();
  for (const slots of internals.map.values()) {
    for (const list of slots) {
      if (!list) continue;
      for (const slot of list) {
        const lists = register.get(slot);
        if (lists) lists.push(list);
        else register.set(slot, [list]);
      }
    }
  }
  internals.reg = register;
  internals.fastupdate = true;
  return index;
}

export interface SearchHit {
  /** Article ids, best first. */
  ids: string[];
  /** The query as understood. */
  query: ParsedQuery;
  /** Longer words the last word stood for, and known words mistyped ones stood for (folded): for snippets. */
  alternatives: string[];
}

/** A search's articles by slot number (as the index's thread sends them: see ./searchThread.ts). */
export interface SlotHit extends Omit<SearchHit, 'ids'> {
  slots: Int32Array;
}

/** Every slot's article id, '' where none (removed, or numbered for an article whose file could not be read). */
export type SlotIds = readonly string[];

interface SavedIndex {
  version: number;
  ids: string[];
  revisions: number[];
  vocabulary: Array<[string, number]>;
  folded: Array<[string, string]>;
  exact: Array<[string, string]>;
}

export class SearchIndex {
  private folded = new Index(options());
  private exact = new Index(options());
  /** Slot → article id ('' when free), and back. */
  private ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private revisions: number[] = [];
  /** Folded word → articles using it (counted when added; a word no article uses any more only costs a lookup). */
  private readonly vocabulary = new Map<string, number>();
  /** The vocabulary sorted, for the words a typed start stands for (made again when needed). */
  private sortedWords: string[] | null = null;
  /** Changed since loaded or saved. */
  dirty = false;

  get size(): number {
    return this.slots.size;
  }

  /** The revision indexed for an article (undefined: not in the index). */
  revisionOf(id: string): number | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.revisions[slot];
  }

  /** Every slot's article id ('' where none). */
  slotIds(): SlotIds {
    return this.ids;
  }

  /** Ids in the index. */
  indexedIds(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** Adds or replaces an article (an older revision than the one indexed is ignored). */
  add(doc: SearchDoc, at?: number): void {
    const known = this.revisionOf(doc.id);
    if (known !== undefined && known > doc.revision) return;
    let slot = this.slots.get(doc.id);
    if (slot === undefined) {
      // (The slot chosen by the caller — ./searchThread.ts numbers them on its side — or the next one.)
      slot = at ?? this.ids.length;
      while (this.ids.length <= slot) this.ids.push('');
      this.ids[slot] = doc.id;
      this.slots.set(doc.id, slot);
    }
    this.revisions[slot] = doc.revision;
    const lead = [doc.headline, doc.tags.join(' . '), doc.sapo, doc.byline, doc.captions.join(' . ')];
    const words = foldedWords([...lead, doc.body].join('\n'));
    for (const word of new Set(words)) {
      const count = this.vocabulary.get(word);
      if (count === undefined) {
        this.vocabulary.set(word, 1);
        // (A new word: the sorted vocabulary is made again when next needed.)
        this.sortedWords = null;
      } else if (known === undefined) this.vocabulary.set(word, count + 1);
    }
    const method = known === undefined ? 'add' : 'update';
    this.folded[method](slot, words.join(' '));
    this.exact[method](slot, exactWords(lead.join('\n')).join(' '));
    this.dirty = true;
  }

  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    this.folded.remove(slot);
    this.exact.remove(slot);
    this.slots.delete(id);
    this.ids[slot] = '';
    this.dirty = true;
  }

  /**
   * The articles that have every word of a query (and every word of its phrases; whether they
   * stand together is for the caller to check in the text). Best first: what matches the marks as
   * typed, then FlexSearch's order (words early in the article, the headline first).
   */
  search(text: string): SearchHit {
    const { slots, query, alternatives } = this.searchSlots(text);
    return { ids: Array.from(slots, (slot) => this.ids[slot]!), query, alternatives };
  }

  /** The same as search(), the articles by slot number (see add()). */
  searchSlots(text: string): SlotHit {
    const query = parseQuery(text);
    const alternatives: string[] = [];
    if (query.words.length === 0) return { slots: new Int32Array(0), query, alternatives };
    const choices = query.words.map((word, index) => {
      const partial = query.lastIsPartial && index === query.words.length - 1;
      const found = this.vocabulary.has(word) ? [word] : [];
      const longer = partial ? this.wordsStartingWith(word) : [];
      const words = [...new Set([...found, ...longer])];
      if (words.length === 0) words.push(...this.nearWords(word));
      alternatives.push(...words.filter((w) => w !== word));
      return words;
    });
    if (choices.some((words) => words.length === 0)) return { slots: new Int32Array(0), query, alternatives };
    // Every query word (or one of the words it stands for) in the folded index, each article
    // scored by how early its words come (the headline first).
    const found = this.matching(this.folded, choices);
    // Typed with marks: what has those words so marked (headline, sapo, tags, byline, captions) first.
    const marked = query.exact.filter((word): word is string => word !== null);
    const exact = marked.length > 0 && found.size > 0 ? this.matching(this.exact, marked.map((word) => [word])) : null;
    // Best first: marks as typed, then the earliest words, then the article indexed last (a
    // counting sort: ranks are small numbers).
    const groups = choices.length;
    const { matched, score } = found;
    const rankOf = (slot: number) => (exact && exact.matched[slot] === marked.length ? 0 : 1 + groups * RESOLUTION) + score[slot]!;
    const counts = new Uint32Array(2 + 2 * groups * RESOLUTION);
    for (let slot = 0; slot < matched.length; slot++) if (matched[slot] === groups && this.ids[slot]) counts[rankOf(slot) + 1]!++;
    for (let rank = 1; rank < counts.length; rank++) counts[rank]! += counts[rank - 1]!;
    const slots = new Int32Array(counts[counts.length - 1]!);
    for (let slot = matched.length - 1; slot >= 0; slot--) if (matched[slot] === groups && this.ids[slot]) slots[counts[rankOf(slot)]!++] = slot;
    return { slots, query, alternatives };
  }

  /**
   * The articles having, for each group of words, one of them: read from FlexSearch's postings
   * (word → for each place score, the articles) into one counter and one score per article, which
   * keeps a search in a library of 100,000 articles to a few milliseconds however common its words
   * (FlexSearch's own intersection keeps an object of every candidate: some 20 ms).
   * `matched[slot]` is the number of groups found when all are; `score[slot]` sums their best places.
   */
  private matching(index: Index, groups: readonly (readonly string[])[]): { matched: Uint16Array; score: Uint16Array; size: number } {
    const slots = this.ids.length;
    const matched = new Uint16Array(slots);
    const score = new Uint16Array(slots);
    const best = new Uint8Array(slots).fill(NOT_FOUND);
    const map = (index as unknown as IndexInternals).map;
    let size = 0;
    // The group with fewest postings first: the later ones only look at what it found.
    const order = [...groups].sort((a, b) => postingCount(map, a) - postingCount(map, b));
    order.forEach((words, group) => {
      const touched: number[] = [];
      for (const word of words) {
        const places = map.get(word);
        if (!places) continue;
        for (let place = 0; place < places.length; place++) {
          const list = places[place];
          if (!list) continue;
          for (const slot of list) {
            if (matched[slot] !== group) continue;
            if (best[slot] === NOT_FOUND) touched.push(slot);
            if (place < best[slot]!) best[slot] = place;
          }
        }
      }
      for (const slot of touched) {
        matched[slot] = group + 1;
        score[slot] = score[slot]! + best[slot]!;
        best[slot] = NOT_FOUND;
      }
      size = touched.length;
    });
    return { matched, score, size };
  }

  /** Known words a typed start stands for, the most used first. */
  private wordsStartingWith(start: string): string[] {
    if (!this.sortedWords) this.sortedWords = [...this.vocabulary.keys()].sort();
    const words = this.sortedWords;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (words[mid]! < start) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < words.length && words[i]!.startsWith(start); i++) found.push(words[i]!);
    return found.sort((a, b) => (this.vocabulary.get(b) ?? 0) - (this.vocabulary.get(a) ?? 0)).slice(0, PREFIX_EXPANSIONS);
  }

  /** Known words one typing mistake away (two for long words), the most used first. */
  private nearWords(word: string): string[] {
    if (word.length < 3 || /^\d+$/.test(word)) return [];
    const most = word.length >= 8 ? 2 : 1;
    const near: string[] = [];
    for (const known of this.vocabulary.keys()) {
      if (Math.abs(known.length - word.length) > most) continue;
      if (distance(known, word) <= most) near.push(known);
    }
    return near.sort((a, b) => (this.vocabulary.get(b) ?? 0) - (this.vocabulary.get(a) ?? 0)).slice(0, 10);
  }

  /** Writes the index to `path` (atomically). */
  async save(path: string): Promise<void> {
    const folded: Array<[string, string]> = [];
    const exact: Array<[string, string]> = [];
    this.folded.export((key, data) => void folded.push([key, data]));
    this.exact.export((key, data) => void exact.push([key, data]));
    const revisions = Array.from(this.ids, (_, slot) => this.revisions[slot] ?? 0);
    const saved: SavedIndex = { version: FILE_VERSION, ids: this.ids, revisions, vocabulary: [...this.vocabulary], folded, exact };
    this.dirty = false;
    await writeFileAtomic(path, JSON.stringify(saved));
  }

  /** The index saved at `path`, or null when it is missing, damaged or of another version. */
  static async load(path: string): Promise<SearchIndex | null> {
    try {
      const saved = JSON.parse(await readFile(path, 'utf8')) as SavedIndex;
      if (saved.version !== FILE_VERSION || !Array.isArray(saved.ids) || !Array.isArray(saved.revisions) || saved.ids.length !== saved.revisions.length) return null;
      const index = new SearchIndex();
      index.folded = new Index(options(false));
      index.exact = new Index(options(false));
      for (const [key, data] of saved.folded) index.folded.import(key, data);
      for (const [key, data] of saved.exact) index.exact.import(key, data);
      fastUpdates(index.folded);
      fastUpdates(index.exact);
      index.ids = saved.ids.map(String);
      index.revisions = saved.revisions.map(Number);
      index.ids.forEach((id, slot) => {
        if (id) index.slots.set(id, slot);
      });
      for (const [word, count] of saved.vocabulary) index.vocabulary.set(String(word), Number(count));
      return index;
    } catch {
      return null;
    }
  }
}
