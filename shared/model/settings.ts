import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../text/dates';
import { DEFAULT_HOUSE_WORDS } from '../text/spelling';
import { checklistSettingsSchema, DEFAULT_HEADLINE_MAX, defaultChecklistSettings, sectionChecklistSchema } from '../review/checklist';
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
  /** Largest image the library takes, in MB (a camera's photo is 5–15 MB; 50 at most). */
  maxImageMB: z.number().int().min(1).max(50).default(20),
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
    maxImageMB: 20,
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

// ---- Reading settings from disk ------------------------------------------------------------------

/** What reading settings from library.json gave: the settings, and which were reset (paths such as `accentColor`, `sections.2`, `checklist.sapoMin`). */
export interface SettingsRead {
  settings: Settings;
  reset: string[];
}

type Data = Record<string, unknown>;
const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An array's items that are valid, in order, each once by `key`, at most `max`; the index of
 * each item left out is added to `reset`. Not an array: null (the default is used).
 */
function validItems<T>(
  value: unknown,
  item: (raw: unknown, path: string) => T | null,
  options: { max: number; key?: (item: T) => string; path: string; reset: string[] },
): T[] | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<string>();
  const kept: T[] = [];
  value.forEach((raw, index) => {
    const parsed = item(raw, `${options.path}.${index}`);
    const key = parsed === null ? undefined : options.key?.(parsed);
    if (parsed === null || kept.length >= options.max || (key !== undefined && seen.has(key))) {
      options.reset.push(`${options.path}.${index}`);
      return;
    }
    if (key !== undefined) seen.add(key);
    kept.push(parsed);
  });
  return kept;
}

const parsedOr = <T>(schema: z.ZodType<T, unknown>) => (raw: unknown): T | null => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/**
 * An object's fields, each kept when valid and otherwise taken from `defaults` (or repaired by
 * `repair`, for fields that hold lists or objects of their own); fields the schema does not know
 * are left out. Every field not kept as it was is added to `reset`.
 */
function repairFields(
  shape: Record<string, z.ZodType>,
  raw: Data,
  defaults: Data,
  prefix: string,
  reset: string[],
  repair: Record<string, (value: unknown, path: string) => unknown> = {},
): Data {
  const out: Data = {};
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) {
      out[key] = parsed.data;
      continue;
    }
    const path = `${prefix}${key}`;
    const before = reset.length;
    const repaired = repair[key]?.(raw[key], path);
    out[key] = repaired ?? defaults[key];
    // A list that lost some items says which; anything else is reset as a whole.
    if (repaired === undefined || repaired === null || reset.length === before) reset.splice(before, reset.length - before, path);
  }
  for (const key of Object.keys(raw)) if (!(key in shape)) reset.push(`${prefix}${key}`);
  return out;
}

/**
 * A section whose own checklist or headline limit went wrong keeps its name and address (which
 * cannot be made up), with those reset; anything else wrong with it leaves it out.
 */
function sectionOf(raw: unknown, path: string, reset: string[]): Section | null {
  const whole = sectionSchema.safeParse(raw);
  if (whole.success) return whole.data;
  if (!isRecord(raw)) return null;
  const { checklist, headlineLimit, ...rest } = raw;
  const limitValid = sectionSchema.shape.headlineLimit.safeParse(headlineLimit).success;
  const checklistValid = sectionSchema.shape.checklist.safeParse(checklist).success;
  const repaired = sectionSchema.safeParse({ ...rest, headlineLimit: limitValid ? headlineLimit : DEFAULT_HEADLINE_MAX, ...(checklistValid ? { checklist } : {}) });
  if (!repaired.success) return null;
  if (!limitValid) reset.push(`${path}.headlineLimit`);
  if (!checklistValid) reset.push(`${path}.checklist`);
  return repaired.data;
}

/**
 * The settings as library.json holds them: untrusted (a hand edit, a newer Newsdesk, a damaged
 * file). Validated field by field, like articles (./articleFile.ts): a field that fails is reset
 * to its default, a list keeps its valid items (a section with a bad address goes, the other
 * sections stay), so one bad value never costs the others. `reset` says what was changed, for
 * the user to be told.
 */
export function readSettings(raw: unknown): SettingsRead {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, reset: [] };
  const defaults = defaultSettings();
  if (!isRecord(raw)) return { settings: defaults, reset: ['settings'] };
  const reset: string[] = [];
  const items = <T>(item: (raw: unknown) => T | null, max: number, key?: (item: T) => string) => (value: unknown, path: string) =>
    validItems(value, item, { max, key, path, reset });
  const shape = settingsSchema.shape as unknown as Record<string, z.ZodType>;
  const data = repairFields(shape, raw, defaults as unknown as Data, '', reset, {
    websiteLinks: items(parsedOr(websiteLinkSchema), 40),
    recentFolders: items(parsedOr(z.string().max(1000)), RECENT_FOLDERS),
    houseWords: items(parsedOr(settingsSchema.shape.houseWords.unwrap().element), 5000),
    profiles: items(parsedOr(profileSchema), 500, (profile) => profile.id),
    sections: (value, path) => {
      const sections = validItems(value, (item, at) => sectionOf(item, at, reset), { max: 100, key: (section) => section.slug, path, reset });
      return sections?.length ? sections : null;
    },
    policy: (value, path) => (isRecord(value) ? repairFields(policySchema.shape, value, defaults.policy, `${path}.`, reset) : null),
    checklist: (value, path) => {
      if (!isRecord(value)) return null;
      const checklistDefaults = defaultChecklistSettings();
      const fields = repairFields(checklistSettingsSchema.shape as unknown as Record<string, z.ZodType>, value, checklistDefaults, `${path}.`, reset, {
        abbreviations: items(parsedOr(checklistSettingsSchema.shape.abbreviations.unwrap().element), 500),
      });
      if (checklistSettingsSchema.safeParse(fields).success) return fields;
      // Fields valid one by one but not together (a minimum over its maximum): those two go back.
      reset.push(`${path}.sapoMin`, `${path}.sapoMax`);
      return { ...fields, sapoMin: checklistDefaults.sapoMin, sapoMax: checklistDefaults.sapoMax };
    },
  });
  const repaired = settingsSchema.safeParse(data);
  if (!repaired.success) return { settings: defaults, reset: ['settings'] };
  return { settings: repaired.data, reset: [...new Set(reset)] };
}
