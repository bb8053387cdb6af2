import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import { diffArticles, diffText, tokenize, type ArticleDiff, type BlockDiff, type DiffableArticle, type DiffPart } from '../../shared/review/diff';
import { countWords } from '../../shared/text/vietnamese';

/**
 * The comparison of two revisions of an article, as the editors and the legal desk read it: what
 * changed in each field and in each block of the body, word by word (a Vietnamese word is a
 * syllable), with moves, splits, merges and restyling told apart from rewriting.
 */

const ASSET = `${'cd'.repeat(32)}.png`;
const OTHER_ASSET = `${'ab'.repeat(32)}.jpg`;

type Marks = Array<{ type: string; attrs?: Record<string, unknown> }>;
const txt = (text: string, marks?: Marks) => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: Array<string | { type: string }>) => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? txt(c) : c)),
});
const h = (level: 2 | 3, text: string) => ({ type: 'heading', attrs: { level }, content: [txt(text)] });
const quote = (...paragraphs: string[]) => ({ type: 'blockquote', content: paragraphs.map((t) => p(t)) });
const photo = (caption: string, credit = 'Ảnh: Minh Anh', alt = 'Lãnh đạo thành phố phát biểu tại hội nghị', assetId = ASSET) => ({
  type: 'figure',
  attrs: { assetId, alt, caption, credit },
});
const bullets = (...items: string[]) => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [p(t)] })) });
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as unknown as BodyDoc;

const LEAD = 'Sáng 12/3, UBND TP Cần Thơ tổ chức hội nghị triển khai kế hoạch phát triển kinh tế - xã hội năm 2026, với sự tham dự của lãnh đạo các sở, ngành và 9 quận, huyện.';
const FIGURES =
  'Theo báo cáo của Sở Tài chính, tổng sản phẩm trên địa bàn thành phố năm 2025 tăng 7,2% so với cùng kỳ, cao hơn mức bình quân của vùng Đồng bằng sông Cửu Long. Thu ngân sách đạt hơn 14.500 tỷ đồng, vượt 6% dự toán được giao. Kim ngạch xuất khẩu ước đạt 2,6 tỷ USD, chủ yếu từ gạo, thủy sản và trái cây.';
const QUOTE =
  '“Năm 2026 là năm bản lề, chúng ta phải tập trung tháo gỡ vướng mắc về mặt bằng để đẩy nhanh tiến độ các công trình trọng điểm”, Chủ tịch UBND thành phố nhấn mạnh.';
const HEADING = 'Ưu tiên hạ tầng giao thông';
const ROADS_1 = 'Thành phố xác định hạ tầng giao thông là khâu đột phá.';
const ROADS_2 = 'Trong năm nay, tuyến đường Vành đai phía Tây và cầu Trần Hoàng Na sẽ được đẩy nhanh tiến độ, phấn đấu thông xe kỹ thuật trước ngày 30/4.';
const ROADS = `${ROADS_1} ${ROADS_2}`;
const INVEST = 'Bên cạnh đó, thành phố tiếp tục kêu gọi đầu tư vào các khu công nghiệp, ưu tiên những dự án công nghệ cao, thân thiện với môi trường.';
const SOCIAL =
  'Về lĩnh vực văn hóa - xã hội, thành phố sẽ hoàn thành việc xóa nhà tạm, nhà dột nát cho các hộ nghèo, cận nghèo trước tháng 9, đồng thời nâng cao chất lượng khám chữa bệnh tại tuyến y tế cơ sở.';
const CAPTION = 'Chủ tịch UBND TP Cần Thơ phát biểu tại hội nghị sáng 12/3.';
const CLOSING_HEAD = 'Kết luận hội nghị, Chủ tịch UBND thành phố yêu cầu các đơn vị khẩn trương cụ thể hóa kế hoạch thành chương trình hành động, phân công ';
const CLOSING_BOLD = 'rõ người, rõ việc, rõ thời hạn';
const CLOSING_TAIL = ' hoàn thành.';

/** The article as the reporter filed it. */
const body = (over: Partial<Record<'lead' | 'figures' | 'quote' | 'heading' | 'roads' | 'invest' | 'photo' | 'social' | 'closing', unknown[]>> = {}) =>
  doc(
    ...(over.lead ?? [p(LEAD)]),
    ...(over.figures ?? [p(FIGURES)]),
    ...(over.quote ?? [quote(QUOTE)]),
    ...(over.heading ?? [h(2, HEADING)]),
    ...(over.roads ?? [p(ROADS)]),
    ...(over.invest ?? [p(INVEST)]),
    ...(over.photo ?? [photo(CAPTION)]),
    ...(over.social ?? [p(SOCIAL)]),
    ...(over.closing ?? [p(`${CLOSING_HEAD}${CLOSING_BOLD}${CLOSING_TAIL}`)]),
  );

const article = (over: Partial<DiffableArticle> = {}): DiffableArticle => ({
  headline: 'Cần Thơ đặt mục tiêu tăng trưởng 8% trong năm 2026',
  sapo: 'Thành phố tập trung tháo gỡ vướng mắc về mặt bằng, đẩy nhanh các công trình giao thông trọng điểm và kêu gọi đầu tư công nghệ cao.',
  byline: 'Minh Anh - Thanh Hòa',
  section: 'thoi-su',
  tags: ['Cần Thơ', 'kinh tế', 'đầu tư công'],
  slug: 'can-tho-dat-muc-tieu-tang-truong-8-trong-nam-2026',
  status: 'draft',
  featuredImage: { assetId: ASSET, alt: 'Quang cảnh hội nghị', caption: 'Quang cảnh hội nghị sáng 12/3.', credit: 'Ảnh: Minh Anh' },
  body: body(),
  ...over,
});

