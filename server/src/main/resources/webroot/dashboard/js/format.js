// Every number, date and time the dashboard shows, in the agent's language, from this one place
// (Intl.NumberFormat and Intl.DateTimeFormat): German as in Germany — "3,5", "03.12.2026, 14:05",
// a 24-hour clock — and English as the browser writes it (en-GB, en-US, …).

import { lang } from './strings.js';

const english = (navigator.language || '').toLowerCase().startsWith('en') ? navigator.language : 'en';

/** The locale of every format: de-DE for German, the browser's own English otherwise. */
export const locale = lang === 'de' ? 'de-DE' : english;

const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
const dateAndClock = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

/** A count: "1.234" in German, "1,234" in English. */
export function integer(n) {
  return whole.format(n);
}

/** One decimal always (an average rating): "3,5" / "3.5". */
export function decimal(n) {
  return oneDecimal.format(n);
}

/** A whole number as such, anything else with one decimal: "2", "2,5" / "2.5". */
export function number(n) {
  return Number.isInteger(n) ? integer(n) : decimal(n);
}

/** A file's size: "512 B", "340 KB", "1,5 MB" / "1.5 MB". */
export function fileSize(bytes) {
  if (bytes < 1024) return integer(bytes) + ' B';
  if (bytes < 1024 * 1024) return integer(Math.round(bytes / 1024)) + ' KB';
  return decimal(bytes / (1024 * 1024)) + ' MB';
}

/** "14:05" (both languages use hours and minutes; English may add AM/PM). */
export function clockTime(iso) {
  return iso ? clock.format(new Date(iso)) : '';
}

/** "03.12.2026, 14:05" / "Dec 3, 2026, 2:05 PM". */
export function dateTime(iso) {
  return iso ? dateAndClock.format(new Date(iso)) : '';
}

/** "03.12.2026" / "Dec 3, 2026". */
export function dateText(date) {
  return date ? dateOnly.format(date) : '';
}

/** "4:07" or "1:02:09" since `iso`: a stopwatch, the same in every language. */
export function elapsed(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
