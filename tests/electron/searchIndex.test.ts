// The full-text index itself (electron/library/searchIndex.ts): it reads FlexSearch's postings to
// intersect and rank many hits fast, so it must find exactly what FlexSearch's own search finds —
// on a generated library with common and rare words, after updates and removals, and after a
// save and load — and rank what matches the marks as typed first, then the earliest words.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDoc } from '../../electron/library/searchIndex';
import { foldedWords } from '../../shared/text/search';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const WORDS = ['cần', 'thơ', 'bình', 'thủy', 'giá', 'lúa', 'tăng', 'phong', 'điền', 'ninh', 'kiều', 'sạt', 'lở', 'bờ', 'sông', 'hội', 'đồng', 'nhân', 'dân', 'cử', 'tri', 'kiến', 'nghị', 'hòa', 'hoà', 'Ðảng', 'đảng', 'mưa', 'lớn'];

/** A small deterministic random source (the same library every run). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function library(count: number, seed = 7): SearchDoc[] {
  const next = random(seed);
  // Some words common (most articles), some rare: the way a city daily's archive is.
  const pick = () => WORDS[Math.floor(next() ** 2 * WORDS.length)]!;
  const text = (n: number) => Array.from({ length: n }, pick).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    revision: 1,
    headline: text(6),
    tags: [pick()],
    sapo: text(12),
    byline: '',
    captions: [],
    body: text(80),
  }));
}

/** What FlexSearch's own search finds for some words (all of them), as ids. */
function flexSearchFinds(index: SearchIndex, query: string): string[] {
  const internals = index as unknown as { folded: { search(q: string, o: object): number[] }; slotIds(): string[] };
  const words = [...new Set(foldedWords(query))];
  return internals.folded.search(words.join(' '), { limit: 1_000_000 }).map((slot) => internals.slotIds()[slot]!).filter(Boolean);
}

const sorted = (ids: string[]) => [...ids].sort();

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('newsdesk-search-index-');
});
afterEach(async () => {
  await removeDir(dir);
});

describe('the full-text index', () => {
  it('finds exactly what FlexSearch finds, through updates, removals, a save and a load', async () => {
    const docs = library(1500);
    let index = new SearchIndex();
    for (const doc of docs) index.add(doc);
    const next = random(11);
    const queries = Array.from({ length: 60 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' '));
    const check = () => {
      for (const query of queries) {
        const found = index.search(`${query} `).ids;
        expect(new Set(found).size).toBe(found.length);
        expect(sorted(found), query).toEqual(sorted(flexSearchFinds(index, query)));
      }
    };
    check();
    // Rewritten and removed articles: their old words no longer find them.
    for (const doc of docs.slice(0, 300)) index.add({ ...doc, revision: 2, headline: 'mưa lớn', sapo: '', body: 'ninh kiều', tags: [] });
    for (const doc of docs.slice(300, 400)) index.remove(doc.id);
    check();
    expect(index.search('can tho ').ids.filter((id) => Number(id.slice(1)) < 400)).toEqual([]);
    await index.save(join(dir, 'index.json'));
    index = (await SearchIndex.load(join(dir, 'index.json')))!;
    check();
    index.add({ ...docs[350]!, revision: 3 });
    check();
  });

  it('ranks the marks as typed first, then the article whose words come earliest, then the one indexed last', () => {
    const index = new SearchIndex();
    const doc = (id: string, headline: string, body: string): SearchDoc => ({ id, revision: 1, headline, tags: [], sapo: '', byline: '', captions: [], body });
    index.add(doc('late', 'Chuyện thường ngày', `${'chữ '.repeat(60)} hòa bình`));
    index.add(doc('early-hoa', 'Hoa nở sớm', 'Hòa bình'));
    index.add(doc('early-hoa-again', 'Hoa nở muộn', 'Hòa bình'));
    index.add(doc('marked', 'Hòa giải ở phường', ''));
    expect(index.search('hòa ').ids[0]).toBe('marked');
    expect(index.search('hoa ').ids).toEqual(['marked', 'early-hoa-again', 'early-hoa', 'late']);
    expect(index.search('hoa binh ').ids).toEqual(['early-hoa-again', 'early-hoa', 'late']);
  });

  it('gives the slots it is told, and keeps them through a save and a load', async () => {
    const index = new SearchIndex();
    const [one, two] = library(2);
    index.add(one!, 5);
    index.add(two!, 2);
    expect(index.slotIds()).toEqual(['', '', 'a1', '', '', 'a0']);
    await index.save(join(dir, 'slots.json'));
    const loaded = (await SearchIndex.load(join(dir, 'slots.json')))!;
    expect(loaded.slotIds()).toEqual(['', '', 'a1', '', '', 'a0']);
    expect(loaded.revisionOf('a0')).toBe(1);
    expect([...loaded.searchSlots(`${one!.headline.split(' ')[0]!} `).slots]).toContain(5);
  });
});
