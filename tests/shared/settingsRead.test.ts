import { describe, expect, it } from 'vitest';
import { defaultSettings, readSettings, settingsSchema, type Settings } from '../../shared/model/settings';

/**
 * Issue 12, item 5: settings read from library.json are repaired field by field (like articles):
 * one bad value — a hand-edited house word that is too long, a bad accent colour, a section with a
 * bad address — resets that value only, and says which.
 */

/** A newsroom's own settings, every field away from its default. */
function customised(): Settings {
  return settingsSchema.parse({
    ...defaultSettings(),
    paperName: 'Báo Cần Thơ',
    tagline: 'Tin Cần Thơ mỗi ngày',
    interfaceLanguage: 'en',
    timeZone: 'Asia/Bangkok',
    baseUrl: 'https://baocantho.com.vn',
    websiteLinks: [
      { name: 'Cổng thông tin', url: 'https://cantho.gov.vn' },
      { name: 'Báo Nhân Dân', url: 'https://nhandan.vn' },
    ],
    feedbackEmail: 'toasoan@baocantho.com.vn',
    dateStyle: 'short',
    footerText: 'Giấy phép số 123',
    accentColor: '#1c4f9b',
    stripLocationFromOriginals: true,
    recentFolders: ['/srv/xuat-ban'],
    houseWords: ['UBND', 'HĐND', 'Ninh Kiều'],
    profiles: [
      { id: 'minh-anh', name: 'Minh Anh', initials: 'MA', role: 'reporter' },
      { id: 'thu-ha', name: 'Thu Hà', initials: 'TH', role: 'chief_editor' },
    ],
    policy: { approve: ['chief_editor'], publish: ['chief_editor'], spike: ['chief_editor'], editOthersByline: ['section_editor'] },
    checklist: { severities: { 'sapo-length': 'off' }, headlineMin: 15, sapoMin: 10, sapoMax: 80, curlyQuotes: false, abbreviations: [{ short: 'UBND', long: 'Ủy ban nhân dân' }] },
    sections: [
      { name: 'Thời sự', slug: 'thoi-su', headlineLimit: 100 },
      { name: 'Kinh tế', slug: 'kinh-te', headlineLimit: 90, checklist: { headlineMin: 25 } },
      { name: 'Thể thao', slug: 'the-thao', headlineLimit: 80 },
    ],
  });
}

type Edit = (settings: Record<string, unknown>) => void;

/** Each a hand edit gone wrong, what must be reset, and what becomes of the field. */
const cases: Array<{ what: string; edit: Edit; reset: string[]; expect: (settings: Settings, good: Settings) => void }> = [
  {
    what: 'a house word that is too long',
    edit: (s) => void (s.houseWords = ['UBND', 'từ'.repeat(40), 'Ninh Kiều']),
    reset: ['houseWords.1'],
    expect: (s) => expect(s.houseWords).toEqual(['UBND', 'Ninh Kiều']),
  },
  {
    what: 'a house word that is not text, and a blank one',
    edit: (s) => void (s.houseWords = ['UBND', 42, '   ', 'HĐND']),
    reset: ['houseWords.1', 'houseWords.2'],
    expect: (s) => expect(s.houseWords).toEqual(['UBND', 'HĐND']),
  },
  {
    what: 'a bad accent colour',
    edit: (s) => void (s.accentColor = 'đỏ'),
    reset: ['accentColor'],
    expect: (s) => expect(s.accentColor).toBe(defaultSettings().accentColor),
  },
  {
    what: 'a section with a bad address among good sections',
    edit: (s) => void ((s.sections as Array<Record<string, unknown>>)[1]!.slug = 'Kinh Tế!'),
    reset: ['sections.1'],
    expect: (s) => expect(s.sections.map((section) => section.slug)).toEqual(['thoi-su', 'the-thao']),
  },
  {
    what: 'two sections with the same address',
    edit: (s) => void ((s.sections as Array<Record<string, unknown>>)[2]!.slug = 'thoi-su'),
    reset: ['sections.2'],
    expect: (s) => expect(s.sections.map((section) => section.name)).toEqual(['Thời sự', 'Kinh tế']),
  },
  {
    what: "a section's own checklist gone wrong (the section stays)",
    edit: (s) => void ((s.sections as Array<Record<string, unknown>>)[1]!.checklist = { headlineMin: -5 }),
    reset: ['sections.1.checklist'],
    expect: (s, good) => expect(s.sections).toEqual(good.sections.map((section) => (section.slug === 'kinh-te' ? { name: 'Kinh tế', slug: 'kinh-te', headlineLimit: 90 } : section))),
  },
  {
    what: "a section's headline limit out of range (the section stays)",
    edit: (s) => void ((s.sections as Array<Record<string, unknown>>)[0]!.headlineLimit = 5000),
    reset: ['sections.0.headlineLimit'],
    expect: (s) => expect(s.sections[0]).toEqual({ name: 'Thời sự', slug: 'thoi-su', headlineLimit: 100 }),
  },
  {
    what: 'no valid section at all',
    edit: (s) => void (s.sections = [{ name: '', slug: 'x' }]),
    reset: ['sections'],
    expect: (s) => expect(s.sections).toEqual(defaultSettings().sections),
  },
  {
    what: 'sections that are not a list',
    edit: (s) => void (s.sections = 'thoi-su'),
    reset: ['sections'],
    expect: (s) => expect(s.sections).toEqual(defaultSettings().sections),
  },
  {
    what: 'a web link with a refused address',
    edit: (s) => void ((s.websiteLinks as Array<Record<string, unknown>>)[0]!.url = 'javascript:alert(1)'),
    reset: ['websiteLinks.0'],
    expect: (s) => expect(s.websiteLinks).toEqual([{ name: 'Báo Nhân Dân', url: 'https://nhandan.vn' }]),
  },
  {
    what: 'two profiles with one id',
    edit: (s) => void ((s.profiles as Array<Record<string, unknown>>)[1]!.id = 'minh-anh'),
    reset: ['profiles.1'],
    expect: (s) => expect(s.profiles.map((profile) => profile.name)).toEqual(['Minh Anh']),
  },
  {
    what: 'a role the policy does not know',
    edit: (s) => void ((s.policy as Record<string, unknown>).publish = ['chief_editor', 'tong_bien_tap']),
    reset: ['policy.publish'],
    expect: (s, good) => expect(s.policy).toEqual({ ...good.policy, publish: defaultSettings().policy.publish }),
  },
  {
    what: 'a checklist length out of range',
    edit: (s) => void ((s.checklist as Record<string, unknown>).headlineMin = 9999),
    reset: ['checklist.headlineMin'],
    expect: (s, good) => expect(s.checklist).toEqual({ ...good.checklist, headlineMin: defaultSettings().checklist.headlineMin }),
  },
  {
    what: 'a sapo minimum over its maximum',
    edit: (s) => void ((s.checklist as Record<string, unknown>).sapoMin = 500),
    reset: ['checklist.sapoMin', 'checklist.sapoMax'],
    expect: (s, good) => expect(s.checklist).toEqual({ ...good.checklist, sapoMin: defaultSettings().checklist.sapoMin, sapoMax: defaultSettings().checklist.sapoMax }),
  },
  {
    what: 'an unknown time zone',
    edit: (s) => void (s.timeZone = 'Asia/Can_Tho'),
    reset: ['timeZone'],
    expect: (s) => expect(s.timeZone).toBe(defaultSettings().timeZone),
  },
  {
    what: 'an empty paper name',
    edit: (s) => void (s.paperName = '  '),
    reset: ['paperName'],
    expect: (s) => expect(s.paperName).toBe(defaultSettings().paperName),
  },
  {
    what: 'a setting this version does not know',
    edit: (s) => void (s.darkMode = true),
    reset: ['darkMode'],
    expect: (s) => expect('darkMode' in s).toBe(false),
  },
];

