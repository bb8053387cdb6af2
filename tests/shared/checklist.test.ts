import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import { countWords } from '../../shared/text/vietnamese';
import {
  checklistConfig,
  checklistRuleIds,
  checklistSettingsSchema,
  DEFAULT_ABBREVIATIONS,
  DEFAULT_SEVERITIES,
  defaultChecklistSettings,
  excerptOf,
  hasErrors,
  runChecklist,
  sectionChecklistSchema,
  type ChecklistConfig,
  type ChecklistContext,
  type ChecklistInput,
  type ChecklistRuleId,
  type Finding,
} from '../../shared/review/checklist';

// A clean article: every rule passes on it (the first test proves it), so each test changes one thing.
const HEADLINE = 'Cần Thơ khẩn trương khắc phục ngập nước trên đường Nguyễn Văn Cừ';
const SAPO =
  'Sau trận mưa lớn chiều 12-9, nhiều đoạn đường Nguyễn Văn Cừ ngập sâu hơn nửa mét; Ủy ban nhân dân (UBND) quận Ninh Kiều đã huy động lực lượng xử lý ngay trong đêm.';
const BODY = [
  'Theo ghi nhận của phóng viên, mưa kéo dài gần hai giờ khiến nhiều xe máy chết máy giữa đường.',
  'Ông Trần Văn Hòa, Chủ tịch UBND quận Ninh Kiều, cho biết quận sẽ nạo vét cống thoát nước trước mùa mưa năm sau.',
];
const IMAGE = 'a'.repeat(64) + '.jpg';

const para = (text: string) => (text ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text }] } : { type: 'paragraph' as const });
const docOf = (...content: unknown[]): BodyDoc => ({ type: 'doc', content }) as BodyDoc;

function article(changes: Partial<ChecklistInput> & { paragraphs?: string[] } = {}): ChecklistInput {
  const { paragraphs = BODY, ...rest } = changes;
  return {
    id: 'bai-1',
    headline: HEADLINE,
    sapo: SAPO,
    byline: 'Duy Khôi',
    slug: 'can-tho-khac-phuc-ngap-nuoc',
    featuredImage: null,
    body: docOf(...paragraphs.map(para)),
    ...rest,
  };
}

const defaults = (): ChecklistConfig => checklistConfig(defaultChecklistSettings(), { headlineLimit: 100 });
const free: ChecklistContext = { slugTaken: () => false };
const check = (input: ChecklistInput, config: ChecklistConfig = defaults(), context: ChecklistContext = free) => runChecklist(input, config, context);
const of = (findings: Finding[], rule: ChecklistRuleId) => findings.filter((f) => f.rule === rule);
const ruleFindings = (rule: ChecklistRuleId, input: ChecklistInput, config?: ChecklistConfig) => of(check(input, config), rule);
/** The text each finding points at. */
const pointed = (findings: Finding[], text: string) => findings.map((f) => text.slice(f.location.offset, f.location.offset! + f.location.length!));

describe('the clean article', () => {
  it('passes every rule', () => {
    expect(check(article())).toEqual([]);
    expect(hasErrors([])).toBe(false);
  });
});

describe('headline-length', () => {
  it('reports a headline shorter than the minimum, longer than the section allows, or empty', () => {
    const short = ruleFindings('headline-length', article({ headline: '  Ngập nước  ' }));
    expect(short).toEqual([
      { rule: 'headline-length', severity: 'warning', location: { field: 'headline' }, excerpt: '  Ngập nước  ', params: { count: 9, min: 20, max: 100 } },
    ]);
    const long = `${HEADLINE}, hàng trăm hộ dân ở phường An Khánh và Hưng Lợi bị ảnh hưởng nặng`;
    expect(ruleFindings('headline-length', article({ headline: long }))[0]?.params).toEqual({ count: [...long].length, min: 20, max: 100 });
    expect(ruleFindings('headline-length', article({ headline: '   ' }))[0]?.params).toEqual({ count: 0, min: 20, max: 100 });
    const zeroMin = checklistConfig(checklistSettingsSchema.parse({ headlineMin: 0 }), { headlineLimit: 100 });
    expect(ruleFindings('headline-length', article({ headline: '' }), zeroMin)).toHaveLength(1);
  });

  it('accepts a headline within the limits, counted in characters and trimmed', () => {
    const exactly = 'Giá lúa tăng, nông dân Cờ Đỏ phấn khởi';
    const config = checklistConfig(defaultChecklistSettings(), { headlineLimit: [...exactly].length });
    expect(ruleFindings('headline-length', article({ headline: ` ${exactly} ` }), config)).toEqual([]);
    expect(ruleFindings('headline-length', article({ headline: `${exactly}!` }), config)).toHaveLength(1);
  });
});

