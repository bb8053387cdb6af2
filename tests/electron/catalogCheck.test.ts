// library.json's catalog is checked by zod when small and by Ajv (compiled from the same zod
// schema) when large: both must take and refuse exactly the same catalogs, and give the same
// summaries back (defaults filled in for fields older catalogs lack).
import { describe, expect, it } from 'vitest';
import { readCatalog, salvageLibraryFile, LIBRARY_SCHEMA_VERSION } from '../../electron/library/libraryFile';
import { defaultSettings } from '../../shared/model/settings';

const summary = (i: number): Record<string, unknown> => ({
  id: `a${i}`,
  slug: `tin-${i}`,
  headline: `Tin số ${i}: Cần Thơ`,
  section: 'thoi-su',
  status: 'draft',
  assignee: '',
  dueAt: null,
  updatedAt: '2026-11-27T01:00:00.000Z',
  wordCount: 600,
  tags: ['Cần Thơ'],
  publishedAt: null,
  revision: 1,
  trashedAt: null,
});

/** Both ways, each on its own copy (Ajv fills defaults in place). */
const both = (catalog: unknown) => [readCatalog(structuredClone(catalog), { ajv: false }), readCatalog(structuredClone(catalog), { ajv: true })];

describe('the catalog check, by zod and by Ajv', () => {
  it('takes a valid catalog the same way, filling in what older catalogs lack', () => {
    const catalog = [
      summary(1),
      { ...summary(2), status: 'published', publishedAt: '2026-11-27T08:00:00+07:00', dueAt: '2026-11-28T10:00:00Z' },
      { ...summary(3), trashedAt: '2026-11-27T02:00:00.000Z', slug: '' },
      // Written before deadlines, tags and publication times were listed:
      (({ dueAt: _d, tags: _t, publishedAt: _p, ...rest }) => rest)(summary(4)),
    ];
    const [byZod, byAjv] = both(catalog);
    expect(byZod).not.toBeNull();
    expect(byAjv).toEqual(byZod);
    expect(byAjv![3]).toMatchObject({ dueAt: null, tags: [], publishedAt: null });
  });

  const broken: Array<[string, (entry: Record<string, unknown>) => unknown]> = [
    ['an id with capitals', (e) => ({ ...e, id: 'Bad' })],
    ['an id too long', (e) => ({ ...e, id: 'a'.repeat(65) })],
    ['a slug with spaces', (e) => ({ ...e, slug: 'có dấu' })],
    ['a slug too long', (e) => ({ ...e, slug: 'a'.repeat(81) })],
    ['a headline that is a number', (e) => ({ ...e, headline: 5 })],
    ['an unknown status', (e) => ({ ...e, status: 'lost' })],
    ['a date that is not one', (e) => ({ ...e, updatedAt: '27/11/2026' })],
    ['a date without its offset', (e) => ({ ...e, updatedAt: '2026-11-27T01:00:00' })],
    ['a 30th of February', (e) => ({ ...e, dueAt: '2026-02-30T01:00:00Z' })],
    ['a negative word count', (e) => ({ ...e, wordCount: -1 })],
    ['a fractional word count', (e) => ({ ...e, wordCount: 1.5 })],
    ['revision 0', (e) => ({ ...e, revision: 0 })],
    ['a tag that is not text', (e) => ({ ...e, tags: [1] })],
    ['a missing headline', ({ headline: _h, ...rest }) => rest],
    ['a missing trash date', ({ trashedAt: _t, ...rest }) => rest],
    ['a field no summary has', (e) => ({ ...e, body: 'x' })],
    ['null instead of a summary', () => null],
    ['a list instead of a summary', () => []],
  ];
  for (const [what, breakIt] of broken) {
    it(`refuses a catalog with ${what}, both ways`, () => {
      const catalog = [summary(1), breakIt(summary(2)), summary(3)];
      expect(both(catalog)).toEqual([null, null]);
    });
  }

  it('refuses what is not a list, both ways', () => {
    for (const value of [null, {}, 'catalog', 3]) expect(both(value)).toEqual([null, null]);
  });

  it('reads a large library.json the fast way, and one bad summary among thousands makes it rebuild the catalog', () => {
    const catalog = Array.from({ length: 6000 }, (_, i) => summary(i));
    const good = salvageLibraryFile({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: defaultSettings(), catalog: structuredClone(catalog) });
    expect(good.problem).toBeNull();
    expect(good.data.catalog).toHaveLength(6000);
    catalog[4321] = { ...catalog[4321], wordCount: 'many' };
    const bad = salvageLibraryFile({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: defaultSettings(), catalog });
    expect(bad.catalogLost).toBe(true);
    expect(bad.fields).toContain('catalog');
  });
});
