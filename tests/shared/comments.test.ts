import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import { checklistConfig, checklistSettingsSchema, defaultChecklistSettings, hasErrors, runChecklist, type ChecklistConfig, type ChecklistInput, type Finding } from '../../shared/review/checklist';
import { COMMENT_LIMITS, commentMessageSchema, commentsBy, commentThreadSchema, openThreads, quoteOf, type CommentMessage, type CommentThread } from '../../shared/review/comments';

const AT = '2026-11-28T09:00:00+07:00';
const LATER = '2026-11-28T10:30:00+07:00';

const message = (id: string, profileId: string | undefined, value = 'Kiểm tra lại số liệu này.'): CommentMessage => ({
  id,
  by: profileId ?? 'Máy này',
  ...(profileId ? { profileId } : {}),
  at: AT,
  text: value,
});

const thread = (changes: Partial<CommentThread> = {}): CommentThread => ({
  id: 't-1',
  anchor: { from: 5, to: 12 },
  quote: 'giá lúa',
  messages: [message('m-1', 'quoc-huy')],
  resolved: null,
  ...changes,
});

const valid = (value: unknown) => commentThreadSchema.safeParse(value).success;

describe('commentThreadSchema', () => {
  it('accepts a thread, anchored or detached, open or resolved', () => {
    expect(commentThreadSchema.parse(thread())).toEqual(thread());
    expect(valid(thread({ anchor: null }))).toBe(true);
    expect(valid(thread({ resolved: { at: LATER, by: 'Minh Anh', profileId: 'minh-anh' } }))).toBe(true);
    expect(valid(thread({ anchor: { from: 0, to: 1 } }))).toBe(true);
  });

  it('needs an anchor that covers some text: from before to', () => {
    expect(valid(thread({ anchor: { from: 12, to: 12 } }))).toBe(false);
    expect(valid(thread({ anchor: { from: 12, to: 5 } }))).toBe(false);
    expect(valid(thread({ anchor: { from: -1, to: 5 } }))).toBe(false);
    expect(valid(thread({ anchor: { from: 1.5, to: 5 } }))).toBe(false);
    expect(valid({ ...thread(), anchor: undefined })).toBe(false);
  });

  it('needs at least one message, and at most the limit', () => {
    expect(valid(thread({ messages: [] }))).toBe(false);
    const many = Array.from({ length: COMMENT_LIMITS.messages }, (_, i) => message(`m-${i}`, 'quoc-huy'));
    expect(valid(thread({ messages: many }))).toBe(true);
    expect(valid(thread({ messages: [...many, message('m-x', 'quoc-huy')] }))).toBe(false);
  });

  it('bounds the texts: a message, a quote, ids; a blank message is none', () => {
    expect(valid(thread({ messages: [message('m-1', 'quoc-huy', 'x'.repeat(COMMENT_LIMITS.text))] }))).toBe(true);
    expect(valid(thread({ messages: [message('m-1', 'quoc-huy', 'x'.repeat(COMMENT_LIMITS.text + 1))] }))).toBe(false);
    expect(valid(thread({ messages: [message('m-1', 'quoc-huy', '   \n ')] }))).toBe(false);
    expect(valid(thread({ messages: [message('m-1', 'quoc-huy', '')] }))).toBe(false);
    expect(valid(thread({ quote: 'x'.repeat(COMMENT_LIMITS.quote) }))).toBe(true);
    expect(valid(thread({ quote: 'x'.repeat(COMMENT_LIMITS.quote + 1) }))).toBe(false);
    expect(valid(thread({ id: '' }))).toBe(false);
    expect(valid(thread({ id: 'x'.repeat(65) }))).toBe(false);
    expect(valid(thread({ messages: [{ ...message('m-1', 'quoc-huy'), at: 'hôm qua' }] }))).toBe(false);
    expect(valid({ ...thread(), extra: true })).toBe(false);
  });

  it('stores a message’s text trimmed and in NFC', () => {
    expect(commentMessageSchema.parse(message('m-1', 'quoc-huy', '  Kie\u0302\u0309m tra lại.  ')).text).toBe('Kiểm tra lại.');
  });

  it('openThreads: the ones not resolved', () => {
    const done = thread({ id: 't-2', resolved: { at: LATER, by: 'Quốc Huy', profileId: 'quoc-huy' } });
    expect(openThreads([thread(), done]).map((t) => t.id)).toEqual(['t-1']);
  });
});