describe('sapo-length', () => {
  it('reports a sapo with too few or too many syllables', () => {
    const short = 'Giá lúa tăng mạnh.';
    expect(ruleFindings('sapo-length', article({ sapo: short }))).toEqual([
      { rule: 'sapo-length', severity: 'warning', location: { field: 'sapo' }, excerpt: short, params: { count: 4, min: 20, max: 70 } },
    ]);
    const long = `${SAPO} Lực lượng chức năng cũng cắm biển cảnh báo, phân luồng giao thông tại các điểm ngập sâu. ${SAPO}`;
    expect(ruleFindings('sapo-length', article({ sapo: long }))[0]?.params).toEqual({ count: countWords(long), min: 20, max: 70 });
    expect(countWords(long)).toBeGreaterThan(70);
    expect(ruleFindings('sapo-length', article({ sapo: '' }))[0]?.params?.count).toBe(0);
  });

  it('accepts a sapo within the range', () => {
    expect(ruleFindings('sapo-length', article())).toEqual([]);
  });
});

describe('byline', () => {
  it('reports an empty or blank byline as an error', () => {
    const findings = check(article({ byline: '  ' }));
    expect(of(findings, 'byline')).toEqual([{ rule: 'byline', severity: 'error', location: { field: 'byline' }, excerpt: '  ' }]);
    expect(hasErrors(findings)).toBe(true);
  });

  it('accepts a byline', () => {
    expect(ruleFindings('byline', article({ byline: 'Nhóm PV Thời sự' }))).toEqual([]);
  });
});

describe('photos: image-alt and image-caption', () => {
  const photo = (alt: string, caption: string, credit = 'Ảnh: Duy Khôi') => ({ type: 'figure', attrs: { assetId: IMAGE, alt, caption, credit } });

  it('reports the featured photo and body photos without alt text or caption', () => {
    const input = article({
      featuredImage: { assetId: IMAGE, alt: '', caption: 'Xe máy chết máy trên đường Nguyễn Văn Cừ.', credit: 'Ảnh: Duy Khôi' },
      body: docOf(para(BODY[0]!), photo('Công nhân nạo vét cống', ''), { type: 'blockquote', content: [para(BODY[1]!)] }, photo(' ', ' ')),
    });
    const findings = check(input).filter((f) => f.rule === 'image-alt' || f.rule === 'image-caption');
    expect(findings.map((f) => [f.rule, f.severity, f.location])).toEqual([
      ['image-alt', 'error', { field: 'featuredImage', attr: 'alt' }],
      ['image-caption', 'warning', { field: 'body', path: [1], attr: 'caption' }],
      ['image-alt', 'error', { field: 'body', path: [3], attr: 'alt' }],
      ['image-caption', 'warning', { field: 'body', path: [3], attr: 'caption' }],
    ]);
    expect(findings[0]!.excerpt).toBe('Xe máy chết máy trên đường Nguyễn Văn Cừ.');
    expect(findings[1]!.excerpt).toBe('Công nhân nạo vét cống');
    expect(findings[0]!.params).toEqual({ assetId: IMAGE });
  });

  it('accepts photos with both', () => {
    const input = article({
      featuredImage: { assetId: IMAGE, alt: 'Đường ngập', caption: 'Đường Nguyễn Văn Cừ ngập sau mưa.', credit: '' },
      body: docOf(para(BODY[0]!), photo('Công nhân nạo vét cống', 'Công nhân nạo vét cống trên đường Mậu Thân.')),
    });
    expect(check(input)).toEqual([]);
  });
});

describe('empty-paragraph', () => {
  it('reports each empty or blank paragraph, in quotes and lists too', () => {
    const input = article({
      body: docOf(
        para(BODY[0]!),
        para(''),
        para('  \u00A0'),
        { type: 'paragraph', content: [{ type: 'hardBreak' }] },
        { type: 'blockquote', content: [para('Chúng tôi rất mừng vì giá lúa tăng.'), para('')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [para('Phường An Khánh')] }, { type: 'listItem', content: [para('')] }] },
        para(BODY[1]!),
      ),
    });
    const found = ruleFindings('empty-paragraph', input);
    expect(found.map((f) => f.location)).toEqual([
      { field: 'body', path: [1], offset: 0, length: 0 },
      { field: 'body', path: [2], offset: 0, length: 3 },
      { field: 'body', path: [3], offset: 0, length: 1 },
      { field: 'body', path: [4, 1], offset: 0, length: 0 },
      { field: 'body', path: [5, 1, 0], offset: 0, length: 0 },
    ]);
    expect(found[0]!.severity).toBe('warning');
  });

  it('leaves a blank table cell and empty headings alone, but not an empty paragraph beside text in a cell', () => {
    const cell = (...paragraphs: string[]) => ({ type: 'tableCell', content: paragraphs.map(para) });
    const table = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell(''), cell('Giá lúa (đồng/kg)')] },
        { type: 'tableRow', content: [cell('IR 50404'), cell('6.800', '')] },
      ],
    };
    const input = article({ body: docOf(para(BODY[0]!), { type: 'heading', attrs: { level: 2 } }, table) });
    expect(ruleFindings('empty-paragraph', input).map((f) => f.location.path)).toEqual([[2, 1, 1, 1]]);
    expect(ruleFindings('empty-paragraph', article())).toEqual([]);
  });
});

