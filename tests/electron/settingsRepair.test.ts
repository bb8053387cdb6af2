import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { defaultSettings, type Settings } from '../../shared/model/settings';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * Issue 12, item 5: a hand edit of library.json that breaks one setting resets that setting only;
 * the newsroom's other settings stay, and the user is told which was reset (a "repaired" problem
 * naming each, the original file kept beside it).
 */

let dir: string;
const libraryJson = () => join(dir, 'library.json');

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

async function newsroom(): Promise<Settings> {
  const library = await LibraryService.open({ dataDir: dir });
  const settings = await library.saveSettings({
    changes: {
      paperName: 'Báo Cần Thơ',
      accentColor: '#1c4f9b',
      houseWords: ['UBND', 'HĐND', 'Ninh Kiều'],
      footerText: 'Giấy phép số 123',
      sections: [
        { name: 'Thời sự', slug: 'thoi-su', headlineLimit: 100 },
        { name: 'Kinh tế', slug: 'kinh-te', headlineLimit: 90 },
        { name: 'Thể thao', slug: 'the-thao', headlineLimit: 80 },
      ],
    },
  });
  await library.dispose();
  return settings;
}

/** Edits library.json's settings as someone with a text editor would. */
async function handEdit(edit: (settings: Record<string, unknown>) => void): Promise<string> {
  const file = JSON.parse(await readFile(libraryJson(), 'utf8'));
  edit(file.settings);
  const text = JSON.stringify(file, null, 2);
  await writeFile(libraryJson(), text);
  return text;
}

describe('settings broken by a hand edit of library.json', () => {
  it('lose only the broken values, and the user is told which', async () => {
    const good = await newsroom();
    const original = await handEdit((settings) => {
      settings.accentColor = 'xanh';
      (settings.houseWords as string[]).splice(1, 0, 'từ'.repeat(40));
      (settings.sections as Array<{ slug: string }>)[1]!.slug = 'Kinh tế';
    });

    const library = await LibraryService.open({ dataDir: dir });
    const settings = await library.getSettings({});
    expect(settings).toEqual({
      ...good,
      accentColor: defaultSettings().accentColor,
      sections: good.sections.filter((section) => section.slug !== 'kinh-te'),
    });
    const { problems } = await library.getAppInfo({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'repaired', file: libraryJson() });
    expect(problems[0]!.fields.sort()).toEqual(['settings.accentColor', 'settings.houseWords.1', 'settings.sections.1']);
    expect(problems[0]!.reason).toContain('accentColor');
    // The original is kept beside the repaired file, which now holds the repaired settings.
    expect(await readFile(problems[0]!.movedTo, 'utf8')).toBe(original);
    await library.dispose();
    expect(JSON.parse(await readFile(libraryJson(), 'utf8')).settings).toEqual(settings);

    const again = await LibraryService.open({ dataDir: dir });
    expect((await again.getAppInfo({})).problems).toEqual([]);
    expect(await again.getSettings({})).toEqual(settings);
    await again.dispose();
  });

  it('that are valid are read without a problem reported', async () => {
    const good = await newsroom();
    const library = await LibraryService.open({ dataDir: dir });
    expect(await library.getSettings({})).toEqual(good);
    expect((await library.getAppInfo({})).problems).toEqual([]);
    await library.dispose();
  });
});
