// An emoji picker built on the device's own emoji: a button in the composer opens a small grid, a
// choice goes in where the cursor is. No images and no library; arrow keys move, Escape closes.

import { el } from './dom.js';

/** The emoji a support chat needs most, in the device's own font. */
export const EMOJI = ['😀', '😊', '🙂', '😉', '😍', '🤔', '😅', '😢', '😮', '🙈', '👍', '👎', '👏', '🙏', '👋', '🎉',
  '❤️', '✅', '❌', '⭐', '☕', '📦', '🚚', '💳', '📧', '📞', '⏰', '🔧', '💡', '❓', '❗', '🎁'];

/** {@code text} with {@code emoji} in place of the selection [start, end); the caret just after it. */
export function insertAt(text, start, end, emoji) {
  const from = Math.max(0, Math.min(Number.isInteger(start) ? start : text.length, text.length));
  const to = Math.max(from, Math.min(Number.isInteger(end) ? end : from, text.length));
  return { text: text.slice(0, from) + emoji + text.slice(to), caret: from + emoji.length };
}

/** The next button's index for an arrow key in a grid of {@code count} buttons, {@code columns} wide. */
export function step(index, key, count, columns) {
  const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
  const next = index + (moves[key] || 0);
  return next >= 0 && next < count ? next : index;
}

const COLUMNS = 8;

export function createEmojiPicker(s, textarea, changed) {
  // Its size is set in the CSS, not left to the glyph: without an emoji font 🙂 is a narrow box.
  const toggle = el('button', { type: 'button', class: 'emoji-toggle', 'aria-label': s.emojiOpen, title: s.emojiOpen,
    'aria-expanded': 'false', 'aria-controls': 'plauder-emoji', text: '🙂' });
  const grid = el('div', { class: 'emoji-grid', id: 'plauder-emoji', role: 'group', 'aria-label': s.emojiTitle, hidden: true });
  const buttons = EMOJI.map((emoji) => {
    const button = el('button', { type: 'button', text: emoji });
    button.addEventListener('click', () => pick(emoji));
    grid.appendChild(button);
    return button;
  });

  function setOpen(open) {
    grid.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  }

  function pick(emoji) {
    const result = insertAt(textarea.value, textarea.selectionStart, textarea.selectionEnd, emoji);
    textarea.value = result.text;
    setOpen(false);
    textarea.focus();
    textarea.setSelectionRange(result.caret, result.caret);
    changed();
  }

  toggle.addEventListener('click', () => {
    setOpen(grid.hidden);
    if (!grid.hidden) buttons[0].focus();
  });
  grid.addEventListener('keydown', (e) => {
    const index = buttons.indexOf(e.target);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // closes the picker, not the panel
      setOpen(false);
      toggle.focus();
    } else if (index >= 0 && e.key.startsWith('Arrow')) {
      e.preventDefault();
      buttons[step(index, e.key, buttons.length, COLUMNS)].focus();
    }
  });

  return { toggle, grid, close: () => setOpen(false) };
}