describe('quoteOf', () => {
  it('keeps a short text, on one line, without zero-width spaces', () => {
    expect(quoteOf('giá lúa')).toBe('giá lúa');
    expect(quoteOf('  Giá\u200B lúa\n\n tăng\u200B  mạnh ')).toBe('Giá lúa tăng mạnh');
    expect(quoteOf('\u200B')).toBe('');
  });

  it('keeps a text of exactly the limit whole (zero-width spaces not counted)', () => {
    const exactly = 'a'.repeat(COMMENT_LIMITS.quote);
    expect(quoteOf(exactly)).toBe(exactly);
    expect(quoteOf(`\u200B${exactly}\u200B`)).toBe(exactly);
  });

  it('cuts a long text at a word, with an ellipsis, within the limit', () => {
    const long = Array.from({ length: 400 }, (_, i) => `từ${i}`).join(' ');
    const quote = quoteOf(long);
    expect(quote.endsWith('…')).toBe(true);
    expect(quote.length).toBeLessThanOrEqual(COMMENT_LIMITS.quote);
    const kept = quote.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    // It ends at a whole word: a space follows it in the text.
    expect(long[kept.length]).toBe(' ');
    expect(kept.length).toBeGreaterThan(COMMENT_LIMITS.quote / 2);
    expect(valid(thread({ quote }))).toBe(true);
  });

  it('cuts a text without a late space where the limit falls', () => {
    const long = `Mở đầu ${'x'.repeat(2000)}`;
    expect(quoteOf(long)).toBe(`${long.slice(0, COMMENT_LIMITS.quote - 1)}…`);
  });
});

describe('commentsBy: a save writes and resolves comments only in the saver’s name', () => {
  const before = [thread()];
  /** Minh Anh as the service knows her (the helpers write a message's name as its profile id). */
  const ME = { id: 'minh-anh', name: 'minh-anh' };

  it('refuses a new message in someone else’s name (or in no one’s)', () => {
    const after = [thread({ messages: [message('m-1', 'quoc-huy'), message('m-2', 'quoc-huy', 'Tôi đồng ý.')] })];
    expect(commentsBy(before, after, ME)).toBe(false);
    expect(commentsBy(before, [thread({ messages: [message('m-1', 'quoc-huy'), message('m-2', undefined)] })], ME)).toBe(false);
    // A new thread in someone else's name too.
    expect(commentsBy(before, [...before, thread({ id: 't-2', messages: [message('m-9', 'quoc-huy')] })], ME)).toBe(false);
    // One's own profile with someone else's name shown.
    expect(commentsBy(before, [thread({ messages: [message('m-1', 'quoc-huy'), { ...message('m-2', 'minh-anh'), by: 'Quốc Huy' }] })], ME)).toBe(false);
  });

  it('refuses changing or removing what is written', () => {
    expect(commentsBy(before, [thread({ messages: [message('m-1', 'quoc-huy', 'Số liệu đúng rồi.')] })], ME)).toBe(false);
    expect(commentsBy(before, [], ME)).toBe(false);
    expect(commentsBy([thread({ messages: [message('m-1', 'quoc-huy'), message('m-2', 'minh-anh')] })], before, ME)).toBe(false);
  });

  it('allows a new message or thread in one’s own name beside others’ untouched messages', () => {
    const reply = [thread({ messages: [message('m-1', 'quoc-huy'), message('m-2', 'minh-anh', 'Đã sửa.')] })];
    expect(commentsBy(before, reply, ME)).toBe(true);
    expect(commentsBy(before, [...before, thread({ id: 't-2', messages: [message('m-9', 'minh-anh')] })], ME)).toBe(true);
    expect(commentsBy(before, before, ME)).toBe(true);
    // The anchor moved with the text, or was detached: not a new message.
    expect(commentsBy(before, [thread({ anchor: { from: 9, to: 16 } })], ME)).toBe(true);
    expect(commentsBy(before, [thread({ anchor: null })], ME)).toBe(true);
  });

  it('refuses a resolution in someone else’s name, allows one’s own, an unchanged one, and reopening', () => {
    const minhAnh = { id: 'minh-anh', name: 'Minh Anh' };
    const byEditor = { at: LATER, by: 'Quốc Huy', profileId: 'quoc-huy' };
    expect(commentsBy(before, [thread({ resolved: byEditor })], minhAnh)).toBe(false);
    expect(commentsBy(before, [thread({ resolved: { at: LATER, by: 'Minh Anh' } })], minhAnh)).toBe(false);
    expect(commentsBy(before, [thread({ resolved: { at: LATER, by: 'Minh Anh', profileId: 'minh-anh' } })], minhAnh)).toBe(true);
    const resolved = [thread({ resolved: byEditor })];
    expect(commentsBy(resolved, resolved, minhAnh)).toBe(true);
    expect(commentsBy(resolved, before, minhAnh)).toBe(true);
    // Resolved again by someone else, at another time.
    expect(commentsBy(resolved, [thread({ resolved: { ...byEditor, at: '2026-11-29T08:00:00+07:00' } })], minhAnh)).toBe(false);
  });

  it('allows anything when the library has no profiles', () => {
    const after = [thread({ messages: [message('m-1', 'quoc-huy'), message('m-2', 'quoc-huy')], resolved: { at: LATER, by: 'Quốc Huy', profileId: 'quoc-huy' } })];
    expect(commentsBy(before, after, undefined)).toBe(true);
  });
});

