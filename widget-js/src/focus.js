// Keeping keyboard focus inside the open panel: where Tab or Shift+Tab goes next.

/**
 * The index to focus among {@code count} focusable elements when Tab (or Shift+Tab) is pressed
 * on the one at {@code current} (-1: focus is on none of them), or -1 to let the browser move
 * focus itself (it stays inside).
 */
export function trappedFocusIndex(count, current, backwards) {
  if (count === 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  if (backwards && current === 0) return count - 1;
  if (!backwards && current === count - 1) return 0;
  return -1;
}