describe('link-scheme', () => {
  const linked = (text: string, href: string) => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });

  it('reports links that are not http, https or mailto, at the linked text', () => {
    const tricky = ['tel:02923821234', 'ftp://files.baocantho.vn', 'javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', '/tin-tuc/ngap-nuoc', 'data:text/html,x', 'https:/thieu-gach'];
    const paragraphs = tricky.map((href) => ({ type: 'paragraph', content: [{ type: 'text', text: 'Đường dây nóng ' }, linked('bấm vào đây', href), { type: 'text', text: '.' }] }));
    const found = ruleFindings('link-scheme', article({ body: docOf(...paragraphs) }));
    expect(found.map((f) => f.params?.href)).toEqual(tricky);
    expect(found[0]).toEqual({
      rule: 'link-scheme',
      severity: 'error',
      location: { field: 'body', path: [0], offset: 15, length: 11 },
      excerpt: 'Đường dây nóng bấm vào đây.',
      params: { href: 'tel:02923821234' },
    });
  });

  it('treats neighbouring runs of one link as one, and accepts http, https and mailto in any case', () => {
    const bold = { type: 'bold' };
    const link = { type: 'link', attrs: { href: 'tel:1022' } };
    const split = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Gọi ' },
        { type: 'text', text: 'tổng đài ', marks: [link] },
        { type: 'text', text: '1022', marks: [link, bold] },
        { type: 'text', text: ' để phản ánh.' },
      ],
    };
    expect(ruleFindings('link-scheme', article({ body: docOf(split) })).map((f) => f.location)).toEqual([{ field: 'body', path: [0], offset: 4, length: 13 }]);
    const fine = ['https://baocantho.com.vn/ngap-nuoc', 'HTTP://cantho.gov.vn', ' mailto:toasoan@baocantho.com.vn'].map((href) => ({
      type: 'paragraph',
      content: [linked('Xem thêm', href)],
    }));
    expect(ruleFindings('link-scheme', article({ body: docOf(...fine) }))).toEqual([]);
  });
});

describe('slug-unique', () => {
  it('reports a slug another article has, asking about this article only as the exception', () => {
    const asked: Array<[string, string]> = [];
    const taken = {
      slugTaken: (slug: string, exceptId: string) => {
        asked.push([slug, exceptId]);
        return slug === 'can-tho-khac-phuc-ngap-nuoc';
      },
    };
    expect(of(check(article(), defaults(), taken), 'slug-unique')).toEqual([
      { rule: 'slug-unique', severity: 'warning', location: { field: 'slug' }, excerpt: 'can-tho-khac-phuc-ngap-nuoc', params: { slug: 'can-tho-khac-phuc-ngap-nuoc' } },
    ]);
    expect(asked).toEqual([['can-tho-khac-phuc-ngap-nuoc', 'bai-1']]);
  });

  it('is not concerned with a free slug or an empty one', () => {
    const taken = { slugTaken: () => true };
    expect(of(check(article({ slug: '' }), defaults(), taken), 'slug-unique')).toEqual([]);
    expect(of(check(article({ slug: 'gia-lua-tang' }), defaults(), free), 'slug-unique')).toEqual([]);
  });
});

describe('nfd', () => {
  it('reports decomposed text at its first decomposed letter with its marks, once per text', () => {
    const sapo = `Giá lúa tại ${'Cờ Đỏ'.normalize('NFD')} tăng; ${'Thới Lai'.normalize('NFD')} cũng vậy`;
    const body = `Nông dân ${'Vĩnh Thạnh'.normalize('NFD')} phấn khởi.`;
    const found = ruleFindings('nfd', article({ sapo, paragraphs: [body], byline: 'Duy Khôi'.normalize('NFD') }));
    expect(found.map((f) => f.location)).toEqual([
      { field: 'sapo', offset: sapo.indexOf('C') + 1, length: 3 },
      { field: 'byline', offset: 6, length: 2 },
      { field: 'body', path: [0], offset: body.indexOf('V') + 1, length: 2 },
    ]);
    expect(pointed(found.slice(0, 1), sapo)).toEqual(['ờ'.normalize('NFD')]);
    expect(found[0]!.severity).toBe('error');
  });

  it('reports decomposed photo texts and link text; accepts NFC text', () => {
    const input = article({
      featuredImage: { assetId: IMAGE, alt: 'Đường ngập', caption: `Mưa lớn ở ${'Ô Môn'.normalize('NFD')}`, credit: 'Ảnh: Duy Khôi' },
      body: docOf({ type: 'paragraph', content: [{ type: 'text', text: 'Xem ' }, { type: 'text', text: 'bản đồ'.normalize('NFD'), marks: [{ type: 'link', attrs: { href: 'https://cantho.gov.vn' } }] }] }),
    });
    expect(ruleFindings('nfd', input).map((f) => f.location)).toEqual([
      { field: 'featuredImage', attr: 'caption', offset: 10, length: 2 },
      { field: 'body', path: [0], offset: 5, length: 2 },
    ]);
    expect(ruleFindings('nfd', article())).toEqual([]);
  });
});

