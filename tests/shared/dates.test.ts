import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDateTime, toZonedIso } from '../../shared/text/dates';

describe('dates in Vietnam time', () => {
  const iso = '2026-11-27T01:15:00.000Z'; // 08:15 in Hà Nội / TP.HCM

  it('formats the paper date line', () => {
    expect(formatDateTime(iso)).toBe('Thứ Sáu, 27/11/2026 - 08:15');
    expect(formatDateTime(iso, 'Asia/Ho_Chi_Minh', 'en')).toBe('Friday, 27/11/2026 - 08:15');
    expect(formatDateTime('2026-11-28T17:30:00Z')).toBe('Chủ Nhật, 29/11/2026 - 00:30');
  });

  it('formats compact list dates', () => {
    expect(formatShortDateTime(iso)).toBe('27/11/2026 08:15');
  });

  it('gives machine-readable times with +07:00', () => {
    expect(toZonedIso(iso)).toBe('2026-11-27T08:15:00+07:00');
    expect(toZonedIso(iso, 'UTC')).toBe('2026-11-27T01:15:00+00:00');
  });
});
