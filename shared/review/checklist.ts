import { z } from 'zod';
import type { BodyDoc } from '../model/body';
import type { StoredNode } from '../model/blocks/spec';
import { text as textField } from '../model/fields';
import { alternateTonePlacement } from '../text/tonePlacement';
import { countWords } from '../text/vietnamese';
import { bodyPieces, type TextRun } from './bodyPieces';
import { suggestionsOfBody } from './suggestions';

/**
 * The pre-publish checklist: house rules an article is checked against before it goes out. Each
 * rule is a small function in the `rules` table below (adding one is one id in `checklistRuleIds`,
 * one default severity and one entry in the table). Everything here is pure: the caller gives the
 * article, the configuration (house-wide settings with the section's overrides, checklistConfig)
 * and whether a slug is taken.
 *
 * Texts are expected in NFC (everything Newsdesk stores is); the `nfd` rule reports any that is
 * not, and the other rules read the text as it is (offsets are always into the stored text).
 */

export const checklistRuleIds = [
  'headline-length',
  'sapo-length',
  'byline',
  'image-alt',
  'image-caption',
  'empty-paragraph',
  'link-scheme',
  'slug-unique',
  'nfd',
  'eth',
  'tone-style',
  'abbreviation',
  'double-space',
  'ellipsis',
  'straight-quotes',
  'spaced-hyphen',
  'suggestions',
  'comments',
] as const;
export type ChecklistRuleId = (typeof checklistRuleIds)[number];
export type Severity = 'error' | 'warning' | 'off';

/** Errors block publishing (a missing byline or alt text, text that breaks search, an unsafe link); the rest are advice. */
export const DEFAULT_SEVERITIES: Record<ChecklistRuleId, 'error' | 'warning'> = {
  'headline-length': 'warning',
  'sapo-length': 'warning',
  byline: 'error',
  'image-alt': 'error',
  'image-caption': 'warning',
  'empty-paragraph': 'warning',
  'link-scheme': 'error',
  'slug-unique': 'warning',
  nfd: 'error',
  eth: 'error',
  'tone-style': 'warning',
  abbreviation: 'warning',
  'double-space': 'warning',
  ellipsis: 'warning',
  'straight-quotes': 'warning',
  'spaced-hyphen': 'warning',
  suggestions: 'error',
  comments: 'warning',
};

/** Rules whose severity no setting changes: publishing with pending suggested edits is always refused. */
export const FIXED_RULES: ReadonlySet<ChecklistRuleId> = new Set(['suggestions']);

export interface Abbreviation {
  short: string;
  long: string;
  /**
   * Accepted without the long form when a proper name follows it: "TP Cần Thơ", "TP. Cần Thơ",
   * "TP.HCM" are how the paper names a city, while "các TP lớn" still needs "thành phố" first.
   */
  beforeName?: boolean;
}

/**
 * The house's abbreviations: the first use in the sapo or body needs the long form before it
 * ("Ủy ban nhân dân (UBND) TP Cần Thơ"). TP is marked `beforeName`: in front of a city's name
 * (TP Cần Thơ, TP. Cần Thơ, TP.HCM) it is the accepted form and is not checked.
 */
export const DEFAULT_ABBREVIATIONS: Abbreviation[] = [
  { short: 'UBND', long: 'Ủy ban nhân dân' },
  { short: 'HĐND', long: 'Hội đồng nhân dân' },
  { short: 'MTTQ', long: 'Mặt trận Tổ quốc' },
  { short: 'CB', long: 'cán bộ' },
  { short: 'ĐV', long: 'đảng viên' },
  { short: 'TP', long: 'thành phố', beforeName: true },
  { short: 'THPT', long: 'trung học phổ thông' },
  { short: 'THCS', long: 'trung học cơ sở' },
  { short: 'BHXH', long: 'bảo hiểm xã hội' },
  { short: 'BHYT', long: 'bảo hiểm y tế' },
  { short: 'CSGT', long: 'cảnh sát giao thông' },
  { short: 'ĐBSCL', long: 'Đồng bằng sông Cửu Long' },
];

const severitySchema = z.enum(['error', 'warning', 'off']);
const ruleIdSet: ReadonlySet<string> = new Set(checklistRuleIds);

/**
 * Severities by rule. A rule id this version does not know (written by a newer Newsdesk, or a
 * rule since removed) is dropped rather than refusing the whole settings file.
 */
