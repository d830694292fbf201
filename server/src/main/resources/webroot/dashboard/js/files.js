// Files in the agent's chats: the thumbnail of an image (opened large in a dialog) or the
// download button of a PDF in a message, and sending a file into the chat in front (attach
// button, drop, paste) with its progress and a cancel button. Files are fetched with the agent's
// token into blob: URLs; nothing the server sends is ever rendered as a page.

import { $, el, show } from './dom.js';
import { t } from './strings.js';
import { fileSize } from './format.js';
import { FileUrls, isImageType, newClientMsgId, sendFile } from '../client-core.js';
import { saveBlob } from './download.js';

let urls = null;
let opener = null;

/** Draws a message's file: a thumbnail button for an image, a download button for a PDF. */
export function attachmentEl(a) {
  const box = el('div', 'message-file');
  if (isImageType(a.type)) {
    const button = el('button', 'thumb');
    button.type = 'button';
    button.setAttribute('aria-label', t('openImage', { name: a.name }));
    button.title = a.name;
    const img = el('img', 'thumb-img');
    img.alt = a.name;
    button.append(img);
    urls.url(a).then((url) => { img.src = url; }, () => button.replaceChildren(el('span', 'muted', t('fileUnavailable'))));
    button.addEventListener('click', () => urls.url(a).then((url) => openLarge(url, a.name, button)));
    box.append(button);
  } else {
    const button = el('button', 'file-link');
    button.append(el('span', 'badge-pdf', 'PDF'), document.createTextNode(a.name + ' · ' + fileSize(a.size)));
    button.type = 'button';
    button.setAttribute('aria-label', t('downloadPdf', { name: a.name, size: fileSize(a.size) }));
    button.addEventListener('click', () => urls.url(a).then((url) => fetch(url)).then((r) => r.blob()).then((blob) => saveBlob(blob, a.name)));
    box.append(button);
  }
  return box;
}

function openLarge(url, name, from) {
  opener = from;
  $('lightbox-image').src = url;
  $('lightbox-image').alt = name;
  $('lightbox').setAttribute('aria-label', name);
  show($('lightbox'), true);
  $('lightbox-close').focus();
}

function closeLarge() {
  show($('lightbox'), false);
  $('lightbox-image').removeAttribute('src');
  if (opener) opener.focus();
}

const ERRORS = { file_too_large: 'fileTooLarge', unsupported_file_type: 'unsupportedFile', cancelled: 'uploadCancelled' };

/**
 * Sending files into the chat in front. {@code activeChat()} is that chat (or null); {@code
 * onError(text)} shows a refusal.
 */
export class Attaching {
  constructor(ctx, activeChat, onError) {
    urls = new FileUrls('', () => ctx.session.token);
    this.ctx = ctx;
    this.activeChat = activeChat;
    this.onError = onError;
    this.upload = null;
    $('attach-button').addEventListener('click', () => $('attach-input').click());
    $('attach-input').addEventListener('change', () => {
      const file = $('attach-input').files[0];
      $('attach-input').value = '';
      if (file) this.send(file);
    });
    $('upload-cancel').addEventListener('click', () => this.upload && this.upload.cancel());
    $('composer-text').addEventListener('paste', (event) => {
      const file = event.clipboardData && event.clipboardData.files[0];
      if (file) {
        event.preventDefault();
        this.send(file);
      }
    });
    const pane = $('chat-pane');
    pane.addEventListener('dragover', (event) => {
      if (event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files')) event.preventDefault();
    });
    pane.addEventListener('drop', (event) => {
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (file) {
        event.preventDefault();
        this.send(file);
      }
    });
    $('lightbox-close').addEventListener('click', closeLarge);
    $('lightbox').addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closeLarge();
      }
    });
  }

  async send(file) {
    const chat = this.activeChat();
    if (!chat || chat.ended || this.upload) return;
    const name = file.name || 'file';
    const progress = (fraction) => {
      const percent = Math.round(fraction * 100);
      $('upload-text').textContent = t('uploadingFile', { name, percent });
      $('upload-bar').value = percent;
    };
    // one id for every try, so a retry after a lost reply cannot post the file twice
    this.upload = sendFile({ base: '', token: this.ctx.session.token, conversationId: chat.conv.id, file,
      clientMsgId: newClientMsgId('f'), onProgress: progress });
    progress(0);
    show($('upload'), true);
    try {
      await this.upload.done; // the message itself arrives as a push, like every other
    } catch (e) {
      this.onError(ERRORS[e.code] ? t(ERRORS[e.code]) : e.message || t('genericError', { code: e.code }));
      if (e.status === 401) this.ctx.failed(e);
    } finally {
      this.upload = null;
      show($('upload'), false);
    }
  }
}