const changed = (result: ArticleDiff) => result.body.filter((entry) => entry.change !== 'equal');
const ops = (parts: readonly DiffPart[], op: DiffPart['op']) => parts.filter((part) => part.op === op).map((part) => part.text);
const joinOps = (parts: readonly DiffPart[], keep: DiffPart['op']) =>
  parts
    .filter((part) => part.op === 'equal' || part.op === keep)
    .map((part) => part.text)
    .join('');
const bodyOnly = (before: BodyDoc, after: BodyDoc) => diffArticles(article({ body: before }), article({ body: after }));

describe('tokens', () => {
  it('keeps syllables whole with their tone and vowel marks, and joins back into the text', () => {
    const text = 'Quận ủy Bình Thủy, TP Thủ Đức – Đắk R’lấp (Đắk Nông) có người M\'nông';
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens.filter((t) => /\p{L}/u.test(t))).toEqual(['Quận', 'ủy', 'Bình', 'Thủy', 'TP', 'Thủ', 'Đức', 'Đắk', 'R’lấp', 'Đắk', 'Nông', 'có', 'người', "M'nông"]);
    expect(tokens).toContain(',');
    expect(tokens).toContain('–');
    expect(tokens).toContain(' ');
  });

  it('keeps numbers, dates and hyphenated words as one token, and decomposed syllables whole', () => {
    expect(tokenize('thu 14.500 tỷ đồng, tăng 7,2% ngày 20/11/2024 lúc 7:30')).toEqual(
      ['thu', ' ', '14.500', ' ', 'tỷ', ' ', 'đồng', ',', ' ', 'tăng', ' ', '7,2', '%', ' ', 'ngày', ' ', '20/11/2024', ' ', 'lúc', ' ', '7:30'],
    );
    expect(tokenize('ca COVID-19 ở Ma-lai-xi-a.')).toEqual(['ca', ' ', 'COVID-19', ' ', 'ở', ' ', 'Ma-lai-xi-a', '.']);
    expect(tokenize('Việt Nam'.normalize('NFD'))).toEqual(['Việt'.normalize('NFD'), ' ', 'Nam']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('text diff', () => {
  it('shows a tone mark placed differently as one syllable changed', () => {
    expect(diffText('Hòa bình và hợp tác', 'Hoà bình và hợp tác')).toEqual([
      { op: 'delete', text: 'Hòa' },
      { op: 'insert', text: 'Hoà' },
      { op: 'equal', text: ' bình và hợp tác' },
    ]);
    const parts = diffText('Quận Bình Thủy có 8 phường với hơn 240.000 dân, nằm bên bờ sông Hậu.', 'Quận Bình Thuỷ có 8 phường với hơn 240.000 dân, nằm bên bờ sông Hậu.');
    expect(ops(parts, 'delete')).toEqual(['Thủy']);
    expect(ops(parts, 'insert')).toEqual(['Thuỷ']);
  });

  it('shows a word added before a place name as that word alone', () => {
    expect(diffText('Thủ Đức đề xuất mở rộng đường Vành đai 2', 'TP Thủ Đức đề xuất mở rộng đường Vành đai 2')).toEqual([
      { op: 'insert', text: 'TP ' },
      { op: 'equal', text: 'Thủ Đức đề xuất mở rộng đường Vành đai 2' },
    ]);
  });

  it('keeps whitespace-only changes visible', () => {
    expect(diffText('Cần  Thơ', 'Cần Thơ')).toEqual([
      { op: 'equal', text: 'Cần' },
      { op: 'delete', text: '  ' },
      { op: 'insert', text: ' ' },
      { op: 'equal', text: 'Thơ' },
    ]);
  });

  it('reads a rewritten phrase as one deletion and one insertion, not word by word', () => {
    expect(diffText('giá lúa tăng mạnh', 'giá xăng giảm nhẹ')).toEqual([
      { op: 'equal', text: 'giá ' },
      { op: 'delete', text: 'lúa tăng mạnh' },
      { op: 'insert', text: 'xăng giảm nhẹ' },
    ]);
  });

  it('rebuilds both texts from its parts and treats NFD input as the NFC text', () => {
    const before = FIGURES;
    const after = FIGURES.replace('7,2%', '7,5%').replace('trái cây', 'trái cây tươi');
    const parts = diffText(before, after);
    expect(joinOps(parts, 'delete')).toBe(before);
    expect(joinOps(parts, 'insert')).toBe(after);
    expect(diffText('Thành phố Hồ Chí Minh'.normalize('NFD'), 'Thành phố Hồ Chí Minh')).toEqual([{ op: 'equal', text: 'Thành phố Hồ Chí Minh' }]);
  });

  it('gives a quote moved inside a paragraph the same moveId at both ends', () => {
    const before = 'Ông Nguyễn Văn Hùng, Giám đốc Sở Xây dựng, cho biết: “Chúng tôi sẽ hoàn thành dự án trong năm nay”. Dự án có tổng vốn hơn 2.000 tỷ đồng, khởi công từ năm 2023.';
    const after = 'Dự án có tổng vốn hơn 2.000 tỷ đồng, khởi công từ năm 2023. Ông Nguyễn Văn Hùng, Giám đốc Sở Xây dựng, cho biết: “Chúng tôi sẽ hoàn thành dự án trong năm nay”.';
    const parts = diffText(before, after);
    const moved = parts.filter((part) => part.moveId !== undefined);
    expect(moved.map((part) => part.op).sort()).toEqual(['delete', 'insert']);
    expect(moved[0]!.moveId).toBe(moved[1]!.moveId);
    expect(moved[0]!.text.trim()).toBe(moved[1]!.text.trim());
    expect(parts.filter((part) => part.op !== 'equal' && part.moveId === undefined)).toEqual([]);
  });

  it('does not call a short repeated word a move', () => {
    const parts = diffText('và thành phố', 'thành phố và');
    expect(parts.some((part) => part.moveId !== undefined)).toBe(false);
  });
});

describe('body diff', () => {
  it('finds nothing between identical articles', () => {
    const result = diffArticles(article(), article());
    expect(result.stats).toEqual({ insertions: 0, deletions: 0, changes: 0 });
    expect(result.fields.every((field) => !field.changed)).toBe(true);
    expect(result.body.every((entry) => entry.change === 'equal')).toBe(true);
    expect(result.body.map((entry) => entry.after[0]!.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'figure', 'paragraph', 'paragraph']);
    expect(result.body[2]!.after[0]!.context).toEqual(['blockquote']);
    expect(result.body[2]!.parts).toEqual([{ op: 'equal', text: QUOTE }]);
    expect(JSON.stringify(result)).not.toContain('moveId');
  });

  it('shows a sentence edited in a long paragraph as a modified block with small parts', () => {
    const edited = FIGURES.replace('7,2%', '7,5%').replace('vượt 6% dự toán được giao', 'vượt 8% dự toán Trung ương giao');
    const result = bodyOnly(body(), body({ figures: [p(edited)] }));
    const entries = changed(result);
    expect(entries).toHaveLength(1);
    const [entry] = entries as [BlockDiff];
    expect(entry.change).toBe('modified');
    expect(entry.before[0]!.text).toBe(FIGURES);
    expect(entry.after[0]!.text).toBe(edited);
    expect(ops(entry.parts, 'delete')).toEqual(['7,2', '6', 'được']);
    expect(ops(entry.parts, 'insert')).toEqual(['7,5', '8', 'Trung ương']);
    expect(joinOps(entry.parts, 'delete')).toBe(FIGURES);
    expect(joinOps(entry.parts, 'insert')).toBe(edited);
    expect(result.stats).toEqual({ insertions: 4, deletions: 3, changes: 1 });
  });

  it('shows a tone mark changed in the body as one syllable', () => {
    const result = bodyOnly(body(), body({ social: [p(SOCIAL.replace('văn hóa', 'văn hoá'))] }));
    const [entry] = changed(result) as [BlockDiff];
    expect(entry.change).toBe('modified');
    expect(ops(entry.parts, 'delete')).toEqual(['hóa']);
    expect(ops(entry.parts, 'insert')).toEqual(['hoá']);
    expect(result.stats).toEqual({ insertions: 1, deletions: 1, changes: 1 });
  });

  it('recognises a paragraph split in two, with the boundary', () => {
    const result = bodyOnly(body(), body({ roads: [p(ROADS_1), p(ROADS_2)] }));
    const entries = changed(result);
    expect(entries).toHaveLength(1);
    const [entry] = entries as [BlockDiff];
    expect(entry.change).toBe('split');
    expect(entry.before.map((ref) => ref.text)).toEqual([ROADS]);
    expect(entry.after.map((ref) => ref.text)).toEqual([ROADS_1, ROADS_2]);
    expect(entry.after.map((ref) => ref.path)).toEqual([[4], [5]]);
    expect(entry.parts).toContainEqual({ op: 'insert', text: '\n', boundary: true });
    expect(ops(entry.parts, 'insert')).toEqual(['\n']);
    expect(joinOps(entry.parts, 'insert')).toBe(`${ROADS_1}\n${ROADS_2}`);
    expect(joinOps(entry.parts, 'delete')).toBe(ROADS);
    expect(result.stats).toEqual({ insertions: 0, deletions: 0, changes: 1 });
  });

  it('recognises a split with a small edit', () => {
    const result = bodyOnly(body(), body({ roads: [p(ROADS_1), p(ROADS_2.replace('Trong năm nay', 'Ngay trong năm 2026'))] }));
    const [entry] = changed(result) as [BlockDiff];
    expect(entry.change).toBe('split');
    expect(ops(entry.parts, 'insert')).toContain('\n');
    expect(result.stats.insertions).toBe(countWords('Ngay trong năm 2026') - countWords('Trong năm nay') + 2);
  });

  it('recognises two paragraphs merged into one, with a small edit', () => {
    const result = bodyOnly(body(), body({ lead: [], figures: [p(`${LEAD} Theo báo cáo${FIGURES.slice('Theo báo cáo của Sở Tài chính'.length)}`)] }));
    const entries = changed(result);
    expect(entries.map((entry) => entry.change)).toEqual(['merged']);
    const [merged] = entries as [BlockDiff];
    expect(merged.before.map((ref) => ref.text)).toEqual([LEAD, FIGURES]);
    expect(merged.before.map((ref) => ref.path)).toEqual([[0], [1]]);
    expect(merged.after.map((ref) => ref.path)).toEqual([[0]]);
    expect(merged.parts.filter((part) => part.text === '\n')).toEqual([{ op: 'delete', text: '\n', boundary: true }]);
    expect(ops(merged.parts, 'delete')).toEqual(['\n', ' của Sở Tài chính']);
    expect(result.stats).toEqual({ insertions: 0, deletions: 4, changes: 1 });
  });

  it('recognises adjacent paragraphs merged', () => {
    const before = doc(p(LEAD), p(ROADS_1), p(ROADS_2), p(SOCIAL));
    const result = bodyOnly(before, doc(p(LEAD), p(ROADS), p(SOCIAL)));
    const [entry] = changed(result) as [BlockDiff];
    expect(entry.change).toBe('merged');
    expect(entry.parts).toEqual([
      { op: 'equal', text: ROADS_1 },
      { op: 'delete', text: '\n', boundary: true },
      { op: 'insert', text: ' ' },
      { op: 'equal', text: ROADS_2 },
    ]);
    expect(result.stats).toEqual({ insertions: 0, deletions: 0, changes: 1 });
  });

  it('shows a quotation moved from near the top to the end as moved, without counting it as written', () => {
    const result = bodyOnly(body(), doc(p(LEAD), p(FIGURES), h(2, HEADING), p(ROADS), p(INVEST), photo(CAPTION), p(SOCIAL), p(`${CLOSING_HEAD}${CLOSING_BOLD}${CLOSING_TAIL}`), quote(QUOTE)));
    const entries = changed(result);
    expect(entries.map((entry) => entry.change)).toEqual(['movedAway', 'moved']);
    const [away, moved] = entries as [BlockDiff, BlockDiff];
    expect(away.moveId).toBeDefined();
    expect(moved.moveId).toBe(away.moveId);
    expect(away.before[0]!.path).toEqual([2, 0]);
    expect(away.after).toEqual([]);
    expect(moved.before[0]!.path).toEqual([2, 0]);
    expect(moved.after[0]!.path).toEqual([8, 0]);
    expect(moved.after[0]!.context).toEqual(['blockquote']);
    expect(moved.typeChanged).toBeUndefined();
    // Where it was (third) and where it is now (last), in reading order.
    expect(result.body.indexOf(away)).toBe(2);
    expect(result.body.indexOf(moved)).toBe(result.body.length - 1);
    expect(result.stats).toEqual({ insertions: 0, deletions: 0, changes: 2 });
  });

  it('shows a sentence moved from one paragraph into another with a shared moveId', () => {
    const sentence = 'Kim ngạch xuất khẩu ước đạt 2,6 tỷ USD, chủ yếu từ gạo, thủy sản và trái cây.';
    const result = bodyOnly(body(), body({ figures: [p(FIGURES.replace(` ${sentence}`, ''))], invest: [p(`${INVEST} ${sentence}`)] }));
    const entries = changed(result);
    expect(entries.map((entry) => entry.change)).toEqual(['modified', 'modified']);
    const [from, to] = entries as [BlockDiff, BlockDiff];
    const away = from.parts.find((part) => part.op === 'delete')!;
    const here = to.parts.find((part) => part.op === 'insert')!;
    expect(away.moveId).toBeDefined();
    expect(here.moveId).toBe(away.moveId);
    expect(result.stats.insertions + result.stats.deletions).toBe(0);
  });

  it('shows bold added to words as formatted, the restyled words flagged', () => {
    const bold = [{ type: 'bold' }];
    const result = bodyOnly(body(), body({ closing: [p(txt(CLOSING_HEAD), txt(CLOSING_BOLD, bold), txt(CLOSING_TAIL))] }));
    const [entry] = changed(result) as [BlockDiff];
    expect(entry.change).toBe('formatted');
    expect(entry.typeChanged).toBeUndefined();
    expect(entry.parts).toEqual([
      { op: 'equal', text: CLOSING_HEAD },
      { op: 'equal', text: CLOSING_BOLD, formatChanged: true },
      { op: 'equal', text: CLOSING_TAIL },
    ]);
    expect(result.stats).toEqual({ insertions: 0, deletions: 0, changes: 1 });
  });

  it('flags restyled words inside an edited paragraph too, and a link changed', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }];
    const before = doc(p(txt('Xem chi tiết tại '), txt('Cổng thông tin thành phố', link('https://cantho.gov.vn')), txt('.')));
    const after = doc(p(txt('Xem toàn văn tại '), txt('Cổng thông tin thành phố', link('https://cantho.gov.vn/ke-hoach')), txt('.')));
    const [entry] = changed(bodyOnly(before, after)) as [BlockDiff];
    expect(entry.change).toBe('modified');
    expect(entry.parts).toContainEqual({ op: 'equal', text: 'Cổng thông tin thành phố', formatChanged: true });
    expect(ops(entry.parts, 'delete')).toEqual(['chi tiết']);
  });

  it('shows a heading level changed as formatted with typeChanged', () => {
    const result = bodyOnly(body(), body({ heading: [h(3, HEADING)] }));
    const [entry] = changed(result) as [BlockDiff];
    expect(entry.change).toBe('formatted');
    expect(entry.typeChanged).toBe(true);
    expect(entry.before[0]!.attrs).toEqual({ level: 2 });
    expect(entry.after[0]!.attrs).toEqual({ level: 3 });
    expect(entry.parts).toEqual([{ op: 'equal', text: HEADING }]);
  });

  it('shows a paragraph turned into a quotation, and a heading reworded, as type changes', () => {
    const result = bodyOnly(body(), body({ figures: [quote(FIGURES)], heading: [p('Ưu tiên hạ tầng giao thông và logistics')] }));
    const entries = changed(result);
    expect(entries.map((entry) => [entry.change, entry.typeChanged])).toEqual([
      ['formatted', true],
      ['modified', true],
    ]);
    expect(entries[0]!.after[0]!.context).toEqual(['blockquote']);
    expect(ops(entries[1]!.parts, 'insert')).toEqual([' và logistics']);
  });

  it('shows a photo caption edited in the figure parts, and a photo replaced', () => {
    const caption = 'Chủ tịch UBND TP Cần Thơ Trần Văn Bình phát biểu chỉ đạo tại hội nghị sáng 12/3.';
    const result = bodyOnly(body(), body({ photo: [photo(caption)] }));
    const [entry] = changed(result) as [BlockDiff];
    expect(entry.change).toBe('modified');
    expect(entry.figure?.assetChanged).toBe(false);
    expect(ops(entry.figure!.caption, 'insert')).toEqual(['Trần Văn Bình ', 'chỉ đạo ']);
    expect(entry.figure!.credit).toEqual([{ op: 'equal', text: 'Ảnh: Minh Anh' }]);
    expect(entry.parts).toEqual(entry.figure!.caption);
    expect(result.stats).toEqual({ insertions: 5, deletions: 0, changes: 1 });

    const replaced = bodyOnly(body(), body({ photo: [photo(CAPTION, 'Ảnh: Thanh Hòa', undefined, OTHER_ASSET)] }));
    const [swap] = changed(replaced) as [BlockDiff];
    expect(swap.change).toBe('modified');
    expect(swap.figure?.assetChanged).toBe(true);
    expect(swap.before[0]!.assetId).toBe(ASSET);
    expect(swap.after[0]!.assetId).toBe(OTHER_ASSET);
    expect(ops(swap.figure!.credit, 'delete')).toEqual(['Minh Anh']);
    expect(ops(swap.figure!.credit, 'insert')).toEqual(['Thanh Hòa']);
  });

  it('shows inserted and deleted paragraphs where they are and where they were', () => {
    const added = 'Dự kiến trong quý II, thành phố sẽ tổ chức hội nghị xúc tiến đầu tư với sự tham gia của hơn 300 doanh nghiệp trong và ngoài nước.';
    const result = bodyOnly(body(), body({ invest: [p(INVEST), p(added)], social: [] }));
    const entries = changed(result);
    expect(entries.map((entry) => entry.change)).toEqual(['inserted', 'deleted']);
    const [inserted, deleted] = entries as [BlockDiff, BlockDiff];
    expect(inserted.before).toEqual([]);
    expect(inserted.after[0]!.path).toEqual([6]);
    expect(inserted.parts).toEqual([{ op: 'insert', text: added }]);
    expect(deleted.after).toEqual([]);
    expect(deleted.before[0]!.path).toEqual([7]);
    expect(deleted.parts).toEqual([{ op: 'delete', text: SOCIAL }]);
    expect(result.body.indexOf(inserted)).toBe(6);
    expect(result.body.indexOf(deleted)).toBe(8);
    expect(result.stats).toEqual({ insertions: countWords(added), deletions: countWords(SOCIAL), changes: 2 });
  });

  it('pairs an edited paragraph with its new version even with a paragraph inserted before it', () => {
    const added = 'Năm 2026, thành phố dành hơn 4.000 tỷ đồng vốn đầu tư công cho các dự án giao thông.';
    const result = bodyOnly(body(), body({ roads: [p(added), p(ROADS.replace('30/4', '2/9'))] }));
    expect(changed(result).map((entry) => entry.change)).toEqual(['inserted', 'modified']);
  });

  it('compares list items and their lists', () => {
    const before = doc(p(LEAD), bullets('Hoàn thành cầu Trần Hoàng Na', 'Khởi công đường Vành đai phía Tây', 'Xóa nhà tạm cho hộ nghèo'));
    const after = doc(p(LEAD), bullets('Hoàn thành cầu Trần Hoàng Na', 'Khởi công đường Vành đai phía Tây trong quý II', 'Xóa nhà tạm cho hộ nghèo', 'Nâng cấp bệnh viện tuyến quận'));
    const entries = changed(bodyOnly(before, after));
    expect(entries.map((entry) => entry.change)).toEqual(['modified', 'inserted']);
    expect(entries[0]!.after[0]!.context).toEqual(['bulletList', 'listItem']);
    expect(ops(entries[0]!.parts, 'insert')).toEqual([' trong quý II']);
  });

  it('does not call a short paragraph deleted before an edited one a merge', () => {
    const before = doc(p(LEAD), p('Tin liên quan:'), p(SOCIAL), p(INVEST));
    const after = doc(p(LEAD), p(SOCIAL.replace('trước tháng 9', 'trước tháng 10')), p(INVEST));
    expect(changed(bodyOnly(before, after)).map((entry) => entry.change)).toEqual(['deleted', 'modified']);
  });

  it('recognises a paragraph split in three', () => {
    const sentences = ['Lực lượng chức năng đã kiểm tra 56 cơ sở.', 'Kết quả phát hiện 8 trường hợp vi phạm.', 'Tổng số tiền phạt hơn 120 triệu đồng.'];
    const result = bodyOnly(doc(p(LEAD), p(sentences.join(' ')), p(SOCIAL)), doc(p(LEAD), ...sentences.map((t) => p(t)), p(SOCIAL)));
    const [entry] = changed(result) as [BlockDiff];
    expect(entry.change).toBe('split');
    expect(entry.after).toHaveLength(3);
    expect(ops(entry.parts, 'insert')).toEqual(['\n', '\n']);
  });

  it('compares table cells, line breaks and empty paragraphs', () => {
    const cell = (text: string) => ({ type: 'tableCell', content: [p(text)] });
    const table = (...rows: string[][]) => ({ type: 'table', content: rows.map((cells) => ({ type: 'tableRow', content: cells.map(cell) })) });
    const before = doc(table(['Quận', 'Dân số'], ['Ninh Kiều', '280.000'], ['Bình Thủy', '140.000']), p(txt('Nguồn: Cục Thống kê'), { type: 'hardBreak' }, txt('Số liệu năm 2024')));
    const after = doc(table(['Quận', 'Dân số'], ['Ninh Kiều', '285.000'], ['Bình Thuỷ', '140.000']), p(), p(txt('Nguồn: Cục Thống kê'), txt(' – Số liệu năm 2025')));
    const entries = changed(bodyOnly(before, after));
    expect(entries.map((entry) => [entry.change, entry.after[0]?.context.join('>')])).toEqual([
      ['modified', 'table>tableRow>tableCell'],
      ['modified', 'table>tableRow>tableCell'],
      ['inserted', ''],
      ['modified', ''],
    ]);
    expect(ops(entries[0]!.parts, 'insert')).toEqual(['285.000']);
    expect(entries[2]!.parts).toEqual([]);
    expect(ops(entries[3]!.parts, 'delete')).toEqual(['\n', '2024']);
    expect(ops(entries[3]!.parts, 'insert')).toEqual([' – ', '2025']);
  });

  it('tells a rewritten section from an edited one', () => {
    const result = bodyOnly(doc(p(LEAD), p(INVEST)), doc(p(LEAD), p('Giá lúa tại các địa phương vùng Đồng bằng sông Cửu Long tiếp tục giảm trong tuần qua.')));
    expect(changed(result).map((entry) => entry.change)).toEqual(['deleted', 'inserted']);
  });

  it('shows a paragraph moved and edited as moved, with the changed figure in its parts', () => {
    const fund = 'Tổng vốn đầu tư cho các công trình giao thông trọng điểm năm 2026 là hơn 1.000 tỷ đồng, trong đó vốn ngân sách thành phố chiếm khoảng 60%.';
    const edited = fund.replace('1.000', '1.200');
    const result = bodyOnly(doc(p(LEAD), p(fund), p(ROADS), p(INVEST), p(SOCIAL)), doc(p(LEAD), p(ROADS), p(INVEST), p(SOCIAL), p(edited)));
    const entries = changed(result);
    expect(entries.map((entry) => entry.change)).toEqual(['movedAway', 'moved']);
    const [away, moved] = entries as [BlockDiff, BlockDiff];
    expect(away.moveId).toBeDefined();
    expect(moved.moveId).toBe(away.moveId);
    expect(away.before[0]!.path).toEqual([1]);
    expect(away.after).toEqual([]);
    expect(away.parts).toEqual([{ op: 'delete', text: fund, moveId: away.moveId }]);
    expect(moved.before.map((ref) => [ref.path, ref.text])).toEqual([[[1], fund]]);
    expect(moved.after.map((ref) => [ref.path, ref.text])).toEqual([[[4], edited]]);
    expect(ops(moved.parts, 'delete')).toEqual(['1.000']);
    expect(ops(moved.parts, 'insert')).toEqual(['1.200']);
    expect(joinOps(moved.parts, 'delete')).toBe(fund);
    expect(joinOps(moved.parts, 'insert')).toBe(edited);
    expect(result.body.indexOf(away)).toBe(1);
    expect(result.body.indexOf(moved)).toBe(result.body.length - 1);
    // Only the changed figure is written; the rest of the paragraph only moved.
    expect(result.stats).toEqual({ insertions: 1, deletions: 1, changes: 2 });
  });

  it('does not call a paragraph rewritten elsewhere a move', () => {
    const rewritten = SOCIAL.replace('hoàn thành việc xóa nhà tạm, nhà dột nát cho các hộ nghèo, cận nghèo trước tháng 9', 'hỗ trợ xây mới 500 căn nhà đại đoàn kết cho hộ khó khăn');
    const result = bodyOnly(doc(p(LEAD), p(SOCIAL), p(ROADS), p(INVEST)), doc(p(LEAD), p(ROADS), p(INVEST), p(rewritten)));
    expect(changed(result).map((entry) => entry.change)).toEqual(['deleted', 'inserted']);
  });

  it('pairs a table cell with the cell of its column, and a row deleted before a respelled cell as deleted', () => {
    const cell = (text: string) => ({ type: 'tableCell', content: [p(text)] });
    const table = (...rows: string[][]) => ({ type: 'table', content: rows.map((cells) => ({ type: 'tableRow', content: cells.map(cell) })) });
    const before = doc(p(LEAD), table(['Quận', 'Dân số', 'Diện tích (km²)'], ['Ninh Kiều', '280.000', '29,2'], ['Cái Răng', '110.000', '68,3'], ['Bình Thủy', '140.000', '70,6']));
    const after = doc(p(LEAD), table(['Quận', 'Dân số', 'Diện tích (km²)'], ['Ninh Kiều', '280.000', '29,2'], ['Bình Thuỷ', '140.000', '70,6']));
    const entries = changed(bodyOnly(before, after));
    expect(entries.map((entry) => [entry.change, (entry.before[0] ?? entry.after[0])!.text])).toEqual([
      ['deleted', 'Cái Răng'],
      ['deleted', '110.000'],
      ['deleted', '68,3'],
      ['modified', 'Bình Thủy'],
    ]);
    const respelled = entries[3]!;
    expect(respelled.after[0]!.text).toBe('Bình Thuỷ');
    expect(respelled.after[0]!.path).toEqual([1, 2, 0, 0]);
    expect(ops(respelled.parts, 'delete')).toEqual(['Thủy']);
    expect(ops(respelled.parts, 'insert')).toEqual(['Thuỷ']);

    // A figure rewritten is still the cell of its column: never the cell of another column.
    const swapped = bodyOnly(
      doc(table(['Quận', 'Dân số'], ['Ninh Kiều', '280.000'])),
      doc(table(['Quận', 'Dân số'], ['Ninh Kiều', '285.000'])),
    );
    const [cellEntry] = changed(swapped) as [BlockDiff];
    expect(cellEntry.change).toBe('modified');
    expect(cellEntry.before[0]!.path).toEqual([0, 1, 1, 0]);
    expect(cellEntry.after[0]!.path).toEqual([0, 1, 1, 0]);

    // The population column removed and a wrong district corrected: the corrected cell is paired
    // with the cell of its own column, not with the removed figure before it.
    const column = changed(
      bodyOnly(doc(table(['Quận', 'Dân số'], ['Ninh Kiều', '280.000'], ['Cái Răng', '110.000'])), doc(table(['Quận'], ['Ninh Kiều'], ['Ô Môn']))),
    );
    expect(column.map((entry) => [entry.change, entry.before[0]?.text, entry.after[0]?.text])).toEqual([
      ['deleted', 'Dân số', undefined],
      ['deleted', '280.000', undefined],
      ['modified', 'Cái Răng', 'Ô Môn'],
      ['deleted', '110.000', undefined],
    ]);
  });

  it('tells a line break added inside a paragraph from a paragraph split', () => {
    const before = doc(p(LEAD), p('Nguồn: Cục Thống kê TP Cần Thơ. Số liệu năm 2025, cập nhật đến ngày 31/12.'), p(ROADS));
    const after = doc(p(LEAD), p(txt('Nguồn: Cục Thống kê TP Cần Thơ.'), { type: 'hardBreak' }, txt('Số liệu năm 2025, cập nhật đến ngày 31/12.')), p(ROADS_1), p(ROADS_2));
    const entries = changed(bodyOnly(before, after));
    expect(entries.map((entry) => entry.change)).toEqual(['modified', 'split']);
    const [lineBreak, split] = entries as [BlockDiff, BlockDiff];
    expect(lineBreak.parts.filter((part) => part.op !== 'equal')).toEqual([
      { op: 'delete', text: ' ' },
      { op: 'insert', text: '\n' },
    ]);
    expect(lineBreak.parts.some((part) => part.boundary)).toBe(false);
    expect(split.parts.filter((part) => part.op === 'insert')).toEqual([{ op: 'insert', text: '\n', boundary: true }]);
  });
});

describe('field diff', () => {
  it('lists every field in order, changed or not', () => {
    const result = diffArticles(article(), article({ status: 'review' }));
    expect(result.fields.map((field) => field.field)).toEqual(['headline', 'sapo', 'byline', 'section', 'tags', 'slug', 'status', 'featuredImage', 'featuredAlt', 'featuredCaption', 'featuredCredit']);
    expect(result.fields.filter((field) => field.changed).map((field) => field.field)).toEqual(['status']);
    expect(result.stats).toEqual({ insertions: 0, deletions: 0, changes: 1 });
  });

  it('diffs the headline, sapo and byline word by word, and the other fields as values and lists', () => {
    const before = article();
    const after = article({
      headline: 'Cần Thơ đặt mục tiêu tăng trưởng 8,5% trong năm 2026',
      sapo: before.sapo.replace('kêu gọi đầu tư công nghệ cao', 'thu hút đầu tư công nghệ cao'),
      byline: 'Minh Anh - Thanh Hoà',
      section: 'kinh-te',
      tags: ['Cần Thơ', 'đầu tư công', 'giao thông'],
      slug: 'can-tho-dat-muc-tieu-tang-truong-8-5-trong-nam-2026',
      status: 'review',
    });
    const result = diffArticles(before, after);
    const field = (name: string) => result.fields.find((f) => f.field === name)!;
    const text = (name: string) => {
      const f = field(name);
      if (f.kind !== 'text') throw new Error(`${name} is not text`);
      return f.parts;
    };
    expect(ops(text('headline'), 'delete')).toEqual(['8']);
    expect(ops(text('headline'), 'insert')).toEqual(['8,5']);
    expect(ops(text('sapo'), 'delete')).toEqual(['kêu gọi']);
    expect(ops(text('sapo'), 'insert')).toEqual(['thu hút']);
    expect(text('byline')).toEqual([
      { op: 'equal', text: 'Minh Anh - Thanh ' },
      { op: 'delete', text: 'Hòa' },
      { op: 'insert', text: 'Hoà' },
    ]);
    expect(field('section')).toEqual({ field: 'section', kind: 'value', changed: true, before: 'thoi-su', after: 'kinh-te' });
    expect(field('tags')).toEqual({ field: 'tags', kind: 'list', changed: true, added: ['giao thông'], removed: ['kinh tế'], kept: ['Cần Thơ', 'đầu tư công'] });
    expect(field('slug')).toMatchObject({ kind: 'value', changed: true });
    expect(field('status')).toEqual({ field: 'status', kind: 'value', changed: true, before: 'draft', after: 'review' });
    expect(field('featuredImage').changed).toBe(false);
    // Syllables: headline 1/1, sapo 2/2, byline 1/1; changes: 7 fields.
    expect(result.stats).toEqual({ insertions: 4, deletions: 4, changes: 7 });
  });

  it('diffs the featured photo: its image as a value, its texts word by word, none to one', () => {
    const before = article();
    const after = article({ featuredImage: { assetId: OTHER_ASSET, alt: 'Quang cảnh hội nghị', caption: 'Quang cảnh hội nghị tổng kết sáng 12/3.', credit: 'Ảnh: Thanh Hòa' } });
    const result = diffArticles(before, after);
    const field = (name: string) => result.fields.find((f) => f.field === name)!;
    expect(field('featuredImage')).toEqual({ field: 'featuredImage', kind: 'value', changed: true, before: ASSET, after: OTHER_ASSET });
    expect(field('featuredAlt').changed).toBe(false);
    expect(field('featuredCaption')).toMatchObject({ kind: 'text', changed: true, parts: [{ op: 'equal', text: 'Quang cảnh hội nghị ' }, { op: 'insert', text: 'tổng kết ' }, { op: 'equal', text: 'sáng 12/3.' }] });
    expect(field('featuredCredit').changed).toBe(true);
    expect(result.stats).toEqual({ insertions: 4, deletions: 2, changes: 3 });

    const added = diffArticles(article({ featuredImage: null }), before);
    expect(added.fields.find((f) => f.field === 'featuredImage')).toMatchObject({ before: '', after: ASSET, changed: true });
    expect(added.fields.find((f) => f.field === 'featuredCaption')).toMatchObject({ changed: true, parts: [{ op: 'insert', text: 'Quang cảnh hội nghị sáng 12/3.' }] });
  });

  it('counts a change of tag order only as a change', () => {
    const result = diffArticles(article(), article({ tags: ['kinh tế', 'Cần Thơ', 'đầu tư công'] }));
    expect(result.fields.find((f) => f.field === 'tags')).toMatchObject({ changed: true, added: [], removed: [] });
  });
});

describe('all together', () => {
  it('counts syllables inserted and deleted and navigable changes across fields and body', () => {
    const added = 'Thành phố cũng sẽ hỗ trợ doanh nghiệp chuyển đổi số.';
    const after = article({
      headline: 'Cần Thơ đặt mục tiêu tăng trưởng 8,5% trong năm 2026',
      status: 'review',
      body: body({ figures: [p(FIGURES.replace('7,2%', '7,5%'))], roads: [p(ROADS_1), p(ROADS_2)], invest: [p(INVEST), p(added)], heading: [h(3, HEADING)] }),
    });
    const result = diffArticles(article(), after);
    expect(changed(result).map((entry) => entry.change)).toEqual(['modified', 'formatted', 'split', 'inserted']);
    expect(result.stats).toEqual({ insertions: 1 + 1 + countWords(added), deletions: 1 + 1, changes: 2 + 4 });
  });

  // (How fast it is, is measured by `npm run bench`, not asserted here.)
  it('finds exactly the scattered edits of a long article', () => {
    const { before, after } = longArticle();
    const result = diffArticles(article({ body: before }), article({ body: after }));
    const kinds = changed(result).map((entry) => entry.change);
    expect(kinds.filter((k) => k === 'modified')).toHaveLength(25);
    expect(kinds.filter((k) => k === 'inserted')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'deleted')).toHaveLength(2);
    expect(result.stats.changes).toBe(30);
  });

  it('reads a large insertion as insertions and a rewritten body block by block', () => {
    const { before } = longArticle();
    const fresh = doc(...Array.from({ length: 400 }, (_, i) => p(`Đoạn mới số ${i}: ${SENTENCES[(i * 7) % SENTENCES.length]} ${SENTENCES[(i * 3 + 1) % SENTENCES.length]}`)));
    const rewritten = bodyOnly(before, fresh);
    const inserted = bodyOnly(doc(p(LEAD)), doc(p(LEAD), ...fresh.content));
    expect(rewritten.body.length).toBeGreaterThanOrEqual(400);
    expect(changed(inserted).every((entry) => entry.change === 'inserted')).toBe(true);
  });
});

