/** HTML escaping for the publishing templates: every text goes through one of these. */
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Control characters (other than tab and line breaks) and non-characters: neither HTML nor XML allows them. */
// eslint-disable-next-line no-control-regex
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** Whether a text holds anything escapeHtml changes (most texts hold nothing: they are returned as they are). */
// eslint-disable-next-line no-control-regex
const TO_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

export function escapeHtml(text: string): string {
  if (!TO_ESCAPE.test(text)) return text;
  return text.replace(DISALLOWED, '').replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);
}

/** JSON inside <script type="application/ld+json">: `<` escaped so no `</script>` can close it. */
export function escapeJsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
