// What a visitor's User-Agent header says about its browser and device, roughly: enough for an
// agent to know "phone or computer, which browser". Pure: no DOM, no strings table.

const BROWSERS = [
  // order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari"
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

const BOT = /bot\b|crawler|spider|headlesschrome|curl\/|wget\/|python-requests|java\/|okhttp|vert\.x/i;

/**
 * {browser, version, os, kind} of a User-Agent; kind is 'phone', 'tablet', 'desktop', 'bot' or
 * null. Unknown parts are null.
 */
export function parseUserAgent(ua) {
  const result = { browser: null, version: null, os: null, kind: null };
  if (typeof ua !== 'string' || ua.trim() === '') return result;
  if (BOT.test(ua)) {
    result.kind = 'bot';
    return result;
  }
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      result.browser = name;
      result.version = match[1];
      break;
    }
  }
  if (/\biPad\b/.test(ua)) {
    Object.assign(result, { os: 'iPad', kind: 'tablet' });
  } else if (/\biPhone\b|\biPod\b/.test(ua)) {
    Object.assign(result, { os: 'iPhone', kind: 'phone' });
  } else if (/\bAndroid\b/.test(ua)) {
    // Android phones say "Mobile"; tablets leave it out
    Object.assign(result, { os: 'Android', kind: /\bMobile\b/.test(ua) ? 'phone' : 'tablet' });
  } else if (/\bWindows Phone\b/.test(ua)) {
    Object.assign(result, { os: 'Windows Phone', kind: 'phone' });
  } else if (/\bWindows\b/.test(ua)) {
    Object.assign(result, { os: 'Windows', kind: 'desktop' });
  } else if (/\bCrOS\b/.test(ua)) {
    Object.assign(result, { os: 'ChromeOS', kind: 'desktop' });
  } else if (/\bMacintosh\b|\bMac OS X\b/.test(ua)) {
    Object.assign(result, { os: 'macOS', kind: 'desktop' });
  } else if (/\bLinux\b|\bX11\b/.test(ua)) {
    Object.assign(result, { os: 'Linux', kind: 'desktop' });
  }
  return result;
}

/**
 * "Chrome 120 · Android phone" in the dashboard's language; `t` is the strings lookup. The
 * iPhone is its own device name, so it is not "iPhone phone".
 */
export function describeUserAgent(ua, t) {
  const parsed = parseUserAgent(ua);
  if (parsed.kind === 'bot') return t('uaBot');
  const browser = parsed.browser ? parsed.browser + (parsed.version ? ' ' + parsed.version : '') : t('uaUnknownBrowser');
  let device;
  if (!parsed.os) device = t('uaUnknownDevice');
  else if (parsed.os === 'iPhone' || parsed.os === 'iPad') device = parsed.os;
  else if (parsed.kind === 'phone') device = t('uaPhone', { os: parsed.os });
  else if (parsed.kind === 'tablet') device = t('uaTablet', { os: parsed.os });
  else device = t('uaDesktop', { os: parsed.os });
  return browser + ' · ' + device;
}
