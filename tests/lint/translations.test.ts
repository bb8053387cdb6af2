import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n';
import { literalKeys, scanKeys, type KeyScan, type KeyUse } from './translationKeys';

/**
 * Every string in both languages (issue 14): the interface text lives in shared/i18n/vi.ts and
 * en.ts; every key the code asks for is in both, the two have the same keys, and a literal string
 * shown to users in a renderer component fails the lint (eslint.config.js, i18next/no-literal-string).
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
type Languages = Record<'vi' | 'en', Record<string, unknown>>;
const languages: Languages = { vi: resources.vi.translation, en: resources.en.translation };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys computed from something other than a closed set of values, and why that is right. */
const FORWARDED: Record<string, string> = {
  // The Electron menu's t: it passes the keys of electron/shell/menu.ts through to i18next; the
  // menu's own t('menu.…') calls are scanned like any other.
  'electron/shell/main.ts key': 'forwards the menu’s keys',
};

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    entries.set(`${prefix}${key}`, child);
    if (child && typeof child === 'object') for (const [k, v] of flatten(child, `${prefix}${key}.`)) entries.set(k, v);
  }
  return entries;
}

const textKeys = (messages: Record<string, unknown>) => [...flatten(messages)].filter(([, v]) => typeof v === 'string').map(([k]) => k);
const pluralCategories = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories;

/** What one language lacks or has too much, compared with the other (plural forms by each language's own rules). */
function keyDifferences(messages: Languages): string[] {
  const problems: string[] = [];
  const bases = { vi: new Set(textKeys(messages.vi).map((k) => k.replace(PLURAL_SUFFIX, ''))), en: new Set(textKeys(messages.en).map((k) => k.replace(PLURAL_SUFFIX, ''))) };
  for (const [language, other] of [['vi', 'en'], ['en', 'vi']] as const) {
    for (const key of bases[other]) if (!bases[language].has(key)) problems.push(`${language} lacks ${key} (in ${other})`);
    const keys = new Set(textKeys(messages[language]));
    const plurals = new Set([...textKeys(messages.vi), ...textKeys(messages.en)].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
    for (const base of plurals) {
      if (!bases[language].has(base)) continue;
      for (const category of pluralCategories(language)) if (!keys.has(`${base}_${category}`) && !keys.has(base)) problems.push(`${language} lacks ${base}_${category}`);
    }
  }
  return problems;
}

/** The keys asked for that a language cannot answer with a text, looked up by i18next itself (no fallback). */
function missingKeys(uses: KeyUse[], messages: Languages): string[] {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { vi: { translation: messages.vi }, en: { translation: messages.en } }, fallbackLng: false, initAsync: false });
  const missing: string[] = [];
  for (const use of uses) {
    for (const language of ['vi', 'en'] as const) {
      const text = (key: string) => typeof i18n.getResource(language, 'translation', key) === 'string';
      const plurals = pluralCategories(language).every((category) => text(`${use.key}_${category}`) || text(use.key));
      const found = use.plural === 'maybe' ? text(use.key) || plurals : use.plural ? plurals : text(use.key);
      if (!found) missing.push(`${language}: ${use.key} (${use.where})`);
    }
  }
  return [...new Set(missing)];
}

/** Computed keys: their fixed start must name a group of keys in both languages; the rest must be listed in FORWARDED. */
function openKeyProblems(scan: KeyScan, messages: Languages): string[] {
  const problems: string[] = [];
  for (const open of scan.open) {
    if (open.prefix === undefined) {
      if (!FORWARDED[`${open.where.replace(/:\d+$/, '')} ${open.expression}`]) problems.push(`${open.where}: t(${open.expression}) asks for a key that cannot be worked out`);
      continue;
    }
    const group = open.prefix.replace(/\.$/, '');
    for (const language of ['vi', 'en'] as const) {
      const value = flatten(messages[language]).get(group);
      if (!value || typeof value !== 'object') problems.push(`${open.where}: t(${open.expression}): ${language} has no group ${group}`);
    }
  }
  return problems;
}

