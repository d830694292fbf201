// Typing notices, both ways: when to tell the other side that one is typing or has stopped, and
// how long to show that the other side is typing. Notices are not stored and may get lost, so a
// "typing" is repeated while the keys go on and a shown indicator goes away by itself.

export const TYPING = {
  /** At most one "typing" notice this often while someone keeps typing. */
  repeatMs: 3000,
  /** "Stopped" once no key was pressed for this long. */
  idleMs: 4000,
  /** A "typing" notice shows this long unless another one, a "stopped" or a message comes first. */
  shownMs: 8000,
};

/** Decides the own typing notices; {@code send(typing)} sends one. */
export class TypingNotices {
  constructor(send, now = Date.now) {
    this.send = send;
    this.now = now;
    this.saidTyping = false;
    this.sentAt = 0;
    this.idleTimer = null;
  }

  /** Called with the text of the box on every key; an emptied box counts as stopping. */
  input(text) {
    clearTimeout(this.idleTimer);
    if (!text || !text.trim()) {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.saidTyping || now - this.sentAt > TYPING.repeatMs) {
      this.saidTyping = true;
      this.sentAt = now;
      this.send(true);
    }
    this.idleTimer = setTimeout(() => this.stop(), TYPING.idleMs);
  }

  /** Typing is over (sent, emptied, idle, or the chat ended): "stopped", if "typing" was said. */
  stop() {
    clearTimeout(this.idleTimer);
    if (!this.saidTyping) return;
    this.saidTyping = false;
    this.send(false);
  }

  /** Forgets a "typing" without saying "stopped" (the chat it was for is gone). */
  cancel() {
    clearTimeout(this.idleTimer);
    this.saidTyping = false;
  }
}

/** Whether the other side is shown as typing; {@code onChange()} is called when that changes by itself. */
export class RemoteTyping {
  constructor(onChange) {
    this.onChange = onChange;
    this.shown = false;
    this.timer = null;
  }

  /** A typing notice arrived. */
  notice(typing) {
    clearTimeout(this.timer);
    this.shown = typing === true;
    if (this.shown) {
      this.timer = setTimeout(() => {
        this.shown = false;
        this.onChange();
      }, TYPING.shownMs);
    }
  }

  /** A message from them, or the end of the chat: they are not typing any more. */
  clear() {
    clearTimeout(this.timer);
    this.shown = false;
  }
}
