import { describe, expect, it } from 'vitest';
import { formatAge, formatAgo, formatCount, formatDateTime, formatDuration, isoToLocalInput, localInputToIso, plural } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [45, '45 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [1200, '1.2 s'],
    [9_960, '10 s'],
    [42_400, '42 s'],
    [59_600, '1 min'],
    [184_000, '3 min 4 s'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
    [273_600_000, '3 d 4 h'],
  ])('should show %i ms as "%s"', (millis, text) => {
    expect(formatDuration(millis)).toBe(text);
  });

  it.each([null, undefined, -1, Number.NaN])('should show %s as a dash', (millis) => {
    expect(formatDuration(millis)).toBe('–');
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it.each([
    ['2026-11-26T12:00:00Z', 'just now'],
    ['2026-11-26T11:59:48Z', '12 s ago'],
    ['2026-11-26T11:56:56Z', '3 min 4 s ago'],
    ['2026-11-26T09:55:00Z', '2 h 5 min ago'],
    // the server's clock a little ahead of the browser's
    ['2026-11-26T12:00:03Z', 'just now'],
  ])('should show %s as "%s"', (iso, text) => {
    expect(formatAgo(iso, now)).toBe(text);
  });

  it('should show nothing for no time', () => {
    expect(formatAgo(null, now)).toBe('–');
    expect(formatAge(null)).toBe('–');
  });
});

describe('times in the browser zone', () => {
  it('should format an instant with the browser locale and zone, the year only when not this year', () => {
    // given
    const iso = '2026-11-26T10:00:05Z';

    // when
    const thisYear = formatDateTime(iso, new Date('2026-12-01T00:00:00Z'));
    const lastYear = formatDateTime(iso, new Date('2027-06-01T00:00:00Z'));

    // then it is what Intl says for the same instant, not the UTC string
    expect(thisYear).toBe(new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(new Date(iso)));
    expect(lastYear).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)));
    expect(formatDateTime(null)).toBe('–');
    expect(formatDateTime('not a date')).toBe('–');
  });

  it('should turn a datetime-local value into an instant and back', () => {
    // given a local wall time
    const local = '2026-11-26T11:30';

    // when
    const iso = localInputToIso(local)!;

    // then
    expect(iso).toBe(new Date(2026, 10, 26, 11, 30).toISOString());
    expect(isoToLocalInput(iso)).toBe(local);
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('garbage')).toBeUndefined();
  });

  it('should keep seconds when the instant has them', () => {
    expect(isoToLocalInput(new Date(2026, 0, 2, 3, 4, 5).toISOString())).toBe('2026-01-02T03:04:05');
  });
});

describe('counts', () => {
  it('should say one and many', () => {
    expect(plural(1, 'incident')).toBe('1 incident');
    expect(plural(3, 'incident')).toBe('3 incidents');
    expect(formatCount(1234)).toBe((1234).toLocaleString());
  });
});