describe('eth', () => {
  it('reports each Icelandic eth, looking like Đ/đ', () => {
    const body = 'Ðồng chí Nguyễn Văn A, Bí thư Ðảng ủy phường, kiểm tra khu vực ngập; ðường còn trơn.';
    const found = ruleFindings('eth', article({ paragraphs: [body], headline: `${HEADLINE} Ð` }));
    expect(found.map((f) => [f.location.field, f.location.offset, f.location.length, f.params])).toEqual([
      ['headline', HEADLINE.length + 1, 1, { char: 'Ð', fix: 'Đ' }],
      ['body', 0, 1, { char: 'Ð', fix: 'Đ' }],
      ['body', 30, 1, { char: 'Ð', fix: 'Đ' }],
      ['body', 69, 1, { char: 'ð', fix: 'đ' }],
    ]);
    expect(found[0]!.severity).toBe('error');
  });

  it('accepts the Vietnamese Đ and đ (U+0110, U+0111)', () => {
    expect(ruleFindings('eth', article({ paragraphs: ['Đồng chí Bí thư Đảng ủy phường đi kiểm tra đường Mậu Thân.'] }))).toEqual([]);
  });
});

describe('tone-style', () => {
  it('reports the less used placement when an article mixes them, even in different words', () => {
    // Old placement: thủy, hòa · new: khoẻ. (Ủy in the sapo and the name Hòa start with a capital: not counted.)
    const body = ['Ông Trần Văn Hòa cho biết hệ thống thủy lợi đã hòa mạng.', 'Người dân vẫn khoẻ mạnh sau đợt ngập.'];
    const found = ruleFindings('tone-style', article({ paragraphs: body }));
    expect(found).toEqual([
      {
        rule: 'tone-style',
        severity: 'warning',
        location: { field: 'body', path: [1], offset: body[1]!.indexOf('khoẻ'), length: 4 },
        excerpt: body[1],
        params: { style: 'old', word: 'khoẻ', suggestion: 'khỏe' },
      },
    ]);
  });

  it('on a tie reports the later ones, in any case after the first letter', () => {
    const sapo = `${SAPO} Mọi việc đã hòa giải xong.`;
    const found = ruleFindings('tone-style', article({ sapo, paragraphs: ['Kênh Xáng Thổi nay đã được khơi thông tuỳ theo mực nước.'] }));
    expect(found.map((f) => f.params)).toEqual([{ style: 'old', word: 'tuỳ', suggestion: 'tùy' }]);
    // "tHUỶ" (caps lock on, the first letter not a capital) is still a common word.
    const shouting = ruleFindings('tone-style', article({ sapo, paragraphs: ['Hệ thống tHUỶ lợi đã hoạt động.'] }));
    expect(shouting.map((f) => f.params)).toEqual([{ style: 'old', word: 'tHUỶ', suggestion: 'tHỦY' }]);
  });

  it('is not fooled by syllables with one placement: after q, closed syllables, other vowels', () => {
    // Words with one placement only: quý, quỹ, quả, quỳ (after q), hoàng, toàn, khuyến, hoạch (closed), thuế, nguyện.
    const single = 'Trong quý III, quỹ khuyến nông hỗ trợ quả thanh long cho toàn xã; lúc hoàng hôn, bà con quỳ bên ruộng, nguyện nộp thuế đúng kế hoạch.';
    // With the old placement (hòa) none of them is "new".
    expect(ruleFindings('tone-style', article({ paragraphs: [single, 'Bà Nguyễn Thị Thủy nói việc hòa giải đã xong.'] }))).toEqual([]);
    // With the new placement (hoà) none of them is "old".
    const sapo = SAPO.replace('Ủy', 'Uỷ');
    expect(ruleFindings('tone-style', article({ sapo, paragraphs: [single, 'Bà Nguyễn Thị Thuý nói việc hoà giải đã xong.'] }))).toEqual([]);
    const mixed = ruleFindings('tone-style', article({ sapo, paragraphs: [`${single} Việc hoà giải đã xong, mọi người đều khỏe.`] }));
    expect(mixed.map((f) => f.params?.word)).toEqual(['khỏe']);
  });

  it('does not count the byline or photo credits (people spell their own names, credit lines as their owners write them)', () => {
    const input = article({
      byline: 'Ngọc Thuỷ',
      featuredImage: { assetId: IMAGE, alt: 'Đường ngập', caption: 'Đường Nguyễn Văn Cừ ngập sau mưa.', credit: 'Ảnh: ban quản lý công trình thuỷ lợi' },
      paragraphs: [...BODY, 'Hai bên đã hòa giải xong.'],
    });
    expect(ruleFindings('tone-style', input)).toEqual([]);
  });

  // A province (Khánh Hòa), a commune (Vĩnh Hòa) and a person (Lê Thị Thúy) keep their official
  // spelling in an article that otherwise writes hoà, thuỷ: four names against three common words.
  const KHANH_HOA = {
    headline: 'Khánh Hòa đưa ba hồ chứa nước chống hạn vào vận hành',
    sapo: 'Sau hai năm thi công, ba hồ chứa ở huyện Cam Lâm đã tích đủ nước cho vụ đông xuân, bảo đảm tưới cho hơn 2.000 ha lúa và hoa màu.',
    paragraphs: [
      'Theo Sở Nông nghiệp và Môi trường tỉnh Khánh Hòa, hệ thống thuỷ lợi mới giúp xã Vĩnh Hòa chủ động nước tưới cả năm.',
      'Hồ chứa thứ ba nằm cạnh nhà máy thuỷ điện cũ, xây từ những năm đầu hoà bình.',
      'Bà Lê Thị Thúy, một nông dân trong xã, cho biết vụ này gia đình bà không còn lo thiếu nước.',
    ],
  };

  it('leaves proper names (syllables starting with a capital) out of the count and the findings', () => {
    expect(ruleFindings('tone-style', article(KHANH_HOA))).toEqual([]);
    // A common word in the other placement is still reported; the names are not.
    const quarrel = 'Trước đây, hai thôn tranh chấp nguồn nước, nay đã hòa giải.';
    const paragraphs = [...KHANH_HOA.paragraphs, quarrel];
    const found = ruleFindings('tone-style', article({ ...KHANH_HOA, paragraphs }));
    expect(found.map((f) => f.params)).toEqual([{ style: 'new', word: 'hòa', suggestion: 'hoà' }]);
    expect(found.map((f) => f.location.path)).toEqual([[3]]);
    expect(pointed(found, quarrel)).toEqual(['hòa']);
  });

  it('still reports lower-case words mixing the placements ("hoà giải", "hòa bình")', () => {
    const body = ['Tổ hoà giải của thôn đã giúp hai gia đình dàn xếp tranh chấp đất.', 'Ông Nguyễn Văn Hòa, tổ trưởng, nói bà con chỉ mong cuộc sống hòa bình, yên ổn.'];
    const found = ruleFindings('tone-style', article({ paragraphs: body }));
    // One against one (the name Hòa and Ủy in the sapo not counted): the later one is reported.
    expect(found.map((f) => f.params)).toEqual([{ style: 'new', word: 'hòa', suggestion: 'hoà' }]);
    expect(pointed(found, body[1]!)).toEqual(['hòa']);
  });

  it('does not count a capitalised word at a sentence start either (taken for a name: an accepted imprecision)', () => {
    const sapo = SAPO.replace('Ủy', 'Uỷ');
    const settled = 'Tổ hoà giải của thôn đã làm việc với hai gia đình suốt một tuần. Hòa giải thành, hai bên ký biên bản trước trưởng thôn.';
    expect(ruleFindings('tone-style', article({ sapo, paragraphs: [settled] }))).toEqual([]);
    // At a paragraph's start, in an article otherwise in the new placement.
    const paragraphs = ['Thủy lợi là mặt trận hàng đầu của tỉnh trong mùa khô năm nay.', 'Các công trình thuỷ lợi đã hoà vào lưới điện của xã; trạm bơm chạy khoẻ.'];
    expect(ruleFindings('tone-style', article({ sapo, paragraphs }))).toEqual([]);
  });
});

