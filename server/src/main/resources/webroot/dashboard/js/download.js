// Files the server makes for agents (transcripts, exports). The token goes in the Authorization
// header, so a plain link cannot fetch them: they are fetched here and handed over as a Blob.

import { fetchOrFail } from '../client-core.js';

function fetchAuthorized(path, token) {
  return fetchOrFail(path, { headers: { Authorization: 'Bearer ' + token }, credentials: 'omit' });
}

/** The file name the server suggests in Content-Disposition, else `fallback`. */
function suggestedName(response, fallback) {
  const header = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(header);
  return match ? match[1] : fallback;
}

/**
 * Fetches `path` chunk by chunk into a Blob (so a large export shows its progress through
 * `onProgress(bytes)`), and returns {blob, name}.
 */
export async function fetchFile(path, token, fallbackName, onProgress) {
  const response = await fetchAuthorized(path, token);
  const type = response.headers.get('Content-Type') || 'application/octet-stream';
  const name = suggestedName(response, fallbackName);
  if (!response.body || !onProgress) return { blob: await response.blob(), name };
  const reader = response.body.getReader();
  const chunks = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress(bytes);
  }
  return { blob: new Blob(chunks, { type }), name };
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started from the URL by now; give slow browsers a moment before revoking it
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * Opens a Blob in a tab of its own. The tab is opened at once, while the click still counts as
 * the user's, and pointed at the file when it has arrived; `load` fetches it.
 */
export async function openInTab(load) {
  const tab = window.open('', '_blank');
  try {
    const { blob, name } = await load();
    if (!tab) {
      saveBlob(blob, name); // popups blocked: the file is still the agent's
      return;
    }
    tab.opener = null;
    tab.location.href = URL.createObjectURL(blob);
  } catch (e) {
    if (tab) tab.close();
    throw e;
  }
}

/** "12 KB", "3,4 MB" / "3.4 MB": the agent's language (format.js). */
export { fileSize as sizeText } from './format.js';
