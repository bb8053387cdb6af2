/** Dates in the paper's format, in the newsroom's time zone (Vietnam by default). */

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(date: Date, timeZone: string): WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) parts[part.type] = part.value;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "Thứ Sáu, 27/11/2026 - 08:15" (or "Friday, 27/11/2026 - 08:15" in English). */
export function formatDateTime(iso: string, timeZone = DEFAULT_TIME_ZONE, language: 'vi' | 'en' = 'vi'): string {
  const c = wallClock(new Date(iso), timeZone);
  const weekday = (language === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[c.weekday];
  return `${weekday}, ${pad(c.day)}/${pad(c.month)}/${c.year} - ${pad(c.hour)}:${pad(c.minute)}`;
}

/** "27/11/2026 08:15", for compact lists. */
export function formatShortDateTime(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  const c = wallClock(new Date(iso), timeZone);
  return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** Machine-readable local time with its offset, e.g. "2026-11-27T08:15:00+07:00". */
export function toZonedIso(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  const c = wallClock(date, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
