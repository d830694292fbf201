// The dashboard's connection to the Plauder event-bus bridge: the bridge's JSON frames over a
// native WebSocket on /eventbus/websocket. No WebJar of the stock bridge client exists, and the raw
// SockJS WebSocket endpoint speaks the same frames, so this small module is all the browser needs.

const PING_EVERY_MS = 5000; // the bridge drops a socket that has not pinged for 10 s
const REQUEST_TIMEOUT_MS = 15000;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 15000;

/** A failed reply: `code` is the machine word before the colon (e.g. "token_expired"). */
export class BusError extends Error {
  constructor(failureCode, message) {
    super(message || 'request failed');
    this.failureCode = failureCode;
    const colon = (message || '').indexOf(':');
    this.code = colon > 0 ? message.slice(0, colon) : (message || 'failed');
  }
}

/** Exponential backoff with full jitter: the n-th retry waits a random time up to base·2ⁿ, capped. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 10));
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

export class Bus {
  /**
   * @param {string} url ws(s)://host/eventbus/websocket
   * @param {() => string} token the current token, read for every frame
   */
  constructor(url, token) {
    this.url = url;
    this.token = token;
    this.socket = null;
    this.inboxes = new Map();      // address -> handler(body)
    this.pending = new Map();      // replyAddress -> {resolve, reject, timer}
    this.attempt = 0;
    this.nextReplyId = 1;
    this.closedByUs = false;
    this.pingTimer = null;
    this.retryTimer = null;
    this.onstate = () => {};       // ('open' | 'reconnecting' | 'closed')
    this.onerrorframe = () => {};  // error frames outside replies, e.g. "access_denied"
  }

  open() {
    this.closedByUs = false;
    this.connect();
  }

  get isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  connect() {
    clearTimeout(this.retryTimer);
    const socket = new WebSocket(this.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      for (const address of this.inboxes.keys()) {
        this.write({ type: 'register', address, headers: { token: this.token() } });
      }
      this.pingTimer = setInterval(() => this.write({ type: 'ping' }), PING_EVERY_MS);
      this.onstate('open');
    };
    socket.onmessage = (event) => this.onFrame(event.data);
    socket.onclose = () => {
      clearInterval(this.pingTimer);
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      for (const [id, waiter] of this.pending) {
        clearTimeout(waiter.timer);
        waiter.reject(new BusError(-1, 'disconnected: the connection was lost'));
        this.pending.delete(id);
      }
      if (this.closedByUs) {
        this.onstate('closed');
        return;
      }
      this.onstate('reconnecting');
      this.retryTimer = setTimeout(() => this.connect(), backoffDelay(this.attempt++));
    };
  }

  close() {
    this.closedByUs = true;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      this.socket.close();
    }
  }

  /** Receives every push on `address` (re-registered after each reconnect). */
  register(address, handler) {
    this.inboxes.set(address, handler);
    this.write({ type: 'register', address, headers: { token: this.token() } });
  }

  /** Sends to an action address and resolves with the reply body, or rejects with a BusError. */
  request(address, body = {}) {
    if (!this.isOpen) {
      return Promise.reject(new BusError(-1, 'disconnected: not connected'));
    }
    const replyAddress = 'plauder-dashboard-' + this.nextReplyId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(replyAddress);
        reject(new BusError(-1, 'timeout: no answer from the server'));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(replyAddress, { resolve, reject, timer });
      this.write({ type: 'send', address, headers: { token: this.token() }, body, replyAddress });
    });
  }

  write(frame) {
    if (this.isOpen) {
      this.socket.send(JSON.stringify(frame));
    }
  }

  onFrame(data) {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    const waiter = frame.address ? this.pending.get(frame.address) : undefined;
    if (waiter) {
      this.pending.delete(frame.address);
      clearTimeout(waiter.timer);
      if (frame.type === 'err') {
        waiter.reject(new BusError(frame.failureCode, frame.message));
      } else {
        waiter.resolve(frame.body || {});
      }
      return;
    }
    if (frame.type === 'err') {
      this.onerrorframe(frame.body);
      return;
    }
    const inbox = frame.type === 'rec' ? this.inboxes.get(frame.address) : undefined;
    if (inbox && frame.body && typeof frame.body === 'object') {
      inbox(frame.body);
    }
  }
}