describe('abbreviation', () => {
  const config = defaults();

  it('reports the first use of an abbreviation without its long form before it, once', () => {
    const sapo = 'Chiều 12-9, HĐND thành phố họp chuyên đề về chống ngập nước trên đường Nguyễn Văn Cừ và các tuyến đường trung tâm quận Ninh Kiều.';
    const body = ['Đại biểu HĐND đề nghị UBND thành phố sớm nâng cấp hệ thống thoát nước.', 'Nhiều CB, ĐV phường An Khánh tham gia khơi thông cống.'];
    const found = ruleFindings('abbreviation', article({ sapo, paragraphs: body }), config);
    expect(found.map((f) => [f.location, f.params])).toEqual([
      [{ field: 'sapo', offset: sapo.indexOf('HĐND'), length: 4 }, { short: 'HĐND', long: 'Hội đồng nhân dân' }],
      [{ field: 'body', path: [0], offset: body[0]!.indexOf('UBND'), length: 4 }, { short: 'UBND', long: 'Ủy ban nhân dân' }],
      [{ field: 'body', path: [1], offset: body[1]!.indexOf('CB'), length: 2 }, { short: 'CB', long: 'cán bộ' }],
      [{ field: 'body', path: [1], offset: body[1]!.indexOf('ĐV'), length: 2 }, { short: 'ĐV', long: 'đảng viên' }],
    ]);
    expect(found[0]!.severity).toBe('warning');
  });

  it('accepts "long form (SHORT)" and a long form earlier, in any case and either tone placement', () => {
    const sapo = 'Chiều 12-9, Hội đồng nhân dân (HĐND) thành phố họp chuyên đề về chống ngập nước trên đường Nguyễn Văn Cừ và các tuyến đường trung tâm.';
    const body = [
      'Đại biểu HĐND đề nghị Uỷ ban nhân dân thành phố sớm nâng cấp hệ thống thoát nước.',
      'Theo UBND thành phố, nhiều cán bộ và đảng viên phường An Khánh đã tham gia; CB, ĐV được biểu dương.',
      'HỘI ĐỒNG NHÂN DÂN cũng giám sát bảo hiểm xã hội: số nợ BHXH giảm.',
    ];
    expect(ruleFindings('abbreviation', article({ sapo, paragraphs: body }), config)).toEqual([]);
  });

  it('matches whole words only, not in the headline, and does not take a long form after the first use', () => {
    const body = ['Văn bản số 12/UBNDTP, mã THPTX và ký hiệu XTHPT không phải viết tắt của nhà trường.', 'Trường THPT Châu Văn Liêm là trường trung học phổ thông lâu đời.'];
    const input = article({ headline: 'UBND TP Cần Thơ chỉ đạo khắc phục ngập nước', paragraphs: body });
    expect(ruleFindings('abbreviation', input, config).map((f) => [f.location.path, f.location.offset, f.params?.short])).toEqual([[[1], 7, 'THPT']]);
  });

  it('accepts TP before a city name (TP Cần Thơ, TP. Cần Thơ, TP.HCM) but not TP on its own', () => {
    const names = ['Lãnh đạo TP Cần Thơ đi kiểm tra.', 'Xe khách từ TP.HCM về TP. Cần Thơ bị kẹt.'];
    expect(ruleFindings('abbreviation', article({ paragraphs: names }), config)).toEqual([]);
    const alone = ruleFindings('abbreviation', article({ paragraphs: [...names, 'Nhiều TP lớn đang đối mặt với ngập nước.'] }), config);
    expect(alone.map((f) => [f.location.path, f.location.offset, f.params?.short])).toEqual([[[2], 'Nhiều '.length, 'TP']]);
  });

  it('uses the configured list', () => {
    const settings = checklistSettingsSchema.parse({ abbreviations: [{ short: 'NĐ-CP', long: 'Nghị định của Chính phủ' }] });
    const input = article({ paragraphs: ['Theo NĐ-CP số 100, người đi xe máy vi phạm bị phạt.', 'CB, ĐV gương mẫu.'] });
    expect(ruleFindings('abbreviation', input, checklistConfig(settings, undefined)).map((f) => f.params)).toEqual([{ short: 'NĐ-CP', long: 'Nghị định của Chính phủ' }]);
    const none = checklistSettingsSchema.parse({ abbreviations: [] });
    expect(ruleFindings('abbreviation', input, checklistConfig(none, undefined))).toEqual([]);
  });
});