const severitiesSchema = z.record(z.string(), severitySchema).transform((record) => {
  const known: Partial<Record<ChecklistRuleId, Severity>> = {};
  for (const [id, severity] of Object.entries(record)) if (ruleIdSet.has(id)) known[id as ChecklistRuleId] = severity;
  return known;
});

const abbreviationSchema = z.strictObject({
  short: textField(30).pipe(z.string().trim().min(1)),
  long: textField(200).pipe(z.string().trim().min(1)),
  beforeName: z.boolean().optional(),
});

const characters = z.number().int().min(0).max(300);
const syllables = z.number().int().min(0).max(1000);

/** The house-wide settings block `settings.checklist`; every field has a default, so older settings files parse. */
export const checklistSettingsSchema = z
  .strictObject({
    severities: severitiesSchema.default({}),
    /** A headline shorter than this (characters) says too little; the maximum is the section's headlineLimit. */
    headlineMin: characters.default(20),
    /**
     * The sapo (the bold lead under the headline), in syllables. A Vietnamese daily's sapo is one
     * to three sentences, about 30 to 60 syllables: under 20 it adds nothing to the headline; over
     * 70 it is a paragraph of the story, and lists, search results and shared links cut it off.
     */
    sapoMin: syllables.default(20),
    sapoMax: syllables.default(70),
    /** The house sets quotation marks curly (“ ” and ‘ ’): straight " and ' are reported. */
    curlyQuotes: z.boolean().default(true),
    abbreviations: z
      .array(abbreviationSchema)
      .max(500)
      .default(() => DEFAULT_ABBREVIATIONS.map((a) => ({ ...a }))),
  })
  .refine((settings) => settings.sapoMin <= settings.sapoMax, { message: 'the sapo minimum must not exceed its maximum', path: ['sapoMin'] });
export type ChecklistSettings = z.infer<typeof checklistSettingsSchema>;

/** The house-wide defaults (what an older settings file without a checklist block gets). */
export const defaultChecklistSettings = (): ChecklistSettings => checklistSettingsSchema.parse({});

/** A section's own overrides (the optional `checklist` field of a section); anything absent comes from the house-wide settings. */
export const sectionChecklistSchema = z.strictObject({
  headlineMin: characters.optional(),
  sapoMin: syllables.optional(),
  sapoMax: syllables.optional(),
  severities: severitiesSchema.optional(),
});
export type SectionChecklist = z.infer<typeof sectionChecklistSchema>;

export interface ChecklistConfig {
  severities: Record<ChecklistRuleId, Severity>;
  headlineMin: number;
  headlineMax: number;
  sapoMin: number;
  sapoMax: number;
  curlyQuotes: boolean;
  abbreviations: Abbreviation[];
}

/** The headline maximum when the article's section is unknown (the editor's counter uses the same). */
export const DEFAULT_HEADLINE_MAX = 100;

/** House-wide settings with the article's section's overrides applied; headlineMax is the section's headlineLimit (100 when the section is unknown). */
export function checklistConfig(checklist: ChecklistSettings, section: { headlineLimit: number; checklist?: SectionChecklist } | undefined): ChecklistConfig {
  const severities: Record<ChecklistRuleId, Severity> = { ...DEFAULT_SEVERITIES };
  for (const layer of [checklist.severities, section?.checklist?.severities]) {
    for (const id of checklistRuleIds) {
      const severity = layer?.[id];
      if (severity !== undefined) severities[id] = severity;
    }
  }
  const own = section?.checklist;
  return {
    severities,
    headlineMin: own?.headlineMin ?? checklist.headlineMin,
    headlineMax: section?.headlineLimit ?? DEFAULT_HEADLINE_MAX,
    sapoMin: own?.sapoMin ?? checklist.sapoMin,
    sapoMax: own?.sapoMax ?? checklist.sapoMax,
    curlyQuotes: checklist.curlyQuotes,
    abbreviations: checklist.abbreviations,
  };
}

export type CheckField = 'headline' | 'sapo' | 'byline' | 'slug' | 'featuredImage' | 'body';
export type PhotoAttr = 'alt' | 'caption' | 'credit';

export interface CheckLocation {
  field: CheckField;
  /** For body: the piece's path (bodyPieces). */
  path?: number[];
  /** A photo's text: alt | caption | credit. */
  attr?: PhotoAttr;
  /** Offsets in that text (UTF-16, as JS strings and ProseMirror positions count). */
  offset?: number;
  length?: number;
}

