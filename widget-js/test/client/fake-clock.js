// A clock the tests move by hand: setTimeout and clearTimeout replaced while a test runs, so that
// backoffs, timeouts and typing pauses take no real time (node's own mock timers are still
// experimental in Node 20 and warn on every run).

export class FakeClock {
  constructor() {
    this.now = 1_000_000;
    this.timers = new Map();
    this.nextId = 1;
  }

  /** Takes over the global timers until the test ends. */
  install(t) {
    const saved = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
    globalThis.setTimeout = (fn, ms = 0) => {
      const id = this.nextId++;
      this.timers.set(id, { at: this.now + Math.max(0, ms), fn });
      return id;
    };
    globalThis.clearTimeout = (id) => this.timers.delete(id);
    t.after(() => Object.assign(globalThis, saved));
    return this;
  }

  /** Moves time on by {@code ms}, firing what falls due on the way, earliest first. */
  tick(ms) {
    const until = this.now + ms;
    for (;;) {
      let next = null;
      for (const [id, timer] of this.timers) {
        if (timer.at <= until && (!next || timer.at < next[1].at)) next = [id, timer];
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = until;
  }
}