describe('settings read from library.json', () => {
  it('are kept whole when valid', () => {
    const good = customised();
    expect(readSettings(structuredClone(good))).toEqual({ settings: good, reset: [] });
  });

  it.each(cases.map((c) => [c.what, c]))('with %s: reset that one, keep every other', (_, c) => {
    const good = customised();
    const raw = structuredClone(good) as unknown as Record<string, unknown>;
    c.edit(raw);
    expect(settingsSchema.safeParse(raw).success, 'the edit is invalid').toBe(false);
    const { settings, reset } = readSettings(raw);
    expect(reset).toEqual(c.reset);
    expect(settingsSchema.safeParse(settings).success).toBe(true);
    c.expect(settings, good);
    // Every other setting is the newsroom's own.
    const touched = new Set(c.reset.map((path) => path.split('.')[0]));
    for (const key of Object.keys(good) as Array<keyof Settings>) if (!touched.has(key)) expect(settings[key], key).toEqual(good[key]);
  });

  it('with several bad fields at once, nested ones among them: resets each, keeps the rest', () => {
    const good = customised();
    const raw = structuredClone(good) as unknown as Record<string, unknown>;
    for (const c of cases.filter((c) => ['a bad accent colour', 'a house word that is too long', 'a section with a bad address among good sections', 'a checklist length out of range'].includes(c.what))) c.edit(raw);
    const { settings, reset } = readSettings(raw);
    expect(reset.sort()).toEqual(['accentColor', 'checklist.headlineMin', 'houseWords.1', 'sections.1']);
    expect(settings.accentColor).toBe(defaultSettings().accentColor);
    expect(settings.houseWords).toEqual(['UBND', 'Ninh Kiều']);
    expect(settings.sections.map((section) => section.slug)).toEqual(['thoi-su', 'the-thao']);
    expect(settings.checklist.sapoMax).toBe(80);
    expect({ ...settings, accentColor: good.accentColor, houseWords: good.houseWords, sections: good.sections, checklist: good.checklist }).toEqual(good);
  });

  it.each([
    ['missing', undefined],
    ['not an object', 'cài đặt'],
    ['a list', []],
  ])('that are %s are the defaults, reported as a whole', (_, raw) => {
    expect(readSettings(raw)).toEqual({ settings: defaultSettings(), reset: ['settings'] });
  });

  it('from an older file, with fields added since missing, take those fields’ defaults without reporting them', () => {
    const good = customised();
    const { checklist: _checklist, policy: _policy, websiteLinks: _links, ...older } = good;
    const { settings, reset } = readSettings(older);
    expect(reset).toEqual([]);
    expect(settings).toEqual({ ...good, checklist: defaultSettings().checklist, policy: defaultSettings().policy, websiteLinks: [] });
  });
});