const SENTENCES = [
  'Theo Sở Giao thông vận tải, lưu lượng phương tiện qua cầu Cần Thơ tăng khoảng 12% so với cùng kỳ năm trước.',
  'Nhiều hộ dân ở phường An Bình, quận Ninh Kiều phản ánh tình trạng ngập úng kéo dài sau mỗi trận mưa lớn.',
  'Ủy ban nhân dân thành phố đã chỉ đạo các sở, ngành phối hợp với địa phương khẩn trương khắc phục.',
  'Giá lúa tươi tại ruộng dao động từ 7.200 đến 7.800 đồng mỗi ký, tùy giống và chất lượng.',
  'Các doanh nghiệp xuất khẩu thủy sản cho biết đơn hàng quý I đã phục hồi rõ rệt.',
  'Đại diện Sở Y tế khuyến cáo người dân chủ động tiêm vắc-xin và giữ vệ sinh môi trường sống.',
  'Chương trình được triển khai đồng bộ tại 9 quận, huyện với tổng kinh phí hơn 120 tỷ đồng.',
  'Lực lượng chức năng đã kiểm tra 56 cơ sở kinh doanh, phát hiện 8 trường hợp vi phạm về an toàn thực phẩm.',
  'Theo kế hoạch, công trình sẽ được bàn giao đưa vào sử dụng trước ngày 30/6.',
  'Người dân mong muốn thành phố sớm hoàn thành việc nâng cấp tuyến đường để việc đi lại thuận tiện hơn.',
  'Ông Trần Văn Minh, Giám đốc Trung tâm Xúc tiến đầu tư, thương mại và du lịch, cho biết thêm.',
  'Từ đầu năm đến nay, thành phố đón hơn 2,1 triệu lượt khách du lịch, tăng gần 15%.',
];

