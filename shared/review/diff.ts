import { diffArrays } from 'diff';
import type { BodyDoc } from '../model/body';
import { bodyAsRejected } from './suggestions';
import { stableStringify } from '../text/stableStringify';
import { countWords } from '../text/vietnamese';
import { bodyPieces, type BodyPiece } from './bodyPieces';

/**
 * What changed between two revisions of an article, for the editors and the legal desk: every
 * field, and the body block by block (a paragraph edited, split, merged, moved, restyled, a photo's
 * caption rewritten), with the words that changed inside each block.
 *
 * How the body is compared: its pieces (./bodyPieces: paragraphs, headings, quotes' paragraphs,
 * list items, table cells, photos, rules) are aligned first, whole, on their structure and text
 * (jsdiff's diffArrays on interned keys), so an unchanged paragraph costs one comparison. Only the
 * pieces between two aligned ones (a "gap") are looked at more closely: exact text found removed
 * in another gap is a move; in the gap, a removed piece is paired with the added one(s) it became
 * (split, merged, modified, formatted) by a monotone walk with a small look-ahead window, and only
 * paired pieces are diffed word by word. The walk's cost is linear in the size of the gap (a
 * window of LOOKAHEAD pieces, a budget of word diffs per gap), so a large insertion or a
 * rewritten section cannot make it quadratic. A table cell rewritten beyond recognition is still
 * paired with the cell in the same column when nothing nearer in the window is as alike (a cell
 * holds its place). Last, the text pieces the walks left whole (deleted in one gap, inserted in
 * another) are paired when nearly identical: a paragraph moved and edited (findEditedMoves, its
 * candidates limited by syllable count and a budget of comparisons, so it stays linear too).
 *
 * Tokens (see tokenize): Vietnamese words are syllables separated by spaces, so a token is a
 * syllable, a run of whitespace or one punctuation character; a tone mark moved ("hòa" → "hoà")
 * is one syllable deleted and one inserted.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  /** the text; '\n' is a line break (a hard break inside a paragraph) or, with `boundary`, the join between two pieces */
  text: string;
  /**
   * set only on the part that marks the join between the pieces of a split (op insert) or a merge
   * (op delete): its text is '\n', so joining the parts still rebuilds both texts, but it is not a
   * line break typed in the text (that is a '\n' part without `boundary`)
   */
  boundary?: true;
  /** equal text whose formatting (marks: bold, italic, link…) changed between the versions */
  formatChanged?: boolean;
  /** an inserted or deleted run that appears deleted/inserted elsewhere in the same comparison (a moved sentence or quote): same `moveId` on both ends */
  moveId?: number;
}

export type ArticleField =
  | 'headline'
  | 'sapo'
  | 'byline'
  | 'section'
  | 'tags'
  | 'slug'
  | 'status'
  | 'featuredImage'
  | 'featuredAlt'
  | 'featuredCaption'
  | 'featuredCredit';
export type FieldDiff =
  | { field: ArticleField; kind: 'text'; changed: boolean; parts: DiffPart[] }
  | { field: ArticleField; kind: 'value'; changed: boolean; before: string; after: string }
  | { field: 'tags'; kind: 'list'; changed: boolean; added: string[]; removed: string[]; kept: string[] };

export type BlockChange = 'equal' | 'inserted' | 'deleted' | 'modified' | 'formatted' | 'split' | 'merged' | 'moved' | 'movedAway';
export interface PieceRef {
  path: number[];
  kind: 'text' | 'figure' | 'rule';
  /** the piece's type, e.g. paragraph, heading, figure, rule */
  type: string;
  /** container types outermost first, e.g. ['blockquote'] or ['bulletList','listItem'] */
  context: string[];
  /** a text piece's text, a photo's caption, '' for a rule */
  text: string;
  /** the piece's own attributes when it has any (a heading's level) */
  attrs?: Record<string, unknown>;
  /** a photo's image */
  assetId?: string;
}
export interface BlockDiff {
  change: BlockChange;
  /** the piece(s) in the older version: empty for 'inserted'; several for 'merged' */
  before: PieceRef[];
  /** the piece(s) in the newer version: empty for 'deleted' and 'movedAway'; several for 'split' */
  after: PieceRef[];
  /**
   * Word-level parts over the joined texts (a photo: its caption's). Equal text with equal marks
   * is one 'equal' part; 'inserted' is one insert part, 'deleted' one delete part (none for an
   * empty paragraph); 'movedAway' one delete part with the entry's moveId. 'moved' is one insert
   * part with the entry's moveId when the text moved unchanged; when it was also edited (a text
   * piece at least CLEAR_PAIR alike, e.g. a figure corrected in a paragraph moved to the end) its
   * parts are those of a 'modified' entry, before against after: 'equal' parts for the text kept
   * and insert/delete parts, without moveId, for the edit (only those count in the stats). For
   * split/merged a part with text '\n' and `boundary: true` (op insert for a split, delete for a
   * merge) marks each boundary between the pieces.
   */
  parts: DiffPart[];
  /** photos (either side a photo): what changed; assetChanged only when both sides are photos of different images */
  figure?: { assetChanged: boolean; alt: DiffPart[]; caption: DiffPart[]; credit: DiffPart[] };
  /** 'moved' (at its new place, before+after filled) and 'movedAway' (at its old place, before only) share an id */
  moveId?: number;
  /** a heading level, list type or container changed (formatted also covers marks changes with equal text) */
  typeChanged?: boolean;
}
export interface DiffStats {
  /** syllables (countWords) inserted and deleted, in the text fields and the body (a photo: alt, caption and credit); moved text counts in neither */
  insertions: number;
  deletions: number;
  /** number of navigable changes: changed fields + body entries that are not 'equal' */
  changes: number;
}
export interface ArticleDiff {
  /** every field, in the order of ArticleField, changed or not */
  fields: FieldDiff[];
  /** in reading order of the AFTER version, with deleted/movedAway entries placed where they were */
  body: BlockDiff[];
  stats: DiffStats;
}
export interface DiffableArticle {
  headline: string;
  sapo: string;
  byline: string;
  section: string;
  tags: string[];
  slug: string;
  status: string;
  featuredImage: { assetId: string; alt: string; caption: string; credit: string } | null;
  body: BodyDoc;
}

