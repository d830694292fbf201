// Date ranges from <input type="date"> fields and durations as people read them.

import { t } from './strings.js';

/** "2026-11-23" of a Date, in the browser's time zone (the value a date input takes). */
export function dateInputValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight at the start of a date input's day, or null for an empty field. */
export function dayStart(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value || '')) return null;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Local midnight after a date input's day: "to" fields include their whole day. */
export function dayEnd(value) {
  const start = dayStart(value);
  return start ? new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1) : null;
}

/** The last `days` days up to and including today, as date input values. */
export function lastDays(days, now = new Date()) {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: dateInputValue(from), to: dateInputValue(now) };
}

/** "45 s", "3 min 20 s", "1 h 5 min"; "–" for no value. */
export function durationText(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return t('seconds', { n: total });
  if (total < 3600) return t('minutes', { m: Math.floor(total / 60), s: total % 60 });
  return t('hours', { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60) });
}