/** About 20,000 syllables in 400 paragraphs, and a version with 30 scattered edits: 25 paragraphs edited, 3 inserted, 2 deleted. */
function longArticle(): { before: BodyDoc; after: BodyDoc } {
  const paragraphs = Array.from({ length: 400 }, (_, i) => {
    return `Đoạn ${i + 1}, cập nhật lúc ${7 + (i % 12)}:30 sáng. ${SENTENCES[(i * 5) % SENTENCES.length]} Ngày ${(i % 28) + 1}/${(i % 12) + 1}, ${SENTENCES[(i * 11 + 3) % SENTENCES.length]}`;
  });
  const before = doc(...paragraphs.map((text, i) => (i % 40 === 0 ? h(2, `Phần ${i / 40 + 1}: ${text.slice(0, 40)}`) : p(text))));
  const edited = new Set(Array.from({ length: 25 }, (_, k) => 7 + k * 15));
  const deleted = new Set([100, 250]);
  const afterBlocks: unknown[] = [];
  paragraphs.forEach((text, i) => {
    if (i % 40 === 0) afterBlocks.push(h(2, `Phần ${i / 40 + 1}: ${text.slice(0, 40)}`));
    else if (deleted.has(i)) return;
    else if (edited.has(i)) afterBlocks.push(p(text.replace('thành phố', 'TP Cần Thơ').replace(/\d+%/u, '20%').replace('hòa', 'hoà') + ' Đây là câu mới.'));
    else afterBlocks.push(p(text));
    if (i === 60 || i === 200 || i === 330) afterBlocks.push(p(`Bổ sung sau đoạn ${i + 1}: ${SENTENCES[i % SENTENCES.length]}`));
  });
  const words = countWords(paragraphs.join(' '));
  if (words < 18_000 || words > 24_000) throw new Error(`the long article has ${words} syllables`);
  return { before, after: doc(...afterBlocks) };
}