// ---------------------------------------------------------------------------------------------
// Tokens

/**
 * Tokens, in order, that join back into the text:
 * - a number with inner separators, as one token: 1.234.567, 3,5, 20/11/2024, 7:30 (a changed
 *   figure or date reads as one change);
 * - a word: letters, combining marks and digits, with inner apostrophes and hyphens kept inside
 *   (M'nông, Đắk R'lấp, COVID-19, Ma-lai-xi-a) — one syllable for countWords too;
 * - a run of whitespace (a line break included);
 * - any other single character (punctuation, a dash, a quotation mark, an emoji).
 */
const TOKEN = /\p{N}+(?:[.,:/]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*|\s+|[^\p{L}\p{M}\p{N}\s]/gu;
const WORD = /^[\p{L}\p{M}\p{N}]/u;
const SPACE = /^\s/u;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Word-level diff

/** The join between the pieces of a split or merge: a token no text can hold (text has no control characters). */
const BOUNDARY = '\u0000';
const isWord = (token: string) => WORD.test(token);
const isSpace = (token: string) => token !== BOUNDARY && SPACE.test(token);

interface Seg {
  op: DiffOp;
  tokens: string[];
}

/** A similarity at or above which two pieces are the same piece edited (Dice over syllables). */
const PAIR_SIMILARITY = 0.5;
/** At or above this, a pair is clearly the same piece edited: no split, merge or better partner is looked for. */
const CLEAR_PAIR = 0.9;
/** A split or merge with small edits: the one piece against the others joined. */
const SPLIT_SIMILARITY = 0.8;
/** Pieces at most this far ahead in a gap are considered as partners. */
const LOOKAHEAD = 6;
/** At most this many pieces make a split or merge. */
const MAX_SPLIT = 12;
/** Word diffs tried to pair pieces in one gap: a few per piece, so a rewritten section stays linear. */
const WORD_DIFFS_BASE = 16;
const WORD_DIFFS_PER_PIECE = 1;
/** Runs of at least this many syllables found both deleted and inserted in one text are a move… */
const MOVE_MIN_SYLLABLES = 3;
/** …and between two blocks, longer ones only (a sentence, not a common phrase like "Ủy ban nhân dân thành phố"). */
const CROSS_BLOCK_MOVE_MIN_SYLLABLES = 6;
/**
 * A piece moved and edited: a text piece left deleted in one gap and one left inserted in another,
 * at least CLEAR_PAIR alike and of at least CROSS_BLOCK_MOVE_MIN_SYLLABLES syllables. Only pieces
 * whose syllable counts are within EDITED_MOVE_SIZE of each other can be that alike (Dice ≥ 0.9
 * needs the shorter at least 0.82 of the longer); per inserted piece the EDITED_MOVE_SCAN nearest
 * in size are looked at, and the whole search compares at most a few pairs per piece.
 */
const EDITED_MOVE_SIZE = 0.2;
const EDITED_MOVE_SCAN = 32;
const EDITED_MOVE_COMPARISONS_BASE = 64;
const EDITED_MOVE_COMPARISONS_PER_PIECE = 8;

/**
 * Token diff with a readable shape: whitespace left equal between changes of a run that both
 * deletes and inserts is folded into the change ("a b" → "x y" is one deletion and one insertion,
 * not four), and in each run of changes the deletion comes before the insertion.
 */
function diffTokens(before: string[], after: string[]): Seg[] {
  const changes = diffArrays(before, after);
  const segs: Seg[] = changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', tokens: c.value }));
  const out: Seg[] = [];
  let i = 0;
  while (i < segs.length) {
    const seg = segs[i]!;
    if (seg.op === 'equal') {
      out.push(seg);
      i++;
      continue;
    }
    const run: Seg[] = [];
    let j = i;
    while (j < segs.length) {
      const s = segs[j]!;
      const foldable = s.op === 'equal' && s.tokens.every(isSpace) && j + 1 < segs.length && segs[j + 1]!.op !== 'equal';
      if (s.op !== 'equal' || foldable) {
        run.push(s);
        j++;
      } else break;
    }
    const deletes = run.some((s) => s.op === 'delete');
    const inserts = run.some((s) => s.op === 'insert');
    if (deletes && inserts) {
      const del = run.flatMap((s) => (s.op === 'insert' ? [] : s.tokens));
      const ins = run.flatMap((s) => (s.op === 'delete' ? [] : s.tokens));
      // Tokens the two sides still share at their ends (the space after a replaced word) stay equal.
      let head = 0;
      while (head < del.length && head < ins.length && del[head] === ins[head]) head++;
      let tail = 0;
      while (tail < del.length - head && tail < ins.length - head && del[del.length - 1 - tail] === ins[ins.length - 1 - tail]) tail++;
      if (head) out.push({ op: 'equal', tokens: del.slice(0, head) });
      out.push({ op: 'delete', tokens: del.slice(head, del.length - tail) }, { op: 'insert', tokens: ins.slice(head, ins.length - tail) });
      if (tail) out.push({ op: 'equal', tokens: del.slice(del.length - tail) });
    } else out.push(...run);
    i = j;
  }
  return slide(out);
}

/**
 * A word inserted or deleted between two spaces may be shown with either space; the diff shows it
 * with the space after it ("TP " inserted before "Thủ Đức"), as a reader types it, wherever the text
 * allows.
 */
function slide(segs: Seg[]): Seg[] {
  for (let k = 1; k < segs.length - 1; k++) {
    const [prev, seg, next] = [segs[k - 1]!, segs[k]!, segs[k + 1]!];
    if (seg.op === 'equal' || prev.op !== 'equal' || next.op !== 'equal') continue;
    while (seg.tokens.length > 1 && next.tokens.length > 0 && isSpace(seg.tokens[0]!) && seg.tokens[0] === next.tokens[0]) {
      prev.tokens.push(seg.tokens.shift()!);
      seg.tokens.push(next.tokens.shift()!);
    }
  }
  return segs.filter((seg) => seg.tokens.length > 0);
}

/**
 * The units (syllables) two texts share in order, over the units of both (Dice), from jsdiff's
 * diff of the unit sequences; 0 as soon as it cannot reach `threshold` (the diff gives up at the
 * edit length that rules it out, so two unrelated paragraphs cost little).
 */
function unitSimilarity(before: readonly string[], after: readonly string[], threshold: number): number {
  const total = before.length + after.length;
  if (total === 0) return 1;
  const changes = diffArrays(before as string[], after as string[], { maxEditLength: Math.floor((1 - threshold) * total) });
  if (!changes) return 0;
  let common = 0;
  for (const change of changes) if (!change.added && !change.removed) common += change.count;
  return (2 * common) / total;
}

/** The units a similarity counts: syllables, or, when neither side has one, the other non-space tokens. */
function units(before: readonly string[], after: readonly string[]): [string[], string[]] {
  const words = [before.filter(isWord), after.filter(isWord)] as [string[], string[]];
  if (words[0].length + words[1].length > 0) return words;
  return [before.filter((t) => t !== BOUNDARY && !isSpace(t)), after.filter((t) => t !== BOUNDARY && !isSpace(t))];
}

/** Marks per character: an id per distinct set of marks (-1 at a boundary), to find equal text whose formatting changed. */
type Signature = Int32Array;

/** Parts from segments: adjacent parts of one op merged, boundaries their own '\n' part (flagged `boundary`), equal text split where its marks differ. */
function toParts(segs: readonly Seg[], sigBefore?: Signature, sigAfter?: Signature): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (part: DiffPart) => {
    if (!part.text) return;
    const last = parts[parts.length - 1];
    if (!part.boundary && last && !last.boundary && last.op === part.op && !!last.formatChanged === !!part.formatChanged) {
      last.text += part.text;
      return;
    }
    parts.push(part);
  };
  let b = 0;
  let a = 0;
  for (const seg of segs) {
    if (seg.op === 'equal') {
      const text = seg.tokens.join('');
      if (sigBefore && sigAfter) {
        const restyled = (k: number) => sigBefore[b + k] !== sigAfter[a + k];
        let start = 0;
        for (let k = 1; k <= text.length; k++) {
          if (k < text.length && restyled(k) === restyled(start)) continue;
          push(restyled(start) ? { op: 'equal', text: text.slice(start, k), formatChanged: true } : { op: 'equal', text: text.slice(start, k) });
          start = k;
        }
      } else push({ op: 'equal', text });
      b += text.length;
      a += text.length;
      continue;
    }
    let text = '';
    let length = 0;
    for (const token of seg.tokens) {
      length += token.length;
      if (token === BOUNDARY) {
        push({ op: seg.op, text });
        push({ op: seg.op, text: '\n', boundary: true });
        text = '';
      } else text += token;
    }
    push({ op: seg.op, text });
    if (seg.op === 'delete') b += length;
    else a += length;
  }
  return parts;
}