describe('double-space', () => {
  it('reports each run of two or more spaces, no-break spaces included', () => {
    const body = 'Giá lúa IR 50404  tăng lên 6.800 đồng/kg,\u00A0 cao nhất từ đầu năm.';
    const found = ruleFindings('double-space', article({ paragraphs: [body], byline: 'Duy   Khôi' }));
    expect(found.map((f) => [f.location.field, f.location.offset, f.location.length, f.params])).toEqual([
      ['byline', 3, 3, { count: 3 }],
      ['body', body.indexOf('  '), 2, { count: 2 }],
      ['body', body.indexOf('\u00A0'), 2, { count: 2 }],
    ]);
  });

  it('accepts single spaces', () => {
    expect(ruleFindings('double-space', article({ paragraphs: ['Giá lúa tăng. Nông dân phấn khởi.'] }))).toEqual([]);
  });
});

describe('ellipsis', () => {
  it('reports three or more dots', () => {
    const body = 'Nước ngập tới đầu gối... rồi tới thắt lưng.....';
    const found = ruleFindings('ellipsis', article({ paragraphs: [body] }));
    expect(found.map((f) => [f.location.offset, f.location.length])).toEqual([
      [body.indexOf('...'), 3],
      [body.indexOf('.....'), 5],
    ]);
    expect(pointed(found, body)).toEqual(['...', '.....']);
  });

  it('accepts the ellipsis character and two dots', () => {
    expect(ruleFindings('ellipsis', article({ paragraphs: ['Nước ngập tới đầu gối… rồi rút. Giá 6.800 đồng..'] }))).toEqual([]);
  });
});

