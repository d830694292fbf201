// Files in chats, for the widget and the dashboard alike: uploading one (with progress and a way
// to cancel) and fetching one as a blob: URL to show. Tokens go in the Authorization header, so a
// file is never reachable through a link alone; what the server sends is shown as an image or
// offered as a download, never rendered as a page.

import { RequestError, failureOfResponse } from './failure.js';

/** What the file picker offers; the server decides from the bytes, this only guides the choice. */
export const FILE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** True for the MIME types an attachment is shown as a picture for. */
export function isImageType(type) {
  return IMAGE_TYPES.includes(type);
}

/** A size for people: "820 B", "14 KB", "2.4 MB" (decimal comma in German). */
export function formatSize(bytes, lang) {
  const kb = bytes / 1024;
  const mb = kb / 1024;
  const text = bytes < 1024 ? bytes + ' B' : kb < 1024 ? Math.round(kb) + ' KB' : mb.toFixed(1) + ' MB';
  return lang === 'de' ? text.replace('.', ',') : text;
}

/**
 * Sends {@code file} into the conversation. Resolves with the server's ack (with its
 * {@code attachment}); rejects with a RequestError ({@code file_too_large}, {@code
 * unsupported_file_type}, {@code rate_limited}, …), or code {@code cancelled} after cancel().
 * {@code onProgress(fraction)} follows the bytes sent.
 */
export function uploadFile({ base, token, conversationId, file, clientMsgId, onProgress }) {
  const xhr = new XMLHttpRequest();
  const done = new Promise((resolve, reject) => {
    xhr.open('POST', base + '/api/v1/files?conversationId=' + encodeURIComponent(conversationId));
    xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name || 'file'));
    if (clientMsgId) xhr.setRequestHeader('X-Client-Msg-Id', clientMsgId);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText));
        return;
      }
      reject(await failureOfResponse(new Response(xhr.responseText, { status: xhr.status })));
    };
    xhr.onerror = () => reject(new RequestError('network', 'the server cannot be reached'));
    xhr.onabort = () => reject(new RequestError('cancelled', 'the upload was cancelled'));
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}

/** How often a file is sent when the network fails, and the pause before each next try (1 s, 2 s). */
export const FILE_ATTEMPTS = 3;
export const fileRetryDelay = (attempt) => 1000 * 2 ** attempt;

/**
 * Sends a file as {@link uploadFile} does, under one {@code clientMsgId} for every try: after a
 * network failure (the reply may be lost although the server stored the file) it is sent again
 * with the same id, so the server stores it once and answers the first ack ({@code duplicate}
 * true). Refusals ({@code file_too_large}, …) and a cancel are final. {@code upload} and
 * {@code wait} are the sending and the pause, parameters so that the tests can drive them.
 */
export function sendFile(options, { attempts = FILE_ATTEMPTS, delay = fileRetryDelay, upload = uploadFile,
  wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) } = {}) {
  let current = null;
  let cancelled = false;
  const cancelledError = () => new RequestError('cancelled', 'the upload was cancelled');
  const done = (async () => {
    for (let attempt = 0; ; attempt++) {
      if (cancelled) throw cancelledError();
      current = upload(options);
      try {
        return await current.done;
      } catch (e) {
        if (cancelled || e.code !== 'network' || attempt + 1 >= attempts) throw e;
      }
      await wait(delay(attempt));
    }
  })();
  return { done, cancel: () => { cancelled = true; if (current) current.cancel(); } };
}

/** Fetches attachments as blob: URLs, once each; the token comes from {@code token()} at the time of asking. */
export class FileUrls {
  constructor(base, token) {
    this.base = base;
    this.token = token;
    this.urls = new Map();
  }

  /** A promise of the file's blob: URL. */
  url(attachment) {
    if (!this.urls.has(attachment.id)) {
      const loading = fetch(this.base + '/api/v1/files/' + encodeURIComponent(attachment.id), {
        headers: { Authorization: 'Bearer ' + this.token() }, credentials: 'omit',
      }).then(async (response) => {
        if (!response.ok) throw await failureOfResponse(response);
        // The blob keeps the type the server sniffed, so the browser never guesses.
        return URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: attachment.type }));
      });
      loading.catch(() => this.urls.delete(attachment.id));
      this.urls.set(attachment.id, loading);
    }
    return this.urls.get(attachment.id);
  }
}