/**
 * Deleted and inserted runs of the same text (trimmed, at least MOVE_MIN_SYLLABLES syllables):
 * a moved sentence or quote. Each pair gets the next id; already paired runs are left alone.
 */
function pairMovedRuns(parts: readonly DiffPart[], nextId: () => number, minSyllables = MOVE_MIN_SYLLABLES): void {
  const inserted = new Map<string, DiffPart[]>();
  for (const part of parts) {
    if (part.op !== 'insert' || part.moveId !== undefined) continue;
    const key = part.text.trim();
    if (!key) continue;
    const list = inserted.get(key);
    if (list) list.push(part);
    else inserted.set(key, [part]);
  }
  if (inserted.size === 0) return;
  for (const part of parts) {
    if (part.op !== 'delete' || part.moveId !== undefined) continue;
    const key = part.text.trim();
    const match = inserted.get(key)?.find((p) => p.moveId === undefined);
    if (match && countWords(key) >= minSyllables) match.moveId = part.moveId = nextId();
  }
}

function textParts(before: string, after: string, nextId: () => number): DiffPart[] {
  const parts = toParts(diffTokens(tokenize(before), tokenize(after)));
  pairMovedRuns(parts, nextId);
  return parts;
}

/**
 * Word-level diff of two plain texts (both taken in NFC), adjacent parts of the same op merged,
 * whitespace-only changes kept visible. Deleted and inserted runs of the same text (3+ syllables)
 * share a moveId, numbered from 1.
 */