export interface Finding {
  rule: ChecklistRuleId;
  severity: 'error' | 'warning';
  location: CheckLocation;
  /** The offending text (a few words around it, at most about 60 characters), for the list. */
  excerpt: string;
  /** Values for the message (each rule's keys are listed at its function). */
  params?: Record<string, string | number>;
}

export interface ChecklistInput {
  id: string;
  headline: string;
  sapo: string;
  byline: string;
  slug: string;
  featuredImage: { assetId: string; alt: string; caption: string; credit: string } | null;
  body: BodyDoc;
  /** Comment threads (only whether each is resolved is read). */
  comments?: ReadonlyArray<{ resolved: unknown; quote: string }>;
}

export interface ChecklistContext {
  /** Whether another article (not `exceptId`) has this slug. */
  slugTaken: (slug: string, exceptId: string) => boolean;
}

// ---------------------------------------------------------------------------------------------
// The article as the rules read it: its texts in reading order.

type UnitKind = 'headline' | 'sapo' | 'byline' | PhotoAttr | 'block';

/** One text of the article (a field, a photo's text, a paragraph of the body) and where it is. */
interface TextUnit {
  /** Its place in reading order (findings are sorted by it, then by offset). */
  order: number;
  kind: UnitKind;
  field: CheckField;
  text: string;
  path?: number[];
  attr?: PhotoAttr;
  /** Body text only: its block type (paragraph, heading), its runs of marks and its containers. */
  block?: string;
  runs?: readonly TextRun[];
  inCell?: boolean;
}

interface Photo {
  field: 'featuredImage' | 'body';
  path?: number[];
  assetId: string;
  alt: TextUnit;
  caption: TextUnit;
  credit: TextUnit;
}

/** A finding as a rule makes it (runChecklist fills in the rule and its severity) and where it comes in reading order. */
interface Draft {
  order: number;
  offset: number;
  finding: Finding;
}
type Params = Finding['params'];

function draft(order: number, offset: number, location: CheckLocation, excerpt: string, params: Params): Draft {
  const finding: Finding = { rule: 'byline', severity: 'error', location, excerpt };
  if (params) finding.params = params;
  return { order, offset, finding };
}

interface RuleContext {
  article: ChecklistInput;
  config: ChecklistConfig;
  context: ChecklistContext;
  /** Every text, in reading order. */
  units: TextUnit[];
  headline: TextUnit;
  sapo: TextUnit;
  byline: TextUnit;
  slugOrder: number;
  /** The featured photo (if any), then the body's photos, in reading order. */
  photos: Photo[];
  /** The body's text pieces, in reading order. */
  blocks: TextUnit[];
}

function buildContext(article: ChecklistInput, config: ChecklistConfig, context: ChecklistContext): RuleContext {
  let order = 0;
  const units: TextUnit[] = [];
  const unit = (kind: UnitKind, field: CheckField, text: string, extra: Partial<TextUnit> = {}): TextUnit => {
    const made: TextUnit = { order: order++, kind, field, text, ...extra };
    units.push(made);
    return made;
  };
  const headline = unit('headline', 'headline', article.headline);
  const sapo = unit('sapo', 'sapo', article.sapo);
  const byline = unit('byline', 'byline', article.byline);
  const slugOrder = order++;
  const photos: Photo[] = [];
  const photo = (field: Photo['field'], image: { assetId: string; alt: string; caption: string; credit: string }, path?: number[]) => {
    const where = path ? { path } : {};
    photos.push({
      field,
      ...where,
      assetId: image.assetId,
      alt: unit('alt', field, image.alt, { ...where, attr: 'alt' }),
      caption: unit('caption', field, image.caption, { ...where, attr: 'caption' }),
      credit: unit('credit', field, image.credit, { ...where, attr: 'credit' }),
    });
  };
  if (article.featuredImage) photo('featuredImage', article.featuredImage);
  const blocks: TextUnit[] = [];
  for (const piece of bodyPieces(article.body)) {
    if (piece.kind === 'figure') photo('body', piece, piece.path);
    else if (piece.kind === 'text') {
      const parent = piece.context[piece.context.length - 1]?.type;
      blocks.push(unit('block', 'body', piece.text, { path: piece.path, block: piece.type, runs: piece.runs, inCell: parent === 'tableCell' || parent === 'tableHeader' }));
    }
  }
  return { article, config, context, units, headline, sapo, byline, slugOrder, photos, blocks };
}

// ---------------------------------------------------------------------------------------------
// Helpers.

const EXCERPT_MAX = 60;

