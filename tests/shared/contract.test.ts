import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, errorCodes } from '../../shared/api/contract';
import { isReadMethod, methodNames, methods } from '../../shared/api/methods';
import { resources } from '../../shared/i18n';
import { bodySchema, bodyToPlainText, plainTextToBody } from '../../shared/model/body';
import { settingsSchema, defaultSettings } from '../../shared/model/settings';

describe('the API contract', () => {
  it('has a schema for every method and a method for every schema', () => {
    expect(Object.keys(contract).sort()).toEqual([...methodNames].sort());
  });

  it('says of every method whether it only reads', () => {
    for (const method of Object.keys(contract)) {
      expect(['read', 'write'], method).toContain((methods as Record<string, unknown>)[method]);
    }
    expect([...methodNames]).toEqual(Object.keys(methods));
  });

  it('counts as reads exactly the methods named get… or list… (and the sync connection test, which only asks the server)', () => {
    for (const method of methodNames) expect(isReadMethod(method), method).toBe(/^(get|list)[A-Z]/.test(method) || method === 'testSyncConnection');
    expect(methodNames.filter(isReadMethod).length).toBeGreaterThan(0);
    expect(methodNames.filter((method) => !isReadMethod(method)).length).toBeGreaterThan(0);
  });

  it('normalises text input to NFC while validating', () => {
    const parsed = contract.createArticle.input.parse({ headline: 'Thủy'.normalize('NFD') });
    expect(parsed.headline).toBe('Thủy'.normalize('NFC'));
  });

  it('refuses ids that could leave the articles folder', () => {
    for (const id of ['../library', '..%2Fx', 'a/b', '', 'A'.repeat(5), 'x'.repeat(65)]) {
      expect(contract.getArticle.input.safeParse({ id }).success, id).toBe(false);
    }
    expect(contract.getArticle.input.safeParse({ id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }).success).toBe(true);
  });

  it('refuses unknown fields instead of storing them', () => {
    expect(contract.createArticle.input.safeParse({ headline: 'x', html: '<script>' }).success).toBe(false);
  });

  it('allows only http, https, mailto and tel links in the body', () => {
    const doc = (href: string) => ({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }],
    });
    for (const ok of ['https://example.vn', 'http://a.b', 'mailto:toasoan@bao.vn', 'tel:+842923820000']) {
      expect(bodySchema.safeParse(doc(ok)).success, ok).toBe(true);
    }
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative']) {
      expect(bodySchema.safeParse(doc(bad)).success, bad).toBe(false);
    }
  });

  it('refuses body nodes that are not article blocks', () => {
    expect(bodySchema.safeParse({ type: 'doc', content: [{ type: 'html', content: '<b>x</b>' }] }).success).toBe(false);
    expect(bodySchema.safeParse({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] }).success).toBe(false);
  });

  it('turns plain text into paragraphs and back', () => {
    const body = plainTextToBody('Đoạn một.\n\n  Đoạn hai.  \n');
    expect(body.content).toHaveLength(2);
    expect(bodyToPlainText(body)).toBe('Đoạn một.\nĐoạn hai.');
  });

  it('validates newsroom settings', () => {
    expect(settingsSchema.safeParse(defaultSettings()).success).toBe(true);
    expect(settingsSchema.safeParse({ ...defaultSettings(), timeZone: 'Mars/Olympus' }).success).toBe(false);
    const duplicated = { ...defaultSettings(), sections: [defaultSettings().sections[0], defaultSettings().sections[0]] };
    expect(settingsSchema.safeParse(duplicated).success).toBe(false);
  });
});

describe('interface text', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      typeof child === 'string' ? [`${prefix}${key.replace(/_(one|other)$/, '')}`] : keys(child, `${prefix}${key}.`),
    );

  it('has the same keys in Vietnamese and English', () => {
    expect([...new Set(keys(resources.en.translation))].sort()).toEqual([...new Set(keys(resources.vi.translation))].sort());
  });

  it('has every key the interface asks for by name (t(\'…\') in renderer/ and electron/)', async () => {
    const known = new Set(keys(resources.vi.translation));
    const asked = new Set<string>();
    const walk = async (folder: string) => {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (/\.tsx?$/.test(entry.name)) for (const match of (await readFile(path, 'utf8')).matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) asked.add(match[1]!);
      }
    };
    await walk('renderer');
    await walk('electron');
    expect(asked.size).toBeGreaterThan(100);
    expect([...asked].filter((key) => !known.has(key))).toEqual([]);
  });

  it('has a message for every error code in both languages', () => {
    for (const language of ['vi', 'en'] as const) {
      const errors = resources[language].translation.errors as Record<string, string>;
      for (const code of errorCodes) expect(errors[code], `${language} ${code}`).toBeTruthy();
    }
  });
});

describe('saving some settings', () => {
  it('changes only the settings given: the others are not filled in with defaults (and so reset)', () => {
    const parsed = contract.saveSettings.input.parse({ changes: { interfaceLanguage: 'en' } });
    expect(parsed.changes).toEqual({ interfaceLanguage: 'en' });
    expect(contract.saveSettings.input.safeParse({ changes: { interfaceLanguage: 'fr' } }).success).toBe(false);
    expect(contract.saveSettings.input.safeParse({ changes: { nonsense: true } }).success).toBe(false);
  });
});