export function diffText(before: string, after: string): DiffPart[] {
  let id = 0;
  return textParts(before.normalize('NFC'), after.normalize('NFC'), () => ++id);
}

// ---------------------------------------------------------------------------------------------
// Fields

const TEXT_FIELDS = ['headline', 'sapo', 'byline'] as const;

function diffFields(before: DiffableArticle, after: DiffableArticle, nextId: () => number): FieldDiff[] {
  const text = (field: ArticleField, b: string, a: string): FieldDiff => {
    const [nb, na] = [b.normalize('NFC'), a.normalize('NFC')];
    return { field, kind: 'text', changed: nb !== na, parts: textParts(nb, na, nextId) };
  };
  const value = (field: ArticleField, b: string, a: string): FieldDiff => ({ field, kind: 'value', changed: b !== a, before: b, after: a });
  const beforeTags = new Set(before.tags);
  const afterTags = new Set(after.tags);
  const added = after.tags.filter((tag) => !beforeTags.has(tag));
  const removed = before.tags.filter((tag) => !afterTags.has(tag));
  const kept = after.tags.filter((tag) => beforeTags.has(tag));
  const photo = (article: DiffableArticle) => article.featuredImage ?? { assetId: '', alt: '', caption: '', credit: '' };
  const [pb, pa] = [photo(before), photo(after)];
  return [
    ...TEXT_FIELDS.map((field) => text(field, before[field], after[field])),
    value('section', before.section, after.section),
    {
      field: 'tags',
      kind: 'list',
      // Order counts too: the first tags are the ones a page shows.
      changed: added.length > 0 || removed.length > 0 || before.tags.join('\u0000') !== after.tags.join('\u0000'),
      added,
      removed,
      kept,
    },
    value('slug', before.slug, after.slug),
    value('status', before.status, after.status),
    value('featuredImage', pb.assetId, pa.assetId),
    text('featuredAlt', pb.alt, pa.alt),
    text('featuredCaption', pb.caption, pa.caption),
    text('featuredCredit', pb.credit, pa.credit),
  ];
}

// ---------------------------------------------------------------------------------------------
// Body

interface Piece {
  raw: BodyPiece;
  ref: PieceRef;
  /** type, attributes and containers (with their attributes): what 'typeChanged' compares */
  structure: string;
  /** interned structure + content: equal keys are the same piece unchanged (marks aside) */
  key: number;
  /** exact content, for moves (null: cannot move: a rule, an empty paragraph) */
  moveKey: string | null;
  gap: number;
  moveId?: number;
  tokens?: string[];
  bag?: Map<string, number>;
  syllables?: number;
  squashed?: string;
}

interface Figure {
  assetId: string;
  alt: string;
  caption: string;
  credit: string;
}

class BodyDiffer {
  private keys = new Map<string, number>();
  private marks = new Map<string, number>();
  private sims = new Map<string, number>();
  private budget = 0;
  readonly out: BlockDiff[] = [];

  constructor(private nextId: () => number) {}

  piece(raw: BodyPiece): Piece {
    const context = raw.context.map((c) => c.type);
    const structure = stableStringify([raw.kind, raw.kind === 'text' ? raw.type : raw.kind, raw.kind === 'text' ? raw.attrs : undefined, raw.context]);
    let ref: PieceRef;
    let content: string;
    let moveKey: string | null = null;
    if (raw.kind === 'text') {
      ref = { path: raw.path, kind: 'text', type: raw.type, context, text: raw.text, ...(raw.attrs ? { attrs: { ...raw.attrs } } : {}) };
      content = raw.text;
      if (raw.text.trim()) moveKey = `t${raw.text}`;
    } else if (raw.kind === 'figure') {
      ref = { path: raw.path, kind: 'figure', type: 'figure', context, text: raw.caption, assetId: raw.assetId };
      content = JSON.stringify([raw.assetId, raw.alt, raw.caption, raw.credit]);
      moveKey = `f${content}`;
    } else {
      ref = { path: raw.path, kind: 'rule', type: 'rule', context, text: '' };
      content = '';
    }
    const full = `${structure}\u0000${content}`;
    let key = this.keys.get(full);
    if (key === undefined) this.keys.set(full, (key = this.keys.size));
    return { raw, ref, structure, key, moveKey, gap: -1 };
  }

  // --- text of pieces

  private tokens(p: Piece): string[] {
    return (p.tokens ??= tokenize(p.ref.text));
  }

  private bag(p: Piece): Map<string, number> {
    if (!p.bag) {
      const bag = new Map<string, number>();
      let syllables = 0;
      for (const token of this.tokens(p)) {
        if (!isWord(token)) continue;
        bag.set(token, (bag.get(token) ?? 0) + 1);
        syllables++;
      }
      p.bag = bag;
      p.syllables = syllables;
    }
    return p.bag;
  }

  /** An upper bound of the similarity from the syllables alone, ignoring their order: cheap, and rules out most pairs. */
  private bagSimilarity(one: Piece, other: Piece): number {
    const [small, large] = [this.bag(one), this.bag(other)].sort((x, y) => x.size - y.size) as [Map<string, number>, Map<string, number>];
    let common = 0;
    for (const [token, n] of small) common += Math.min(n, large.get(token) ?? 0);
    const total = one.syllables! + other.syllables!;
    return total === 0 ? 1 : (2 * common) / total;
  }

  private signature(p: Piece): Signature {
    const sig = new Int32Array(p.ref.text.length);
    if (p.raw.kind !== 'text') return sig;
    for (const run of p.raw.runs) {
      const key = run.marks.map((m) => stableStringify(m)).join(',');
      let id = this.marks.get(key);
      if (id === undefined) this.marks.set(key, (id = this.marks.size));
      sig.fill(id, run.from, run.to);
    }
    return sig;
  }

