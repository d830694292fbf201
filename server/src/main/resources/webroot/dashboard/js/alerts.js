// What tells an agent that something happened while looking elsewhere: a short tone (WebAudio,
// generated here, can be muted), the unread count in the tab title, and a desktop notification
// when permitted.

const MUTE_KEY = 'plauder.dashboard.muted';

export class Alerts {
  constructor() {
    this.audio = null;
    this.muted = localStorage.getItem(MUTE_KEY) === '1';
    this.onchange = () => {}; // the sound's state changed (see `sound`)
    this.ontone = () => {};   // a tone is playing (kind: 'chat' or 'message')
  }

  setMuted(muted) {
    this.muted = muted;
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
    this.onchange();
  }

  /**
   * 'muted' (the agent's choice), 'blocked' (browsers allow audio only after a click or key on
   * the page: after a reload there was none yet) or 'on'.
   */
  get sound() {
    if (this.muted) return 'muted';
    return this.audio && this.audio.state === 'running' ? 'on' : 'blocked';
  }

  /** Browsers only allow audio after a user gesture: call this from one (login, a click, a key). */
  unlock() {
    if (this.audio && this.audio.state === 'running') return;
    if (!this.audio && window.AudioContext) {
      try {
        this.audio = new AudioContext();
        this.audio.onstatechange = () => this.onchange();
      } catch {
        this.audio = null;
      }
    }
    if (this.audio && this.audio.state === 'suspended') this.audio.resume().catch(() => {});
  }

  /** Two quick tones for a new chat, one for a new message; nothing when muted or still blocked. */
  chime(kind) {
    if (this.sound !== 'on') return;
    const notes = kind === 'chat' ? [660, 880] : [740];
    const start = this.audio.currentTime;
    notes.forEach((frequency, i) => {
      const oscillator = this.audio.createOscillator();
      const gain = this.audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const at = start + i * 0.13;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
      oscillator.connect(gain).connect(this.audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.13);
    });    this.ontone(kind);
  }

  title(unread) {
    document.title = unread > 0 ? `(${unread}) Plauder` : 'Plauder';
  }

  get canAskForNotifications() {
    return 'Notification' in window && Notification.permission === 'default';
  }

  askForNotifications() {
    return 'Notification' in window ? Notification.requestPermission() : Promise.resolve('denied');
  }

  /** A desktop notification, only while the dashboard is not in front. */
  notify(title, body, onClick) {
    if (!('Notification' in window) || Notification.permission !== 'granted' || !document.hidden) return;
    const notification = new Notification(title, { body: body.slice(0, 160), tag: 'plauder-' + title });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  }
}
