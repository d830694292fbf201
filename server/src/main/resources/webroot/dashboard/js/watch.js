// A watch the server keeps for a view while it is open (the live-visitors list, the monitor): taken
// when the view opens, renewed every 25 s (the server lets a watch lapse after 60 s, so a closed tab
// leaves nothing behind), and ended at once when the view closes.

const RENEW_MS = 25_000;

export class Watch {
  /** `renew` asks the server again (and so renews the watch); `ctx.bus` ends it on `address`. */
  constructor(ctx, address, renew) {
    this.ctx = ctx;
    this.address = address;
    this.renew = renew;
    this.timer = null;
  }

  /** Whether the view is open and watched. */
  get watching() {
    return this.timer !== null;
  }

  start() {
    if (!this.timer) this.timer = setInterval(() => this.renew(), RENEW_MS);
    return this.renew();
  }

  stop() {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.ctx.bus.request(this.address, { watching: false }).catch(() => {});
  }
}