  private joinedSignature(pieces: readonly Piece[]): Signature {
    const length = pieces.reduce((sum, p) => sum + p.ref.text.length, 0) + pieces.length - 1;
    const sig = new Int32Array(length);
    let at = 0;
    pieces.forEach((p, i) => {
      if (i > 0) sig[at++] = -1;
      sig.set(this.signature(p), at);
      at += p.ref.text.length;
    });
    return sig;
  }

  private joinedTokens(pieces: readonly Piece[]): string[] {
    return pieces.flatMap((p, i) => (i > 0 ? [BOUNDARY, ...this.tokens(p)] : this.tokens(p)));
  }

  private sameMarks(b: Piece, a: Piece): boolean {
    if (b.raw.kind !== 'text' || a.raw.kind !== 'text') return true;
    const sb = this.signature(b);
    const sa = this.signature(a);
    for (let k = 0; k < sb.length; k++) if (sb[k] !== sa[k]) return false;
    return true;
  }

  // --- similarity of two pieces in a gap, memoised

  private score(b: Piece, a: Piece, bi: number, ai: number): number {
    const memo = `${b.gap}:${bi}:${ai}`;
    const known = this.sims.get(memo);
    if (known !== undefined) return known;
    let sim = 0;
    if (b.raw.kind === 'rule' && a.raw.kind === 'rule') sim = 1;
    else if (b.raw.kind === 'figure' && a.raw.kind === 'figure') {
      if (b.raw.assetId === a.raw.assetId) sim = 1;
      else if (this.budget-- > 0) {
        const text = (f: Figure) => tokenize([f.alt, f.caption, f.credit].join(' '));
        sim = unitSimilarity(...units(text(b.raw), text(a.raw)), PAIR_SIMILARITY);
      }
    } else if (b.raw.kind === 'text' && a.raw.kind === 'text') {
      if (b.ref.text === a.ref.text) sim = 1;
      else if (this.budget > 0 && this.bagSimilarity(b, a) >= PAIR_SIMILARITY) {
        this.budget--;
        sim = unitSimilarity(...units(this.tokens(b), this.tokens(a)), PAIR_SIMILARITY);
      }
    }
    this.sims.set(memo, sim);
    return sim;
  }

  /** A table cell's index in its row (the path's index below the row's), or -1 outside a table. */
  private column(p: Piece): number {
    const row = p.raw.context.findLastIndex((c) => c.type === 'tableRow');
    return row < 0 ? -1 : p.raw.path[row + 1]!;
  }

  /** Two pieces of the same kind in the same column of a table: a cell holds its place ("280.000" → "285.000" is that cell modified). */
  private sameCell(b: Piece, a: Piece): boolean {
    if (b.structure !== a.structure) return false;
    const column = this.column(b);
    return column >= 0 && column === this.column(a);
  }

  // --- entries

  private emit(entry: BlockDiff) {
    this.out.push(entry);
  }

  private figureParts(f: Figure, op: DiffOp, moveId?: number) {
    const part = (text: string): DiffPart[] => (text ? [moveId === undefined ? { op, text } : { op, text, moveId }] : []);
    const caption = part(f.caption);
    return { parts: caption, figure: { assetChanged: false, alt: part(f.alt), caption, credit: part(f.credit) } };
  }

  private whole(p: Piece, op: DiffOp, moveId?: number): Pick<BlockDiff, 'parts' | 'figure'> {
    if (p.raw.kind === 'figure') return this.figureParts(p.raw, op, moveId);
    const text = p.ref.text;
    return { parts: text ? [moveId === undefined ? { op, text } : { op, text, moveId }] : [] };
  }

  equal(b: Piece, a: Piece) {
    if (this.sameMarks(b, a)) {
      this.emit({ change: 'equal', before: [b.ref], after: [a.ref], ...this.whole(a, 'equal') });
      return;
    }
    const text = a.ref.text;
    const parts = toParts([{ op: 'equal', tokens: [text] }], this.signature(b), this.signature(a));
    this.emit({ change: 'formatted', before: [b.ref], after: [a.ref], parts });
  }

  inserted(a: Piece) {
    if (a.moveId !== undefined) {
      this.emit({ change: 'moved', before: [this.movedFrom.get(a)!.ref], after: [a.ref], moveId: a.moveId, ...this.whole(a, 'insert', a.moveId), ...this.typeChange([this.movedFrom.get(a)!], [a]) });
      return;
    }
    const entry: BlockDiff = { change: 'inserted', before: [], after: [a.ref], ...this.whole(a, 'insert') };
    this.emit(entry);
    if (a.raw.kind === 'text') this.leftInserted.push([a, entry]);
  }

  deleted(b: Piece) {
    if (b.moveId !== undefined) {
      this.emit({ change: 'movedAway', before: [b.ref], after: [], moveId: b.moveId, ...this.whole(b, 'delete', b.moveId) });
      return;
    }
    const entry: BlockDiff = { change: 'deleted', before: [b.ref], after: [], ...this.whole(b, 'delete') };
    this.emit(entry);
    if (b.raw.kind === 'text') this.leftDeleted.push([b, entry]);
  }

  private typeChange(before: readonly Piece[], after: readonly Piece[]): { typeChanged?: true } {
    const first = before[0]!.structure;
    return [...before, ...after].some((p) => p.structure !== first) ? { typeChanged: true } : {};
  }

