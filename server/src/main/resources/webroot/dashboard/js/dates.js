// Date ranges from the dashboard's date fields, and durations as people read them. A date field is
// a text field in the agent's own way of writing a date — the strings table's dateFormat: DD.MM.YYYY
// in German, YYYY-MM-DD in English — whatever language the browser's own date picker would speak;
// the code and the server work with "YYYY-MM-DD" and ISO times only.

import { t } from './strings.js';
import { markWrong } from './dom.js';

const ISO_DAY = 'YYYY-MM-DD';
const pad = (n) => String(n).padStart(2, '0');

/** "2026-11-23" of a Date, in the browser's time zone. */
export function dateInputValue(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2026-11-23" as a date field shows it in `format`: "23.11.2026" for DD.MM.YYYY; '' for none. */
export function dateFieldText(iso, format = t('dateFormat')) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || '')) return '';
  const [y, m, d] = iso.split('-');
  return format.replace('YYYY', y).replace('MM', m).replace('DD', d);
}

/**
 * What was typed into a date field, as "YYYY-MM-DD": in `format` (day and month with one or two
 * digits: "1.11.2026" too) or as YYYY-MM-DD in any language; '' when empty, null when it is no date
 * (31.02.2026, 11/01/2026 in German, 01.11.26).
 */
export function dateFieldValue(text, format = t('dateFormat')) {
  const typed = (text || '').trim();
  if (typed === '') return '';
  for (const pattern of [format, ISO_DAY]) {
    const order = pattern.match(/YYYY|MM|DD/g);
    const regex = new RegExp('^' + pattern.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&')
      .replace('YYYY', '(\\d{4})').replace('MM', '(\\d{1,2})').replace('DD', '(\\d{1,2})') + '$');
    const match = typed.match(regex);
    if (!match) continue;
    const [y, m, d] = ['YYYY', 'MM', 'DD'].map((token) => Number(match[order.indexOf(token) + 1]));
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return `${y}-${pad(m)}-${pad(d)}`;
  }
  return null;
}

/** A date field starts with `iso` in the agent's format; ↑ and ↓ make it a day later or earlier, as a date picker does. */
export function dateField(input, iso = '') {
  input.value = dateFieldText(iso);
  input.addEventListener('keydown', (event) => {
    if ((event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || event.altKey || event.ctrlKey || event.metaKey) return;
    const day = dayStart(dateFieldValue(input.value));
    if (!day) return;
    event.preventDefault();
    day.setDate(day.getDate() + (event.key === 'ArrowUp' ? 1 : -1));
    input.value = dateFieldText(dateInputValue(day));
    input.removeAttribute('aria-invalid');
  });
}

/**
 * The period [from, to) of two date fields as local Dates (the "to" day included; each null where
 * its field is empty and `required` is false), or { error }: the words for the first field that
 * holds no date — marked invalid and given the focus — or for "From" after "To".
 */
export function periodOf(fromInput, toInput, required = true) {
  const fields = [fromInput, toInput];
  const values = fields.map((input) => dateFieldValue(input.value));
  for (const input of fields) input.removeAttribute('aria-invalid');
  const wrong = fields.find((input, i) => values[i] === null || (required && values[i] === ''));
  if (wrong) return { error: t('invalidDate', { field: markWrong(wrong), format: t('dateFormatShown') }) };
  fields.forEach((input, i) => { input.value = dateFieldText(values[i]); }); // as it was read: "1.11.2026" shows 01.11.2026
  const from = dayStart(values[0]);
  const to = dayEnd(values[1]);
  if (from && to && from >= to) return { error: t('invalidRange') };
  return { from, to };
}

/** Local midnight at the start of a "YYYY-MM-DD" day, or null for none. */
export function dayStart(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value || '')) return null;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Local midnight after a "YYYY-MM-DD" day: "to" fields include their whole day. */
export function dayEnd(value) {
  const start = dayStart(value);
  return start ? new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1) : null;
}

/** The last `days` days up to and including today, as "YYYY-MM-DD". */
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
