// An agent's face where it has no picture: its initials on a circle whose colour follows from its
// name, so the same agent always looks the same, in the widget and in the dashboard alike.

/** Dark enough for white initials (contrast at least 4.5:1 each). */
export const AVATAR_COLOURS = ['#1f6f5c', '#2b5797', '#7a3e9d', '#a4373a', '#8a4b08', '#3d6b21', '#0f6a80', '#5c4a8f'];

/** Up to two initials: of the first and the last word ("Anna Maria Schmidt" → "AS"), "?" without a name. */
export function initialsOf(name) {
  const words = String(name || '').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const first = (word) => Array.from(word)[0].toLocaleUpperCase();
  return words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
}

/** The circle's colour: the same name, the same colour (a small string hash over the palette). */
export function colourOf(name) {
  let hash = 0;
  for (const ch of String(name || '')) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}

/**
 * Fills {@code node} (an element styled as a circle) with the agent's face: its picture from
 * {@code url} when there is one, else (and when the picture cannot load) its initials.
 */
export function showFace(node, name, url) {
  const key = (name || '') + '\n' + (url || '');
  if (node.dataset.face === key) return;
  node.dataset.face = key;
  node.style.background = colourOf(name);
  node.textContent = initialsOf(name);
  if (!url) return;
  const img = node.ownerDocument.createElement('img');
  img.alt = '';
  img.addEventListener('error', () => img.remove());
  img.src = url;
  node.appendChild(img);
}