  private paired(b: Piece, a: Piece) {
    const typeChange = this.typeChange([b], [a]);
    if (b.raw.kind === 'figure' && a.raw.kind === 'figure') {
      const id = this.nextId;
      const figure = {
        assetChanged: b.raw.assetId !== a.raw.assetId,
        alt: textParts(b.raw.alt, a.raw.alt, id),
        caption: textParts(b.raw.caption, a.raw.caption, id),
        credit: textParts(b.raw.credit, a.raw.credit, id),
      };
      const textChanged = [figure.alt, figure.caption, figure.credit].some((parts) => parts.some((p) => p.op !== 'equal'));
      const change = figure.assetChanged || textChanged ? 'modified' : 'formatted';
      this.emit({ change, before: [b.ref], after: [a.ref], parts: figure.caption, figure, ...typeChange });
      return;
    }
    if (b.raw.kind === 'rule') {
      this.emit({ change: 'formatted', before: [b.ref], after: [a.ref], parts: [], ...typeChange });
      return;
    }
    const parts = toParts(diffTokens(this.tokens(b), this.tokens(a)), this.signature(b), this.signature(a));
    const change = b.ref.text === a.ref.text ? 'formatted' : 'modified';
    this.emit({ change, before: [b.ref], after: [a.ref], parts, ...typeChange });
  }

  private joined(before: readonly Piece[], after: readonly Piece[], change: 'split' | 'merged') {
    const parts = toParts(diffTokens(this.joinedTokens(before), this.joinedTokens(after)), this.joinedSignature(before), this.joinedSignature(after));
    this.emit({ change, before: before.map((p) => p.ref), after: after.map((p) => p.ref), parts, ...this.typeChange(before, after) });
  }

  // --- moves between gaps

  private movedFrom = new Map<Piece, Piece>();

  findMoves(gaps: ReadonlyArray<{ removed: Piece[]; added: Piece[] }>) {
    const removed = new Map<string, Piece[]>();
    for (const gap of gaps) {
      for (const p of gap.removed) {
        if (!p.moveKey) continue;
        const list = removed.get(p.moveKey);
        if (list) list.push(p);
        else removed.set(p.moveKey, [p]);
      }
    }
    if (removed.size === 0) return;
    for (const gap of gaps) {
      for (const a of gap.added) {
        if (!a.moveKey) continue;
        const candidates = removed.get(a.moveKey);
        // The same text removed in its own gap is this piece restyled, not moved.
        if (!candidates || candidates.some((b) => b.gap === a.gap)) continue;
        const b = candidates.find((c) => c.moveId === undefined);
        if (!b) continue;
        b.moveId = a.moveId = this.nextId();
        this.movedFrom.set(a, b);
      }
    }
  }

  // --- moved and edited: after the gaps, pieces left whole in different gaps

  /** Text pieces the gap walks left whole, with their 'deleted' / 'inserted' entries. */
  private leftDeleted: Array<[Piece, BlockDiff]> = [];
  private leftInserted: Array<[Piece, BlockDiff]> = [];

  /**
   * A paragraph moved and edited ("1.000" → "1.200" in a paragraph taken to the end): a piece left
   * deleted in one gap and one left inserted in another, nearly identical (at least CLEAR_PAIR,
   * syllables compared in order, after a bag-of-syllables bound), become 'movedAway' where it was
   * and 'moved' where it is, the moved entry showing the edit word by word. Greedy, in reading
   * order of the inserted pieces, each taking the most alike of the deleted ones nearest in size;
   * linear in the pieces (a scan window and a budget of comparisons).
   */
  findEditedMoves() {
    const gaps = new Set([...this.leftDeleted, ...this.leftInserted].map(([p]) => p.gap));
    if (gaps.size < 2) return;
    const large = ([p]: [Piece, BlockDiff]) => {
      this.bag(p);
      return p.syllables! >= CROSS_BLOCK_MOVE_MIN_SYLLABLES;
    };
    const pool = this.leftDeleted.filter(large).sort(([x], [y]) => x.syllables! - y.syllables!);
    const inserted = this.leftInserted.filter(large);
    if (pool.length === 0 || inserted.length === 0) return;
    const sizes = pool.map(([p]) => p.syllables!);
    /** The first index whose size is at least `size`. */
    const from = (size: number) => {
      let [lo, hi] = [0, sizes.length];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sizes[mid]! < size) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    let comparisons = EDITED_MOVE_COMPARISONS_BASE + EDITED_MOVE_COMPARISONS_PER_PIECE * (pool.length + inserted.length);
    for (const [a, entry] of inserted) {
      if (comparisons <= 0) break;
      const size = a.syllables!;
      const [lo, hi] = [from(size * (1 - EDITED_MOVE_SIZE)), from(size * (1 + EDITED_MOVE_SIZE) + 1e-9)];
      let left = Math.max(from(size), lo) - 1;
      let right = left + 1;
      const alike: Array<{ candidate: [Piece, BlockDiff]; bound: number }> = [];
      for (let scanned = 0; scanned < EDITED_MOVE_SCAN && comparisons > 0 && (left >= lo || right < hi); scanned++) {
        // The nearer in size of the two next candidates, below and above.
        const k = right >= hi || (left >= lo && size - sizes[left]! <= sizes[right]! - size) ? left-- : right++;
        const candidate = pool[k]!;
        const b = candidate[0];
        if (b.moveId !== undefined || b.gap === a.gap) continue;
        comparisons--;
        const bound = this.bagSimilarity(b, a);
        if (bound >= CLEAR_PAIR) alike.push({ candidate, bound });
      }
      // The syllables in order are at most as alike as the bags: the most alike bags first, and
      // none once their bound cannot beat the best found (near-identical boilerplate costs one diff).
      alike.sort((x, y) => y.bound - x.bound);
      let best: [Piece, BlockDiff] | null = null;
      let bestSim = 0;
      for (const { candidate, bound } of alike) {
        if (bound <= bestSim || comparisons <= 0) break;
        comparisons--;
        const sim = unitSimilarity(...units(this.tokens(candidate[0]), this.tokens(a)), CLEAR_PAIR);
        if (sim >= CLEAR_PAIR && sim > bestSim) [best, bestSim] = [candidate, sim];
      }
      if (!best) continue;
      const [b, away] = best;
      const moveId = this.nextId();
      b.moveId = a.moveId = moveId;
      Object.assign(away, { change: 'movedAway', moveId, ...this.whole(b, 'delete', moveId) });
      const parts = toParts(diffTokens(this.tokens(b), this.tokens(a)), this.signature(b), this.signature(a));
      Object.assign(entry, { change: 'moved', before: [b.ref], moveId, parts, ...this.typeChange([b], [a]) });
    }
  }