describe('straight-quotes', () => {
  it('reports straight double quotes and single quotes used as quotes', () => {
    const body = `Ông Hòa nói: "Chúng tôi sẽ nạo vét cống". Người dân gọi đây là 'điểm đen'.`;
    const found = ruleFindings('straight-quotes', article({ paragraphs: [body] }));
    expect(pointed(found, body)).toEqual(['"', '"', "'", "'"]);
    expect(found.map((f) => f.location.offset)).toEqual([body.indexOf('"'), body.lastIndexOf('"'), body.indexOf("'"), body.lastIndexOf("'")]);
    expect(found[0]!.params).toEqual({ quote: '"' });
  });

  it('accepts apostrophes in names and words, curly quotes, and link addresses; is silent when the house uses straight quotes', () => {
    const body = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Đồng bào H\'Mông ở Kơ\'Nia nghe nhạc rock\'n\'roll và nói: “Vui lắm”, ‘thật’. ' },
        { type: 'text', text: 'Xem', marks: [{ type: 'link', attrs: { href: "https://example.vn/?q=\"a\"&b='c'" } }] },
      ],
    };
    expect(ruleFindings('straight-quotes', article({ body: docOf(body) }))).toEqual([]);
    const straight = checklistConfig(checklistSettingsSchema.parse({ curlyQuotes: false }), { headlineLimit: 100 });
    expect(ruleFindings('straight-quotes', article({ paragraphs: ['Ông Hòa nói: "Xong".'] }), straight)).toEqual([]);
  });
});

describe('spaced-hyphen', () => {
  it('reports a hyphen used as a dash: between words, between numbers, at the start of a paragraph or line', () => {
    const paragraphs = ['Tuyến Cần Thơ - Hậu Giang bị ngập.', 'Giai đoạn 2020 - 2025, thành phố đầu tư nhiều công trình.', '- Anh đi đâu?'];
    const dialogue = { type: 'paragraph', content: [{ type: 'text', text: 'Chị Lan hỏi:' }, { type: 'hardBreak' }, { type: 'text', text: '- Nước rút chưa?' }] };
    const found = ruleFindings('spaced-hyphen', article({ body: docOf(...paragraphs.map(para), dialogue) }));
    expect(found.map((f) => [f.location.path, f.location.offset, f.location.length])).toEqual([
      [[0], 14, 1],
      [[1], 15, 1],
      [[2], 0, 1],
      [[3], 13, 1],
    ]);
    expect(found[0]!.params).toBeUndefined();
  });

  it('accepts hyphens inside words and numbers and the en dash', () => {
    const paragraphs = ['Bà Rịa-Vũng Tàu, ngày 12-9, nhiệt độ -5 độ; tuyến Cần Thơ – Hậu Giang thông xe.'];
    expect(ruleFindings('spaced-hyphen', article({ paragraphs }))).toEqual([]);
  });
});

describe('findings', () => {
  it('come in reading order: headline, sapo, byline, slug, featured photo, body in order', () => {
    const input = article({
      headline: 'Ngập...',
      sapo: 'Mưa  lớn.',
      byline: '',
      featuredImage: { assetId: IMAGE, alt: '', caption: '"Ngập"', credit: '' },
      body: docOf(para('Nước - rút...'), { type: 'figure', attrs: { assetId: IMAGE, alt: '', caption: 'Ảnh', credit: '' } }, para('')),
    });
    const found = check(input, defaults(), { slugTaken: () => true });
    expect(found.map((f) => [f.location.field, f.rule, f.location.path?.[0] ?? null, f.location.attr ?? null])).toEqual([
      ['headline', 'headline-length', null, null],
      ['headline', 'ellipsis', null, null],
      ['sapo', 'sapo-length', null, null],
      ['sapo', 'double-space', null, null],
      ['byline', 'byline', null, null],
      ['slug', 'slug-unique', null, null],
      ['featuredImage', 'image-alt', null, 'alt'],
      ['featuredImage', 'straight-quotes', null, 'caption'],
      ['featuredImage', 'straight-quotes', null, 'caption'],
      ['body', 'spaced-hyphen', 0, null],
      ['body', 'ellipsis', 0, null],
      ['body', 'image-alt', 1, 'alt'],
      ['body', 'empty-paragraph', 2, null],
    ]);
  });

  it('carry short excerpts of the words around', () => {
    const long = `${'Theo báo cáo của Sở Xây dựng, '.repeat(4)}nước ngập... ${'kéo dài trên nhiều tuyến đường trung tâm, '.repeat(4)}`;
    const [finding] = ruleFindings('ellipsis', article({ paragraphs: [long] }));
    expect(finding!.excerpt).toContain('nước ngập...');
    expect(finding!.excerpt.length).toBeLessThanOrEqual(62);
    expect(finding!.excerpt.startsWith('…')).toBe(true);
    expect(finding!.excerpt.endsWith('…')).toBe(true);
    expect(excerptOf('Mưa lớn', 0, 3)).toBe('Mưa lớn');
    expect(excerptOf('x'.repeat(100), 0, 100)).toBe(`${'x'.repeat(59)}…`);
  });
});

