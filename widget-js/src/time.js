// Formatting of message times and wait estimates.

const LOCALES = { de: 'de-DE', en: 'en-GB' };

/** "14:05" for an ISO instant, in the visitor's time zone unless one is given. */
export function formatTime(iso, lang, timeZone) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const options = { hour: '2-digit', minute: '2-digit', hour12: false };
  if (timeZone) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(LOCALES[lang] || LOCALES.en, options).format(date);
}

/**
 * The wait estimate as a sentence, or null when the server has none (it says null when it
 * cannot estimate honestly, and then the widget says nothing about time).
 */
export function formatWait(seconds, strings) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return strings.waitUnderMinute;
  return strings.waitMinutes(Math.round(seconds / 60));
}