  // --- one gap: removed pieces against added ones

  private isText = (p: Piece | undefined): p is Piece => !!p && p.raw.kind === 'text' && p.moveId === undefined && p.ref.text.trim() !== '';

  /** The text with its whitespace runs as single spaces, trimmed. */
  private squashed(p: Piece): string {
    return (p.squashed ??= p.ref.text.replace(/\s+/gu, ' ').trim());
  }

  /** How many of `many` from `at`, joined, are exactly `one` (whitespace aside), or 0. */
  private exactJoin(one: Piece, many: readonly Piece[], at: number): number {
    if (!this.isText(one)) return 0;
    const target = this.squashed(one);
    let joined = '';
    for (let k = 0; k < MAX_SPLIT && at + k < many.length; k++) {
      const p = many[at + k];
      if (!this.isText(p)) return 0;
      joined += (k > 0 ? ' ' : '') + this.squashed(p);
      if (k > 0 && joined === target) return k + 1;
      if (joined.length >= target.length) return 0;
    }
    return 0;
  }

  /** A split or merge with small edits: how many of `many` from `at` are `one` (at least SPLIT_SIMILARITY alike, and more than `against`), or 0. */
  private fuzzyJoin(one: Piece, many: readonly Piece[], at: number, against: number): number {
    if (!this.isText(one) || this.budget <= 0) return 0;
    const bag = this.bag(one);
    const counts = new Map<string, number>();
    let common = 0;
    let syllables = 0;
    let best = 0;
    let bestK = 0;
    for (let k = 1; k <= MAX_SPLIT && at + k - 1 < many.length; k++) {
      const p = many[at + k - 1];
      if (!this.isText(p)) break;
      // The syllables of `one` matched so far by the joined pieces (a multiset intersection, grown piece by piece).
      for (const [token, n] of this.bag(p)) {
        const had = counts.get(token) ?? 0;
        const mine = bag.get(token) ?? 0;
        counts.set(token, had + n);
        common += Math.min(mine, had + n) - Math.min(mine, had);
      }
      syllables += p.syllables!;
      const total = one.syllables! + syllables;
      const sim = total === 0 ? 1 : (2 * common) / total;
      if (k >= 2 && sim > best) [best, bestK] = [sim, k];
      if (syllables > 1.5 * one.syllables! + 10) break;
    }
    if (bestK < 2 || best < SPLIT_SIMILARITY || best <= against) return 0;
    // Every piece of the group must be mostly in `one`: a short paragraph deleted before an edited
    // one is not merged into it.
    const pieces = many.slice(at, at + bestK);
    const within = (p: Piece) => {
      let found = 0;
      for (const [token, n] of this.bag(p)) found += Math.min(n, bag.get(token) ?? 0);
      return found >= PAIR_SIMILARITY * p.syllables!;
    };
    if (!pieces.every(within)) return 0;
    this.budget--;
    const group = pieces.flatMap((p) => this.tokens(p));
    const sim = unitSimilarity(...units(this.tokens(one), group), SPLIT_SIMILARITY);
    return sim >= SPLIT_SIMILARITY && sim > against ? bestK : 0;
  }

