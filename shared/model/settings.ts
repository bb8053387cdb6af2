import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../text/dates';
import { DEFAULT_HOUSE_WORDS } from '../text/spelling';
import { checklistSettingsSchema, defaultChecklistSettings, sectionChecklistSchema } from '../review/checklist';
import { defaultPolicy, policySchema, profileSchema } from '../review/people';
import { assetIdField, slugField, text } from './fields';

export const interfaceLanguages = ['vi', 'en'] as const;
export const interfaceLanguage = z.enum(interfaceLanguages);
export type InterfaceLanguage = z.infer<typeof interfaceLanguage>;

export const sectionSchema = z.strictObject({
  name: text(60).pipe(z.string().trim().min(1)),
  slug: slugField.min(1),
  headlineLimit: z.number().int().min(20).max(300),
  /** The section's own pre-publish checklist settings, over the house-wide ones (shared/review/checklist.ts). */
  checklist: sectionChecklistSchema.optional(),
});
export type Section = z.infer<typeof sectionSchema>;

const webUrl = z.string().max(500).refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), 'must be an http or https address');

/** The site's own address: http(s), without a query, fragment or password (page paths are added to it). */
const siteAddress = webUrl.refine((value) => {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return !url.search && !url.hash && !url.username && !url.password;
  } catch {
    return false;
  }
}, 'must be a plain address such as https://baocantho.com.vn');

export const websiteLinkSchema = z.strictObject({ name: text(120).pipe(z.string().trim().min(1)), url: webUrl.pipe(z.string().min(1)) });
export type WebsiteLink = z.infer<typeof websiteLinkSchema>;

/** How many export folders are remembered. */
const RECENT_FOLDERS = 8;

export const settingsSchema = z.strictObject({
  paperName: text(120).pipe(z.string().trim().min(1)),
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
  /** The site's address, for canonical links, Open Graph, the sitemap and RSS (e.g. https://baocantho.com.vn). */
  baseUrl: siteAddress.default(''),
  logoAssetId: z.union([z.literal(''), assetIdField]).default(''),
  websiteLinks: z.array(websiteLinkSchema).max(40).default([]),
  /** Reader feedback ("Phản hồi"): a mailto link with the headline as subject, or a plain form posting here. */
  feedbackEmail: z.union([z.literal(''), z.email().max(200)]).default(''),
  feedbackFormAction: webUrl.default(''),
  dateStyle: z.enum(['weekday', 'short']).default('weekday'),
  footerText: text(1000).default(''),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #9b1c1c').default('#9b1c1c'),
  /**
   * Remove where a photo was taken (GPS) from the originals kept in the library too, on import and
   * at once from those already there. Published pages never carry any photo metadata either way.
   */
  stripLocationFromOriginals: z.boolean().default(false),
  /** Words the spellchecker accepts: abbreviations, names, the paper's own words. */
  /** Folders exported into, most recent first (offered when choosing a folder); see rememberFolder. */
  recentFolders: z.array(z.string().max(1000)).max(RECENT_FOLDERS).default([]),
  houseWords: z.array(text(60).pipe(z.string().trim().min(1))).max(5000).default([...DEFAULT_HOUSE_WORDS]),
  /** The newsroom's people (chosen on each machine: a workflow aid, not authentication) and what each role may do. */
  profiles: z
    .array(profileSchema)
    .max(500)
    .refine((profiles) => new Set(profiles.map((p) => p.id)).size === profiles.length, 'profile ids must be unique')
    .default([]),
  policy: policySchema.default(defaultPolicy),
  /** The pre-publish checklist: which rules are errors, warnings or off, lengths, quotes, house abbreviations. */
  checklist: checklistSettingsSchema.default(defaultChecklistSettings),
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
    recentFolders: [],
    baseUrl: '',
    logoAssetId: '',
    websiteLinks: [],
    feedbackEmail: '',
    feedbackFormAction: '',
    dateStyle: 'weekday',
    footerText: '',
    accentColor: '#9b1c1c',
    stripLocationFromOriginals: false,
    checklist: defaultChecklistSettings(),
    profiles: [],
    policy: defaultPolicy(),
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

/** The settings with `folder` as the most recent export folder (each folder once, the newest few). */
export function rememberFolder(settings: Settings, folder: string): Settings {
  return { ...settings, recentFolders: [folder, ...settings.recentFolders.filter((path) => path !== folder)].slice(0, RECENT_FOLDERS) };
}
