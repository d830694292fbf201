// Stops the host page from scrolling behind the full-screen panel on a phone. It touches the
// overflow of the page's <html> element only (as its two longhands, so that a page's own
// overflow-y survives) and puts back exactly what was there: value and priority, or nothing.

const PROPERTIES = ['overflow-x', 'overflow-y'];

export class ScrollLock {
  /** {@code style}: a CSSStyleDeclaration (the page's documentElement.style). */
  constructor(style) {
    this.style = style;
    this.saved = null;
  }

  get locked() {
    return this.saved !== null;
  }

  lock() {
    if (this.saved) return;
    this.saved = PROPERTIES.map((name) => ({
      name,
      value: this.style.getPropertyValue(name),
      priority: this.style.getPropertyPriority(name),
    }));
    for (const name of PROPERTIES) this.style.setProperty(name, 'hidden', 'important');
  }

  unlock() {
    if (!this.saved) return;
    const saved = this.saved;
    this.saved = null;
    for (const { name, value, priority } of saved) {
      if (value) this.style.setProperty(name, value, priority);
      else this.style.removeProperty(name);
    }
  }
}