describe('every key in both languages', () => {
  let scan: KeyScan;
  beforeAll(() => {
    scan = scanKeys(root);
  }, 240_000);

  it('finds the keys the code asks for, written out and computed', () => {
    const keys = new Set(scan.uses.map((u) => u.key));
    expect(keys.size).toBeGreaterThan(500);
    // Written out in a component, in the Electron menu, computed from a status and from a command's label.
    for (const key of ['editor.title', 'menu.about', 'status.changes_requested', 'commands.newArticle', 'library.selectAll']) expect(keys, key).toContain(key);
    expect(scan.uses.find((u) => u.key === 'library.selectAll')?.plural).toBe(true);
  });

  it('has every key asked for in Vietnamese and in English', () => {
    expect(missingKeys(scan.uses, languages)).toEqual([]);
  });

  it('has a group for every key computed from an open value, and no key it cannot work out', () => {
    expect(scan.open.length).toBeGreaterThan(0);
    expect(openKeyProblems(scan, languages)).toEqual([]);
  });

  it('has the same keys in Vietnamese and English (plural forms as each language needs them)', () => {
    expect(keyDifferences(languages)).toEqual([]);
  });

  it('notices a key asked for that a language lacks, and a key only one language has', () => {
    const planted = literalKeys('renderer/components/Planted.tsx', "export const P = ({ t }) => <p title={t('library.notThere')}>{t('library.count', { count: 2 })}</p>;");
    expect(missingKeys(planted, languages)).toEqual([
      'vi: library.notThere (renderer/components/Planted.tsx)',
      'en: library.notThere (renderer/components/Planted.tsx)',
    ]);
    const withoutEnglishPlural = { vi: languages.vi, en: { ...languages.en, library: { ...(languages.en.library as object), count_one: undefined } } };
    expect(missingKeys(planted, withoutEnglishPlural)).toContain('en: library.count (renderer/components/Planted.tsx)');
    const viOnly = { vi: { ...languages.vi, planted: { word: 'Chữ' } }, en: languages.en };
    expect(keyDifferences(viOnly)).toEqual(['en lacks planted.word (in vi)']);
    const open: KeyScan = { uses: [], open: [{ where: 'renderer/x.ts:1', expression: '`planted.${x}`', prefix: 'planted.', hasDefault: false }, { where: 'renderer/x.ts:2', expression: 'key', hasDefault: false }] };
    expect(openKeyProblems(open, viOnly)).toEqual([
      'renderer/x.ts:1: t(`planted.${x}`): en has no group planted',
      'renderer/x.ts:2: t(key) asks for a key that cannot be worked out',
    ]);
  });
});

describe('the literal-string rule fails the lint', () => {
  const eslint = new ESLint({ cwd: root });
  const literalErrors = async (code: string, file = 'renderer/components/Planted.tsx') => {
    const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
    return result!.messages.filter((m) => m.ruleId === 'i18next/no-literal-string' && m.severity === 2).map((m) => m.message.replace(/^[^:]*: /, ''));
  };
  const component = (jsx: string) => `import { useTranslation } from 'react-i18next';\nexport function Planted({ on }: { on: boolean }) {\n  const { t } = useTranslation();\n  return (\n    ${jsx}\n  );\n}\n`;

  it.each([
    ['JSX text', '<p>Save changes</p>'],
    ['JSX text in Vietnamese', '<p>Lưu thay đổi</p>'],
    ['a string in a JSX expression', "<p>{on ? t('editor.title') : 'Untitled'}</p>"],
    ['aria-label', '<button type="button" aria-label="Close">×</button>'],
    ['title', '<span title="Word count">1</span>'],
    ['placeholder', '<input placeholder="Search articles" />'],
    ['alt', '<img src="x.png" alt="Featured photo" />'],
    ["a component's label", '<Field label="Headline" />'],
  ])('%s', async (_name, jsx) => {
    expect(await literalErrors(component(jsx))).toHaveLength(1);
  });

  it('leaves alone what is not text: t(…), class names, types, roles, test ids, keys, punctuation', async () => {
    const jsx = `<div className="row" role="group" data-testid="row" key="a" aria-live="polite" id="x"><input type="url" aria-label={t('settings.baseUrl')} />{' · '}{t('editor.title')}…</div>`;
    expect(await literalErrors(component(jsx))).toEqual([]);
  });

  it('checks renderer components only', async () => {
    expect(await literalErrors(component('<p>Save changes</p>'), 'tests/e2e/Planted.tsx')).toEqual([]);
  });
});
