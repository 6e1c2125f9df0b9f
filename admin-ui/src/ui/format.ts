/**
 * Times, durations and counts for people: instants in the browser's time zone and locale,
 * durations as "1.2 s" or "3 min 4 s". Every function takes what the API sends (ISO strings,
 * milliseconds, possibly null) and answers "–" for nothing.
 */

export const NOTHING = '–';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
// this year's dates without the year: table columns stay narrow enough for 1366 px screens
const dateTimeThisYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });
const dateTimeWithZone = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'full',
  timeStyle: 'long',
});
const hourMinute = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** The browser's IANA time zone, e.g. "Europe/Berlin". */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function parse(iso: string | null | undefined): Date | undefined {
  if (!iso) {
    return undefined;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * "Nov 26, 11:00:05 AM" (this year) or "Nov 26, 2025, 11:00:05 AM" in the browser's zone and
 * locale.
 */
export function formatDateTime(iso: string | null | undefined, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) {
    return NOTHING;
  }
  return date.getFullYear() === now.getFullYear() ? dateTimeThisYear.format(date) : dateTime.format(date);
}

/** The full instant with its zone, for a tooltip. */
export function formatDateTimeLong(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? `${dateTimeWithZone.format(date)} (${iso})` : '';
}

/** "10:00" in the browser's zone. */
export function formatHour(iso: string): string {
  const date = parse(iso);
  return date ? hourMinute.format(date) : NOTHING;
}

/**
 * "45 ms", "1.2 s", "42 s", "3 min 4 s", "2 h 5 min", "3 d 4 h": two units at most, because
 * an operator compares orders of magnitude, not milliseconds of a day-long wait.
 */
export function formatDuration(millis: number | null | undefined): string {
  if (millis === null || millis === undefined || !Number.isFinite(millis) || millis < 0) {
    return NOTHING;
  }
  if (millis < 1000) {
    return `${Math.round(millis)} ms`;
  }
  if (millis < 10_000) {
    // one decimal below ten seconds; 9.96 s must not become "10.0 s"
    const tenths = Math.round(millis / 100) / 10;
    return tenths < 10 ? `${trimZero(tenths.toFixed(1))} s` : '10 s';
  }
  const seconds = Math.round(millis / 1000);
  if (seconds < 60) {
    return `${seconds} s`;
  }
  return twoUnits(seconds);
}

function twoUnits(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const index = units.findIndex(([, size]) => seconds >= size);
  const [bigName, bigSize] = units[index]!;
  const [smallName, smallSize] = units[index + 1]!;
  const big = Math.floor(seconds / bigSize);
  const small = Math.floor((seconds - big * bigSize) / smallSize);
  return small > 0 ? `${big} ${bigName} ${small} ${smallName}` : `${big} ${bigName}`;
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** "just now", "12 s ago", "3 min ago", "2 h 5 min ago" relative to `now`. */
export function formatAgo(iso: string | null | undefined, now: number = Date.now()): string {
  const date = parse(iso);
  if (!date) {
    return NOTHING;
  }
  // a server clock slightly ahead of the browser must not read "in 2 s"
  const millis = Math.max(0, now - date.getTime());
  return formatAge(millis / 1000);
}

/** An age in seconds as "just now", "12 s ago", "3 min ago". */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return NOTHING;
  }
  if (seconds < 1) {
    return 'just now';
  }
  const whole = Math.floor(seconds);
  return `${whole < 60 ? `${whole} s` : twoUnits(whole)} ago`;
}

/** 1234 → "1,234" in the browser's locale. */
export function formatCount(count: number | null | undefined): string {
  return count === null || count === undefined ? NOTHING : count.toLocaleString();
}

/** "1 incident" / "3 incidents". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A `datetime-local` input's value (local wall time, "2026-11-26T11:30") as an ISO instant,
 * or undefined when empty or invalid.
 */
export function localInputToIso(value: string): string | undefined {
  if (!value) {
    return undefined;
  }
  // ECMAScript reads a date-time without offset as local time
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO instant as a `datetime-local` value in the browser's zone, e.g. "2026-11-26T11:30". */
export function isoToLocalInput(iso: string | null | undefined): string {
  const date = parse(iso);
  if (!date) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = date.getSeconds() ? `:${pad(date.getSeconds())}` : '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}${seconds}`
  );
}