describe('severities', () => {
  const messy = article({ byline: '', paragraphs: ['Giá lúa tăng...'] });

  it('default to errors for byline, image-alt, nfd, eth, link-scheme and pending suggestions, warnings for the rest', () => {
    const errors = checklistRuleIds.filter((id) => DEFAULT_SEVERITIES[id] === 'error');
    expect(errors.sort()).toEqual(['byline', 'eth', 'image-alt', 'link-scheme', 'nfd', 'suggestions']);
    const found = check(messy);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['byline', 'error'],
      ['ellipsis', 'warning'],
    ]);
    expect(hasErrors(found)).toBe(true);
    expect(hasErrors(found.filter((f) => f.rule !== 'byline'))).toBe(false);
  });

  it('follow the house-wide settings, then the section, and a rule turned off finds nothing', () => {
    const house = checklistSettingsSchema.parse({ severities: { byline: 'warning', ellipsis: 'error' } });
    const houseFound = check(messy, checklistConfig(house, { headlineLimit: 100 }));
    expect(houseFound.map((f) => [f.rule, f.severity])).toEqual([
      ['byline', 'warning'],
      ['ellipsis', 'error'],
    ]);
    const section = { headlineLimit: 100, checklist: sectionChecklistSchema.parse({ severities: { byline: 'error', ellipsis: 'off' } }) };
    expect(check(messy, checklistConfig(house, section)).map((f) => [f.rule, f.severity])).toEqual([['byline', 'error']]);
    const allOff = checklistSettingsSchema.parse({ severities: Object.fromEntries(checklistRuleIds.map((id) => [id, 'off'])) });
    expect(check(article({ headline: '', sapo: '', byline: '', paragraphs: ['"Ngập"...', ''] }), checklistConfig(allOff, undefined), { slugTaken: () => true })).toEqual([]);
  });
});

describe('settings', () => {
  it('parse from nothing to the defaults', () => {
    const settings = checklistSettingsSchema.parse({});
    expect(settings).toEqual({ severities: {}, headlineMin: 20, sapoMin: 20, sapoMax: 70, curlyQuotes: true, abbreviations: DEFAULT_ABBREVIATIONS });
    expect(defaultChecklistSettings()).toEqual(settings);
    // The defaults are copies: changing one settings object does not change the next.
    settings.abbreviations[0]!.long = 'x';
    expect(checklistSettingsSchema.parse({}).abbreviations[0]!.long).toBe('Ủy ban nhân dân');
    expect(DEFAULT_ABBREVIATIONS.length).toBeGreaterThanOrEqual(10);
  });

  it('drop rule ids this version does not know, and refuse wrong values', () => {
    expect(checklistSettingsSchema.parse({ severities: { 'future-rule': 'error', eth: 'warning' } }).severities).toEqual({ eth: 'warning' });
    expect(checklistSettingsSchema.safeParse({ severities: { eth: 'info' } }).success).toBe(false);
    expect(checklistSettingsSchema.safeParse({ sapoMin: 80, sapoMax: 70 }).success).toBe(false);
    expect(checklistSettingsSchema.safeParse({ abbreviations: [{ short: ' ', long: 'x' }] }).success).toBe(false);
    expect(checklistSettingsSchema.safeParse({ abbreviations: Array.from({ length: 501 }, () => ({ short: 'A', long: 'a' })) }).success).toBe(false);
    expect(checklistSettingsSchema.safeParse({ extra: 1 }).success).toBe(false);
    expect(sectionChecklistSchema.parse({})).toEqual({});
    expect(sectionChecklistSchema.safeParse({ curlyQuotes: false }).success).toBe(false);
  });

  it('apply a section over the house-wide settings; headlineMax is the section limit, 100 without a section', () => {
    const house = checklistSettingsSchema.parse({ headlineMin: 30, sapoMax: 80, curlyQuotes: false, severities: { 'tone-style': 'error' } });
    const section = { headlineLimit: 90, checklist: { headlineMin: 25, sapoMin: 10, severities: { 'sapo-length': 'off' as const } } };
    expect(checklistConfig(house, section)).toEqual({
      severities: { ...DEFAULT_SEVERITIES, 'tone-style': 'error', 'sapo-length': 'off' },
      headlineMin: 25,
      headlineMax: 90,
      sapoMin: 10,
      sapoMax: 80,
      curlyQuotes: false,
      abbreviations: DEFAULT_ABBREVIATIONS,
    });
    expect(checklistConfig(house, undefined)).toMatchObject({ headlineMin: 30, headlineMax: 100, sapoMin: 20, sapoMax: 80 });
    expect(checklistConfig(house, { headlineLimit: 60 }).severities['tone-style']).toBe('error');
  });
});