describe('the checklist reads suggestions and comments', () => {
  // A clean article (as in checklist.test.ts): every rule passes on it.
  const HEADLINE = 'Cần Thơ khẩn trương khắc phục ngập nước trên đường Nguyễn Văn Cừ';
  const SAPO =
    'Sau trận mưa lớn chiều 12-9, nhiều đoạn đường Nguyễn Văn Cừ ngập sâu hơn nửa mét; Ủy ban nhân dân (UBND) quận Ninh Kiều đã huy động lực lượng xử lý ngay trong đêm.';
  const FIRST = 'Theo ghi nhận của phóng viên, mưa kéo dài gần hai giờ khiến nhiều xe máy chết máy giữa đường.';
  const SECOND = 'Ông Trần Văn Hòa, Chủ tịch UBND quận Ninh Kiều, cho biết quận sẽ nạo vét cống thoát nước trước mùa mưa năm sau.';
  const para = (...content: unknown[]) => ({ type: 'paragraph', content });
  const plain = (value: string) => ({ type: 'text', text: value });
  const body = (...content: unknown[]): BodyDoc => ({ type: 'doc', content }) as BodyDoc;
  const CLEAN = body(para(plain(FIRST)), para(plain(SECOND)));
  const SUGGESTED = body(
    para(plain('Theo ghi nhận của phóng viên, mưa kéo dài '), { type: 'text', text: 'gần ', marks: [{ type: 'insertion', attrs: { id: 'minh-anh:1' } }] }, plain('hai giờ khiến nhiều xe máy chết máy giữa đường.')),
    para(plain(SECOND)),
  );

  const article = (changes: Partial<ChecklistInput> = {}): ChecklistInput => ({
    id: 'bai-1',
    headline: HEADLINE,
    sapo: SAPO,
    byline: 'Duy Khôi',
    slug: 'can-tho-khac-phuc-ngap-nuoc',
    featuredImage: null,
    body: CLEAN,
    ...changes,
  });
  const config = (settings: unknown = {}, section?: unknown): ChecklistConfig =>
    checklistConfig(checklistSettingsSchema.parse(settings), { headlineLimit: 100, ...(section ? { checklist: section as never } : {}) });
  const check = (input: ChecklistInput, cfg: ChecklistConfig = config()) => runChecklist(input, cfg, { slugTaken: () => false });
  const of = (findings: Finding[], rule: Finding['rule']) => findings.filter((f) => f.rule === rule);

  it('passes the clean article (with resolved comments only)', () => {
    expect(check(article())).toEqual([]);
    const resolved = thread({ resolved: { at: LATER, by: 'Quốc Huy', profileId: 'quoc-huy' } });
    expect(check(article({ comments: [resolved, { ...resolved, id: 't-2' }] }))).toEqual([]);
    expect(check(article({ comments: [] }))).toEqual([]);
  });

  it('a pending suggestion is an error, whatever the settings say', () => {
    const expected = { rule: 'suggestions', severity: 'error', location: { field: 'body' }, excerpt: 'gần ', params: { count: 1 } };
    expect(check(article({ body: SUGGESTED }))).toEqual([expected]);
    expect(hasErrors(check(article({ body: SUGGESTED })))).toBe(true);
    for (const severity of ['off', 'warning'] as const) {
      expect(check(article({ body: SUGGESTED }), config({ severities: { suggestions: severity } }))).toEqual([expected]);
      expect(check(article({ body: SUGGESTED }), config({}, { severities: { suggestions: severity } }))).toEqual([expected]);
    }
  });

  it('counts the pending suggestions, a deleted word too', () => {
    const two = body(
      SUGGESTED.content[0],
      para(plain('Ông Trần Văn Hòa, Chủ tịch UBND quận Ninh Kiều, cho biết quận sẽ nạo vét cống thoát nước '), { type: 'text', text: 'ngay ', marks: [{ type: 'deletion', attrs: { id: 'quoc-huy:1' } }] }, plain('trước mùa mưa năm sau.')),
    );
    expect(of(check(article({ body: two })), 'suggestions')).toMatchObject([{ severity: 'error', params: { count: 2 } }]);
  });

  it('open comments are a warning with their count; resolved ones are not counted', () => {
    const open = [thread(), thread({ id: 't-2', quote: 'nạo vét cống' })];
    const resolved = thread({ id: 't-3', resolved: { at: LATER, by: 'Quốc Huy', profileId: 'quoc-huy' } });
    const findings = check(article({ comments: [...open, resolved] }));
    expect(findings).toEqual([{ rule: 'comments', severity: 'warning', location: { field: 'body' }, excerpt: 'giá lúa', params: { count: 2 } }]);
    expect(hasErrors(findings)).toBe(false);
    expect(of(check(article({ comments: [resolved, thread({ id: 't-4', anchor: null, quote: 'đoạn đã xóa' })] })), 'comments')).toMatchObject([{ excerpt: 'đoạn đã xóa', params: { count: 1 } }]);
  });

  it('the comments rule follows the settings', () => {
    expect(of(check(article({ comments: [thread()] }), config({ severities: { comments: 'off' } })), 'comments')).toEqual([]);
    expect(of(check(article({ comments: [thread()] }), config({ severities: { comments: 'error' } })), 'comments')).toMatchObject([{ severity: 'error' }]);
    expect(of(check(article({ comments: [thread()] }), checklistConfig(defaultChecklistSettings(), undefined)), 'comments')).toMatchObject([{ severity: 'warning' }]);
  });
});
