import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../text/dates';
import { DEFAULT_HOUSE_WORDS } from '../text/spelling';
import { slugField, text } from './fields';

export const interfaceLanguages = ['vi', 'en'] as const;
export const interfaceLanguage = z.enum(interfaceLanguages);
export type InterfaceLanguage = z.infer<typeof interfaceLanguage>;

export const sectionSchema = z.strictObject({
  name: text(60).pipe(z.string().trim().min(1)),
  slug: slugField.min(1),
  headlineLimit: z.number().int().min(20).max(300),
});
export type Section = z.infer<typeof sectionSchema>;

export const settingsSchema = z.strictObject({
  paperName: text(120),
  tagline: text(200),
  interfaceLanguage,
  timeZone: z.string().max(64).refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone'),
  /** Words the spellchecker accepts: abbreviations, names, the paper's own words. */
  houseWords: z.array(text(60).pipe(z.string().trim().min(1))).max(5000).default([...DEFAULT_HOUSE_WORDS]),
  sections: z
    .array(sectionSchema)
    .min(1)
    .max(100)
    .refine((sections) => new Set(sections.map((s) => s.slug)).size === sections.length, 'section slugs must be unique'),
});
export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return {
    paperName: 'Báo Thành phố',
    tagline: 'Tin tức địa phương mỗi ngày',
    interfaceLanguage: 'vi',
    timeZone: DEFAULT_TIME_ZONE,
    houseWords: [...DEFAULT_HOUSE_WORDS],
    sections: [
      { name: 'Thời sự', slug: 'thoi-su', headlineLimit: 100 },
      { name: 'Kinh tế', slug: 'kinh-te', headlineLimit: 100 },
      { name: 'Xã hội', slug: 'xa-hoi', headlineLimit: 100 },
      { name: 'Giáo dục', slug: 'giao-duc', headlineLimit: 100 },
      { name: 'Văn hóa - Giải trí', slug: 'van-hoa-giai-tri', headlineLimit: 100 },
      { name: 'Thể thao', slug: 'the-thao', headlineLimit: 90 },
    ],
  };
}