  gap(removed: Piece[], added: Piece[]) {
    const m = removed.length;
    const n = added.length;
    this.budget = WORD_DIFFS_BASE + WORD_DIFFS_PER_PIECE * (m + n);
    const free = (p: Piece | undefined): p is Piece => !!p && p.moveId === undefined;
    const score = (i: number, j: number) => {
      const [b, a] = [removed[i], added[j]];
      return free(b) && free(a) ? this.score(b, a, i, j) : 0;
    };
    const pairAhead = (i: number, j: number) => {
      for (let d = 1; d <= LOOKAHEAD; d++) if (score(i, j + d) >= PAIR_SIMILARITY || score(i + d, j) >= PAIR_SIMILARITY) return true;
      return false;
    };
    let i = 0;
    let j = 0;
    while (i < m || j < n) {
      const b = removed[i];
      const a = added[j];
      if (b && b.moveId !== undefined) {
        this.deleted(b);
        i++;
        continue;
      }
      if (a && a.moveId !== undefined) {
        this.inserted(a);
        j++;
        continue;
      }
      if (!b) {
        this.inserted(a!);
        j++;
        continue;
      }
      if (!a) {
        this.deleted(b);
        i++;
        continue;
      }
      const split = this.exactJoin(b, added, j);
      if (split) {
        this.joined([b], added.slice(j, j + split), 'split');
        i++;
        j += split;
        continue;
      }
      const merge = this.exactJoin(a, removed, i);
      if (merge) {
        this.joined(removed.slice(i, i + merge), [a], 'merged');
        i += merge;
        j++;
        continue;
      }
      let sim = score(i, j);
      // A cell rewritten beyond recognition is still the cell in its column, unless a piece in the
      // window is at least as alike (a row deleted before a respelled cell: that cell is the pair).
      if (sim < PAIR_SIMILARITY && this.sameCell(b, a) && !pairAhead(i, j)) sim = PAIR_SIMILARITY;
      if (sim < CLEAR_PAIR) {
        const fuzzySplit = this.fuzzyJoin(b, added, j, sim);
        if (fuzzySplit) {
          this.joined([b], added.slice(j, j + fuzzySplit), 'split');
          i++;
          j += fuzzySplit;
          continue;
        }
        const fuzzyMerge = this.fuzzyJoin(a, removed, i, sim);
        if (fuzzyMerge) {
          this.joined(removed.slice(i, i + fuzzyMerge), [a], 'merged');
          i += fuzzyMerge;
          j++;
          continue;
        }
      }
      if (sim >= PAIR_SIMILARITY) {
        // A clearly better partner one step ahead (a paragraph inserted before an edited one) wins.
        if (sim < CLEAR_PAIR && score(i, j + 1) > sim + 0.1) {
          this.inserted(a);
          j++;
          continue;
        }
        if (sim < CLEAR_PAIR && score(i + 1, j) > sim + 0.1) {
          this.deleted(b);
          i++;
          continue;
        }
        this.paired(b, a);
        i++;
        j++;
        continue;
      }
      // No pair here: the nearest pair ahead decides which side goes first; with none, the removed piece.
      let advanced = false;
      for (let d = 1; d <= LOOKAHEAD && !advanced; d++) {
        if (score(i, j + d) >= PAIR_SIMILARITY) {
          this.inserted(a);
          j++;
          advanced = true;
        } else if (score(i + d, j) >= PAIR_SIMILARITY) {
          this.deleted(b);
          i++;
          advanced = true;
        }
      }
      if (!advanced) {
        this.deleted(b);
        i++;
      }
    }
  }
}

function diffBody(before: BodyDoc, after: BodyDoc, nextId: () => number): BlockDiff[] {
  const differ = new BodyDiffer(nextId);
  const bp = bodyPieces(before).map((p) => differ.piece(p));
  const ap = bodyPieces(after).map((p) => differ.piece(p));
  const changes = diffArrays(
    bp.map((p) => p.key),
    ap.map((p) => p.key),
  );
  // The aligned sequence: equal pairs, and gaps of removed and added pieces between them.
  type Step = { equal: [Piece, Piece] } | { gap: { removed: Piece[]; added: Piece[] } };
  const steps: Step[] = [];
  const gaps: Array<{ removed: Piece[]; added: Piece[] }> = [];
  let bi = 0;
  let ai = 0;
  let open: { removed: Piece[]; added: Piece[] } | null = null;
  for (const change of changes) {
    if (!change.added && !change.removed) {
      open = null;
      for (let k = 0; k < change.count; k++) steps.push({ equal: [bp[bi++]!, ap[ai++]!] });
      continue;
    }
    if (!open) {
      open = { removed: [], added: [] };
      gaps.push(open);
      steps.push({ gap: open });
    }
    for (let k = 0; k < change.count; k++) {
      if (change.removed) open.removed.push(Object.assign(bp[bi++]!, { gap: gaps.length - 1 }));
      else open.added.push(Object.assign(ap[ai++]!, { gap: gaps.length - 1 }));
    }
  }
  differ.findMoves(gaps);
  for (const step of steps) {
    if ('equal' in step) differ.equal(...step.equal);
    else differ.gap(step.gap.removed, step.gap.added);
  }
  differ.findEditedMoves();
  const body = differ.out;
  // Moved sentences: first inside each block, then between blocks (a sentence taken from one paragraph into another).
  const textual = body.filter((entry) => !entry.figure && entry.change !== 'equal' && entry.change !== 'moved' && entry.change !== 'movedAway');
  for (const entry of textual) pairMovedRuns(entry.parts, nextId);
  pairMovedRuns(
    textual.flatMap((entry) => entry.parts),
    nextId,
    CROSS_BLOCK_MOVE_MIN_SYLLABLES,
  );
  return body;
}

// ---------------------------------------------------------------------------------------------
// Articles

function countChanged(parts: readonly DiffPart[], stats: DiffStats) {
  for (const part of parts) {
    if (part.moveId !== undefined || part.op === 'equal') continue;
    const words = countWords(part.text);
    if (part.op === 'insert') stats.insertions += words;
    else stats.deletions += words;
  }
}

export function diffArticles(before: DiffableArticle, after: DiffableArticle): ArticleDiff {
  let id = 0;
  const nextId = () => ++id;
  const fields = diffFields(before, after, nextId);
  // Versions are compared as they read: a version holding suggested edits, as if they were rejected.
  const body = diffBody(bodyAsRejected(before.body), bodyAsRejected(after.body), nextId);
  const stats: DiffStats = { insertions: 0, deletions: 0, changes: 0 };
  for (const field of fields) {
    if (field.changed) stats.changes++;
    if (field.kind === 'text') countChanged(field.parts, stats);
  }
  for (const entry of body) {
    if (entry.change !== 'equal') stats.changes++;
    if (entry.figure) for (const parts of [entry.figure.alt, entry.figure.caption, entry.figure.credit]) countChanged(parts, stats);
    else countChanged(entry.parts, stats);
  }
  return { fields, body, stats };
}
