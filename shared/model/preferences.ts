import { z } from 'zod';

/**
 * Preferences: how Newsdesk looks and behaves for the person at this computer (theme, the
 * editor's font and size, autosave delay, spellcheck languages). Kept on the computer, not in the
 * library: a reporter's dark theme or large type is theirs, not the newsroom's, and a library
 * shared through sync or a network folder must not change everyone's screen. The newsroom's
 * settings (paper, sections, checklist, house words) stay in library.json (./settings.ts).
 * See docs/preferences.md.
 */

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

/** The editor's typefaces: the bundled Noto Serif (as the published page), or a sans-serif. */
export const editorFonts = ['serif', 'sans'] as const;
export type EditorFont = (typeof editorFonts)[number];

/** The editor's text sizes, in pixels at the system's default text size (applied in rem, so they follow it). */
export const editorFontSizes = [14, 15, 16, 17, 18, 20, 22, 24, 28] as const;
export type EditorFontSize = (typeof editorFontSizes)[number];

/** Which dictionaries underline words: both (Vietnamese text quotes English names), one, or none. */
export const spellLanguages = ['vi-en', 'vi', 'en', 'off'] as const;
export type SpellLanguages = (typeof spellLanguages)[number];

export const AUTOSAVE_MIN_SECONDS = 1;
export const AUTOSAVE_MAX_SECONDS = 30;

export const preferencesSchema = z.strictObject({
  theme: z.enum(themes),
  editorFont: z.enum(editorFonts),
  editorFontSize: z.union(editorFontSizes.map((size) => z.literal(size)) as unknown as [z.ZodLiteral<EditorFontSize>, z.ZodLiteral<EditorFontSize>]),
  /** Seconds after the last keystroke before the article is saved. */
  autosaveSeconds: z.number().int().min(AUTOSAVE_MIN_SECONDS).max(AUTOSAVE_MAX_SECONDS),
  spellcheck: z.enum(spellLanguages),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export function defaultPreferences(): Preferences {
  return { theme: 'system', editorFont: 'serif', editorFontSize: 18, autosaveSeconds: 1, spellcheck: 'vi-en' };
}

/**
 * Preferences as stored (untrusted: an older or newer Newsdesk, a hand edit): each field kept when
 * valid, else its default, so one bad value never costs the others; unknown fields are dropped.
 * An autosave delay out of bounds is brought within them rather than forgotten.
 */
export function readPreferences(raw: unknown): Preferences {
  const defaults = defaultPreferences();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaults;
  const data = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(preferencesSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(data[key]);
    out[key] = parsed.success ? parsed.data : defaults[key as keyof Preferences];
  }
  const seconds = data.autosaveSeconds;
  if (typeof seconds === 'number' && Number.isFinite(seconds)) out.autosaveSeconds = clampAutosave(seconds);
  return out as Preferences;
}

export function clampAutosave(seconds: number): number {
  return Math.min(AUTOSAVE_MAX_SECONDS, Math.max(AUTOSAVE_MIN_SECONDS, Math.round(seconds)));
}

/** The theme shown: the chosen one, or the system's when following it. */
export function resolvedTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

/** Which dictionaries a choice uses. */
export function spellDictionaries(choice: SpellLanguages): { vi: boolean; en: boolean } {
  return { vi: choice === 'vi-en' || choice === 'vi', en: choice === 'vi-en' || choice === 'en' };
}
