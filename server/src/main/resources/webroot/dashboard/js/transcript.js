// One conversation read back: its messages through agent.history, drawn read-only, with buttons
// that download it as JSON, CSV (also with a byte-order mark for Excel) or text, or open it as a printable page.

import { $, el, show, dateTime } from './dom.js';
import { t, lang } from './strings.js';
import { renderMessages } from './chats.js';
import { fetchFile, saveBlob, openInTab } from './download.js';
import { Transcript, readAllPages } from '../client-core.js';

// "CSV (Excel)" is the CSV with a byte-order mark, without which Excel breaks the umlauts.
const FORMATS = [
  { id: 'json', query: 'json', ext: 'json' },
  { id: 'csv', query: 'csv', ext: 'csv' },
  { id: 'csv-excel', query: 'csv&bom=1', ext: 'csv', label: 'CSV (Excel)' },
  { id: 'txt', query: 'txt', ext: 'txt' },
];

/**
 * The printable page as the server wrote it, plus a link to our own copy of its styles: opened
 * from a Blob it runs under the dashboard's CSP, which allows stylesheets of this origin only.
 */
async function withPrintStyles(blob) {
  const html = await blob.text();
  const link = `<link rel="stylesheet" href="${location.origin}/dashboard/transcript-print.css">`;
  const at = html.indexOf('<head>');
  const styled = at < 0 ? link + html : html.slice(0, at + 6) + link + html.slice(at + 6);
  return new Blob([styled], { type: 'text/html' });
}

/** Every message of a conversation, page by page, each seq once. */
export async function loadTranscript(bus, conversationId) {
  const transcript = new Transcript();
  await readAllPages((afterSeq) => bus.request('agent.history', { conversationId, afterSeq }), (reply) => {
    transcript.merge(reply.messages || []);
  });
  return transcript.messages();
}

export function conversationTitle(conv) {
  return conv.visitorName || conv.visitorEmail || t('anonymous', { id: (conv.visitorId || '').slice(-4) });
}

export function conversationMeta(conv) {
  const meta = conv.status === 'offline'
    ? [t('offlineMessageFrom', { email: conv.visitorEmail || '' }), dateTime(conv.createdAt)]
    : [conv.agentName, dateTime(conv.createdAt), conv.closedAt ? t('closedAt', { time: dateTime(conv.closedAt) }) : null,
      conv.rating ? t('rating', { n: conv.rating }) : null];
  return meta.filter(Boolean).join(' · ');
}

/**
 * A transcript drawn into existing elements: `${prefix}-title`, `-meta`, `-log` and `-downloads`
 * (the history pane uses prefix "transcript", the visitor panel's dialog "dialog-transcript").
 */
export class TranscriptView {
  constructor(ctx, prefix) {
    this.ctx = ctx; // {bus, session, failed, toast}
    this.prefix = prefix;
    this.conv = null;
    this.buildDownloads();
  }

  part(name) {
    return $(`${this.prefix}-${name}`);
  }

  buildDownloads() {
    const box = this.part('downloads');
    box.replaceChildren();
    for (const format of FORMATS) {
      const label = format.label || format.id.toUpperCase();
      const button = el('button', 'small', label);
      button.type = 'button';
      button.dataset.format = format.id;
      button.title = t('downloadAs', { format: label });
      button.setAttribute('aria-label', button.title);
      button.addEventListener('click', () => this.download(format));
      box.append(button);
    }
    const printable = el('button', 'small', t('openPrintable'));
    printable.type = 'button';
    printable.dataset.format = 'html';
    printable.addEventListener('click', () => this.openPrintable());
    box.append(printable);
  }

  path(query) {
    // text and printable pages are written in the agent's language
    return `/api/v1/conversations/${encodeURIComponent(this.conv.id)}/transcript?format=${query}&lang=${lang}`;
  }

  async download(format) {
    if (!this.conv) return;
    try {
      const { blob, name } = await fetchFile(this.path(format.query), this.ctx.session.token, `conversation-${this.conv.id}.${format.ext}`);
      saveBlob(blob, name);
    } catch (e) {
      this.downloadFailed(e);
    }
  }

  async openPrintable() {
    if (!this.conv) return;
    try {
      await openInTab(async () => {
        const file = await fetchFile(this.path('html'), this.ctx.session.token, `conversation-${this.conv.id}.html`);
        return { blob: await withPrintStyles(file.blob), name: file.name };
      });
    } catch (e) {
      this.downloadFailed(e);
    }
  }

  downloadFailed(e) {
    if (e.status === 401) this.ctx.failed(e);
    else this.ctx.toast(t('downloadFailed', { code: e.code }), true);
  }

  /** Loads and draws a conversation; `highlightSeq` marks (and scrolls to) one message. Returns false on failure. */
  async show(conv, highlightSeq = null) {
    this.conv = conv;
    let messages;
    try {
      messages = await loadTranscript(this.ctx.bus, conv.id);
    } catch (e) {
      this.ctx.failed(e);
      return false;
    }
    if (this.conv !== conv) return false; // another one was picked meanwhile
    this.part('title').textContent = conversationTitle(conv);
    this.part('meta').textContent = conversationMeta(conv);
    const log = this.part('log');
    renderMessages(log, messages, {}, highlightSeq == null);
    if (highlightSeq != null) {
      const hit = log.querySelector(`[data-seq="${Number(highlightSeq)}"]`);
      if (hit) {
        hit.classList.add('hit');
        hit.scrollIntoView({ block: 'center' });
      }
    }
    show(this.part('downloads'), true);
    return true;
  }
}