/** A few words around [offset, offset + length) of `text`, at most about 60 characters, on one line. */
export function excerptOf(text: string, offset: number, length: number): string {
  const oneLine = (s: string) => s.replace(/\n/g, ' ');
  if (length >= EXCERPT_MAX) return `${oneLine(text.slice(offset, offset + EXCERPT_MAX - 1))}…`;
  const room = EXCERPT_MAX - length;
  let start = Math.max(0, offset - Math.floor(room / 2));
  let end = Math.min(text.length, offset + length + (room - (offset - start)));
  if (end === text.length) start = Math.max(0, end - EXCERPT_MAX);
  if (start > 0) {
    const space = text.slice(start, offset).indexOf(' ');
    if (space >= 0) start += space + 1;
  }
  if (end < text.length) {
    const space = text.slice(offset + length, end).lastIndexOf(' ');
    if (space >= 0) end = offset + length + space;
  }
  return `${start > 0 ? '…' : ''}${oneLine(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

function locationOf(unit: TextUnit): CheckLocation {
  const location: CheckLocation = { field: unit.field };
  if (unit.path) location.path = unit.path.slice();
  if (unit.attr) location.attr = unit.attr;
  return location;
}

/** A finding at [offset, offset + length) of a text. */
function at(unit: TextUnit, offset: number, length: number, params?: Params): Draft {
  const location = locationOf(unit);
  location.offset = offset;
  location.length = length;
  return draft(unit.order, offset, location, excerptOf(unit.text, offset, length), params);
}

/** A finding about a whole text (its length, its absence). */
function about(unit: TextUnit, params?: Params, excerpt: string = excerptOf(unit.text, 0, unit.text.length)): Draft {
  return draft(unit.order, -1, locationOf(unit), excerpt, params);
}

/** One finding per match of a global regex in each text. */
function matchesIn(units: readonly TextUnit[], regex: RegExp, params?: (match: RegExpExecArray) => Params): Draft[] {
  const found: Draft[] = [];
  for (const unit of units) {
    regex.lastIndex = 0;
    for (let match = regex.exec(unit.text); match; match = regex.exec(unit.text)) {
      found.push(at(unit, match.index, match[0].length, params?.(match)));
    }
  }
  return found;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A position in the article's reading order. */
interface Position {
  order: number;
  offset: number;
}
const isBefore = (a: Position, b: Position) => a.order < b.order || (a.order === b.order && a.offset < b.offset);

// ---------------------------------------------------------------------------------------------
// The rules. Each says which texts it reads and the `params` keys it sets.

/** Reads the headline (trimmed, in characters as the editor counts them). Params: count, min, max. */
function headlineLength(cx: RuleContext): Draft[] {
  const count = [...cx.headline.text.trim()].length;
  const { headlineMin: min, headlineMax: max } = cx.config;
  return count === 0 || count < min || count > max ? [about(cx.headline, { count, min, max })] : [];
}

/** Reads the sapo (syllables, countWords). Params: count, min, max. */
function sapoLength(cx: RuleContext): Draft[] {
  const count = countWords(cx.sapo.text);
  const { sapoMin: min, sapoMax: max } = cx.config;
  return count < min || count > max ? [about(cx.sapo, { count, min, max })] : [];
}

/** Reads the byline. No params. */
function byline(cx: RuleContext): Draft[] {
  return cx.byline.text.trim() ? [] : [about(cx.byline)];
}

/** The photo's caption (or alt text) to tell it apart in the list. */
const photoExcerpt = (photo: Photo) => excerptOf(photo.caption.text || photo.alt.text, 0, (photo.caption.text || photo.alt.text).length);

/** Reads the featured photo and every photo of the body: alt text empty. Params: assetId. */
function imageAlt(cx: RuleContext): Draft[] {
  return cx.photos.filter((p) => !p.alt.text.trim()).map((p) => about(p.alt, { assetId: p.assetId }, photoExcerpt(p)));
}

/** Reads the featured photo and every photo of the body: caption empty. Params: assetId. */
function imageCaption(cx: RuleContext): Draft[] {
  return cx.photos.filter((p) => !p.caption.text.trim()).map((p) => about(p.caption, { assetId: p.assetId }, photoExcerpt(p)));
}

/**
 * Reads the body's paragraphs, wherever they are (quotes, pull quotes, list items, table cells):
 * empty or only spaces and line breaks. Headings are not paragraphs and are left alone. An empty
 * table cell (its only paragraph empty) is not reported: a blank cell is a normal part of a table
 * (the corner above the row headings, a value not given, the cells left when a merged cell was
 * split); an empty paragraph beside text in a cell is. No params.
 */
function emptyParagraph(cx: RuleContext): Draft[] {
  const cellParagraphs = (path: number[]) => {
    let nodes: readonly StoredNode[] = cx.article.body.content;
    for (const index of path.slice(0, -1)) nodes = ((nodes[index] as { content?: StoredNode[] } | undefined)?.content ?? []) as StoredNode[];
    return nodes.length;
  };
  return cx.blocks
    .filter((unit) => unit.block === 'paragraph' && !unit.text.trim())
    .filter((unit) => !(unit.inCell && cellParagraphs(unit.path!) === 1))
    .map((unit) => at(unit, 0, unit.text.length));
}

/** Only these are clearly safe and meant; anything else (tel:, ftp:, relative, javascript: in any disguise) is reported. */
const ALLOWED_LINK = /^(?:https?:\/\/|mailto:)/i;

/**
 * Reads the links of the body: a link whose address is not http(s):// or mailto:. The range is
 * the linked text (neighbouring runs with the same link are one). Params: href.
 */
function linkScheme(cx: RuleContext): Draft[] {
  const found: Draft[] = [];
  for (const unit of cx.blocks) {
    const links: Array<{ href: string; from: number; to: number }> = [];
    for (const run of unit.runs ?? []) {
      const href = (run.marks.find((mark) => mark.type === 'link') as { attrs: { href: string } } | undefined)?.attrs.href;
      if (href === undefined) continue;
      const last = links[links.length - 1];
      if (last && last.href === href && last.to === run.from) last.to = run.to;
      else links.push({ href, from: run.from, to: run.to });
    }
    for (const link of links) if (!ALLOWED_LINK.test(link.href.trim())) found.push(at(unit, link.from, link.to - link.from, { href: link.href }));
  }
  return found;
}

/** Reads the slug: another article has it (an empty slug is not this rule's business). Params: slug. */
function slugUnique(cx: RuleContext): Draft[] {
  const slug = cx.article.slug.trim();
  if (!slug || !cx.context.slugTaken(slug, cx.article.id)) return [];
  return [draft(cx.slugOrder, -1, { field: 'slug' }, slug, { slug })];
}

/**
 * Reads the body's suggested edits: any still pending (accept or reject each before publishing;
 * the page would otherwise show the text as if every one were rejected). Params: count.
 */
function suggestions(cx: RuleContext): Draft[] {
  const pending = suggestionsOfBody(cx.article.body);
  if (!pending.length) return [];
  const first = pending[0]!;
  return [draft(cx.slugOrder, -1, { field: 'body' }, (first.inserted || first.deleted).slice(0, 60), { count: pending.length })];
}

/** Reads the comments: threads not yet resolved. Params: count. */
function comments(cx: RuleContext): Draft[] {
  const open = (cx.article.comments ?? []).filter((thread) => thread.resolved === null);
  if (!open.length) return [];
  return [draft(cx.slugOrder, -1, { field: 'body' }, open[0]!.quote.slice(0, 60), { count: open.length })];
}

const MARK = /^\p{M}/u;
const isMarkAt = (text: string, index: number) => MARK.test(String.fromCodePoint(text.codePointAt(index)!));
const isLowSurrogate = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
};

/**
 * Reads every text (headline, sapo, byline, photo texts, body text with its links' text): text
 * not in NFC (decomposed, as some input methods and macOS paste it). One finding per text, at its
 * first offending character with its combining marks. No params.
 */
function nfd(cx: RuleContext): Draft[] {
  const found: Draft[] = [];
  for (const unit of cx.units) {
    const text = unit.text;
    const nfc = text.normalize('NFC');
    if (nfc === text) continue;
    let offset = 0;
    while (offset < text.length - 1 && text.charCodeAt(offset) === nfc.charCodeAt(offset)) offset++;
    // Back to the letter the marks belong to (or to the start of a surrogate pair).
    while (offset > 0 && (isMarkAt(text, offset) || isLowSurrogate(text, offset))) offset--;
    let end = offset + (text.codePointAt(offset)! > 0xffff ? 2 : 1);
    while (end < text.length && isMarkAt(text, end)) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
    found.push(at(unit, offset, end - offset));
  }
  return found;
}

const ETH = /[\u00D0\u00F0]/g;

/** Reads every text: the Icelandic eth Ð/ð (U+00D0/U+00F0), a look-alike of Đ/đ. Params: char, fix (Đ or đ). */
function eth(cx: RuleContext): Draft[] {
  return matchesIn(cx.units, ETH, (m) => ({ char: m[0], fix: m[0] === '\u00D0' ? '\u0110' : '\u0111' }));
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Whether the character at `index` is part of a word (a letter of any script, a mark, a digit); false outside the text. */
function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index - 1)!));
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index)!));
}

const CAPITAL = /\p{Lu}/u;
/** Whether the character at `index` is a capital letter (A–Z, Đ, Ủ, Á…; not a digit or a mark). */
function isCapitalAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return CAPITAL.test(String.fromCodePoint(text.codePointAt(index)!));
}

/**
 * The end of a syllable in oa, oe or uy with a tone mark on either vowel: group 1 the older
 * placement (hòa, khỏe, thủy), group 2 the newer (hoà, khoẻ, thuỷ). Only open syllables (nothing
 * after the pair: "hoàng", "toàn", "khuyến" have one placement) and not after q ("quý", "quả": the u
 * belongs to the consonant) are checked by the rule. Upper and lower case, NFC. Searching for the
 * pair and looking back for the start of the word is much faster than matching whole words.
 */
const TONE_PAIR = /([òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])|([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])/g;

/**
 * Reads the headline, sapo, photo captions and alt texts and the body's text (not the byline or
 * photo credits: they are people's names, spelled as their owners spell them): both tone mark
 * placements in one article ("hòa" and "thuỷ" mix too). Reports the syllables of the less used
 * placement (on a tie, the one that came second). Params: style (the placement used mostly,
 * 'old' = hòa, thủy · 'new' = hoà, thuỷ), word (the syllable found), suggestion (it in the other
 * placement, from alternateTonePlacement).
 *
 * A syllable whose first letter is a capital is taken for a proper name and left out of both the
 * count and the findings: names are spelled as their owners and official documents spell them
 * ("tỉnh Khánh Hòa", "xã Vĩnh Hòa", "bà Lê Thị Thúy", "Ủy ban nhân dân" in an article writing
 * "hoà bình, thuỷ lợi"), and the article's own style must neither be outvoted by them nor ask a
 * reporter to respell them. That is imprecise on purpose: an ordinary word at the start of a
 * sentence or paragraph ("Thủy lợi là…", "Hòa giải thành, …") and a word in capitals ("THỦY LỢI")
 * are skipped too, since telling them from a name would need a dictionary of names; the same word
 * in lower case elsewhere is still checked.
 */
function toneStyle(cx: RuleContext): Draft[] {
  const seen: Array<{ unit: TextUnit; index: number; word: string; style: 'old' | 'new' }> = [];
  for (const unit of cx.units) {
    if (unit.kind === 'byline' || unit.kind === 'credit') continue;
    const text = unit.text;
    TONE_PAIR.lastIndex = 0;
    for (let m = TONE_PAIR.exec(text); m; m = TONE_PAIR.exec(text)) {
      if (isWordCharAt(text, m.index + 2) || (text.charCodeAt(m.index - 1) | 0x20) === 0x71) continue; // a closed syllable, or after q or Q
      let start = m.index;
      while (isWordCharAt(text, start - 1)) start--;
      if (isCapitalAt(text, start)) continue; // a proper name (or a sentence start): see above
      seen.push({ unit, index: start, word: text.slice(start, m.index + 2), style: m[1] ? 'old' : 'new' });
    }
  }
  const old = seen.filter((s) => s.style === 'old').length;
  const fresh = seen.length - old;
  if (old === 0 || fresh === 0) return [];
  const style = old > fresh || (old === fresh && seen[0]!.style === 'old') ? 'old' : 'new';
  return seen
    .filter((s) => s.style !== style)
    .map((s) => at(s.unit, s.index, s.word.length, { style, word: s.word, suggestion: alternateTonePlacement(s.word) ?? s.word }));
}

interface CompiledAbbreviations {
  /** Any short form, longest first, case-sensitive; not followed by a letter or digit (the start is checked by the rule). */
  shorts: RegExp;
  byShort: Map<string, Abbreviation[]>;
  /** Any long form in lower case, either tone placement, for lower-cased text. */
  longs: RegExp;
  /** The same for text whose lower case has another length (offsets would move): case-insensitive. */
  longsAnyCase: RegExp;
}

const compiled = new WeakMap<readonly Abbreviation[], CompiledAbbreviations | null>();

/** A long form's key: lower case, NFC, one space between syllables, each syllable in one tone placement. */
function longKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean)
    .map((syllable) => {
      const other = alternateTonePlacement(syllable);
      return other !== null && other < syllable ? other : syllable;
    })
    .join(' ');
}

const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/** Built once per list of abbreviations (a config keeps its list, so once per settings). */
function compileAbbreviations(list: readonly Abbreviation[]): CompiledAbbreviations | null {
  if (compiled.has(list)) return compiled.get(list)!;
  const byShort = new Map<string, Abbreviation[]>();
  const longs = new Set<string>();
  for (const abbreviation of list) {
    const short = abbreviation.short.normalize('NFC').trim();
    const long = abbreviation.long.normalize('NFC').trim().toLowerCase();
    if (!short || !long) continue;
    byShort.set(short, [...(byShort.get(short) ?? []), abbreviation]);
    longs.add(long);
  }
  const alternation = (values: Iterable<string>, pattern: (value: string) => string) =>
    [...values]
      .sort((a, b) => b.length - a.length)
      .map(pattern)
      .join('|');
  const longPattern = (long: string) =>
    long
      .split(/\s+/u)
      .map((syllable) => {
        const other = alternateTonePlacement(syllable);
        return other === null ? escapeRegExp(syllable) : `(?:${escapeRegExp(syllable)}|${escapeRegExp(other)})`;
      })
      .join('\\s+');
  const longSource = `(?:${alternation(longs, longPattern)})${WORD_AFTER}`;
  const result = byShort.size
    ? {
        shorts: new RegExp(`(?:${alternation(byShort.keys(), escapeRegExp)})${WORD_AFTER}`, 'gu'),
        byShort,
        longs: new RegExp(longSource, 'gu'),
        longsAnyCase: new RegExp(longSource, 'giu'),
      }
    : null;
  compiled.set(list, result);
  return result;
}

/** After a `beforeName` abbreviation: a proper name ("TP Cần Thơ", "TP. Cần Thơ", "TP.HCM"). */
const NAME_AFTER = /^(?:\.\s?|\s)\p{Lu}/u;

/**
 * Reads the sapo, then the body's text (not the headline: headlines may use abbreviations; not
 * photo texts, read apart from the story): the first use of each house abbreviation needs its
 * long form somewhere before it ("Ủy ban nhân dân (UBND)", or the long form in an earlier
 * sentence), in any case and either tone placement ("Uỷ ban nhân dân"). Whole words only ("UBND"
 * is not in "UBNDTP"; Vietnamese letters are letters). One finding per abbreviation, at its first
 * use. Params: short, long.
 */
function abbreviation(cx: RuleContext): Draft[] {
  const abbreviations = compileAbbreviations(cx.config.abbreviations);
  if (!abbreviations) return [];
  const units = [cx.sapo, ...cx.blocks];
  const firstUses: Array<{ unit: TextUnit; index: number; short: string }> = [];
  const used = new Set<string>();
  const { shorts } = abbreviations;
  for (const unit of units) {
    const text = unit.text;
    shorts.lastIndex = 0;
    for (let m = shorts.exec(text); m; m = shorts.exec(text)) {
      if (used.has(m[0]) || isWordCharAt(text, m.index - 1)) continue;
      const candidates = abbreviations.byShort.get(m[0])!;
      if (candidates.every((a) => a.beforeName) && NAME_AFTER.test(text.slice(shorts.lastIndex, shorts.lastIndex + 3))) continue;
      used.add(m[0]);
      firstUses.push({ unit, index: m.index, short: m[0] });
    }
  }
  if (!firstUses.length) return [];
  // Where each long form (and each long form that begins another: "ủy ban" in "ủy ban nhân dân")
  // first appears, up to the last first use.
  const lastOrder = firstUses[firstUses.length - 1]!.unit.order;
  const firstLong = new Map<string, Position>();
  for (const unit of units) {
    if (unit.order > lastOrder) break;
    const lower = unit.text.toLowerCase();
    const sameLength = lower.length === unit.text.length;
    const text = sameLength ? lower : unit.text;
    const longs = sameLength ? abbreviations.longs : abbreviations.longsAnyCase;
    longs.lastIndex = 0;
    for (let m = longs.exec(text); m; m = longs.exec(text)) {
      longs.lastIndex = m.index + 1;
      if (isWordCharAt(text, m.index - 1)) continue;
      const syllables = longKey(m[0]).split(' ');
      for (let n = syllables.length; n > 0; n--) {
        const key = syllables.slice(0, n).join(' ');
        if (!firstLong.has(key)) firstLong.set(key, { order: unit.order, offset: m.index });
      }
    }
  }
  const found: Draft[] = [];
  for (const use of firstUses) {
    const candidates = abbreviations.byShort.get(use.short)!;
    const here = { order: use.unit.order, offset: use.index };
    const explained = candidates.some((a) => {
      const long = firstLong.get(longKey(a.long));
      return long !== undefined && isBefore(long, here);
    });
    if (!explained) found.push(at(use.unit, use.index, use.short.length, { short: use.short, long: candidates[0]!.long }));
  }
  return found;
}

/** Two or more spaces in a row (a no-break space, a tab or any other space among them). */
const DOUBLE_SPACE = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]{2,}/g;

/** Reads every text: each run of two or more spaces. Params: count (the spaces in the run). */
function doubleSpace(cx: RuleContext): Draft[] {
  return matchesIn(cx.units, DOUBLE_SPACE, (m) => ({ count: m[0].length }));
}

const DOTS = /\.{3,}/g;

/** Reads every text: three or more full stops in a row, where the house sets "…". Params: count (the dots). */
function ellipsis(cx: RuleContext): Draft[] {
  return matchesIn(cx.units, DOTS, (m) => ({ count: m[0].length }));
}

const STRAIGHT_QUOTE = /["']/g;

/**
 * Reads every text, when the house sets curly quotes (config.curlyQuotes): a straight double
 * quote anywhere; a straight single quote unless it stands between letters or digits, where it is
 * an apostrophe ("Kơ'Nia", "H'Mông", "rock'n'roll"). Link addresses are not text and are not
 * read. Params: quote (" or ').
 */
function straightQuotes(cx: RuleContext): Draft[] {
  if (!cx.config.curlyQuotes) return [];
  const found: Draft[] = [];
  for (const unit of cx.units) {
    const text = unit.text;
    STRAIGHT_QUOTE.lastIndex = 0;
    for (let m = STRAIGHT_QUOTE.exec(text); m; m = STRAIGHT_QUOTE.exec(text)) {
      if (m[0] === "'" && isWordCharAt(text, m.index - 1) && isWordCharAt(text, m.index + 1)) continue;
      found.push(at(unit, m.index, 1, { quote: m[0] }));
    }
  }
  return found;
}

/** A hyphen with a space (or the start of the text or a line) before it and a space after it. */
const SPACED_HYPHEN = /(?<!\S)-(?=\s)/g;

/**
 * Reads every text: a hyphen used as a dash, where the house sets "–": between words ("Cần Thơ -
 * Hậu Giang"), between numbers ("2020 - 2025": a range is a dash too), and at the start of a
 * paragraph or line ("- Anh đi đâu?": dialogue and list dashes are "–" as well). A hyphen inside a
 * word or number ("Bà Rịa-Vũng Tàu", "-5 độ C") is left alone. The finding is the hyphen itself.
 * No params.
 */
function spacedHyphen(cx: RuleContext): Draft[] {
  return matchesIn(cx.units, SPACED_HYPHEN);
}

const rules: Record<ChecklistRuleId, (cx: RuleContext) => Draft[]> = {
  'headline-length': headlineLength,
  'sapo-length': sapoLength,
  byline,
  'image-alt': imageAlt,
  'image-caption': imageCaption,
  'empty-paragraph': emptyParagraph,
  'link-scheme': linkScheme,
  'slug-unique': slugUnique,
  nfd,
  eth,
  'tone-style': toneStyle,
  abbreviation,
  'double-space': doubleSpace,
  ellipsis,
  'straight-quotes': straightQuotes,
  'spaced-hyphen': spacedHyphen,
  suggestions,
  comments,
};

/**
 * The checklist's findings for an article, in reading order (headline, sapo, byline, slug,
 * featured photo, body), rules in their listed order where two findings share a place. Rules
 * whose severity is 'off' are not run.
 */
export function runChecklist(article: ChecklistInput, config: ChecklistConfig, context: ChecklistContext): Finding[] {
  const cx = buildContext(article, config, context);
  const found: Draft[] = [];
  for (const rule of checklistRuleIds) {
    const severity = FIXED_RULES.has(rule) ? DEFAULT_SEVERITIES[rule] : config.severities[rule];
    if (severity === 'off') continue;
    for (const made of rules[rule](cx)) {
      made.finding.rule = rule;
      made.finding.severity = severity;
      found.push(made);
    }
  }
  found.sort((a, b) => a.order - b.order || a.offset - b.offset);
  return found.map((made) => made.finding);
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((finding) => finding.severity === 'error');
