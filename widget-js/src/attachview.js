// Files in the widget: the attach button and file picker (on phones also the camera), drop and
// paste, the progress of an upload with its cancel button, thumbnails in the log and the large
// view. Names from the network are set as text; images are shown from blob: URLs the widget
// fetched with its token.

import { el, icon } from './dom.js';
import { isImageType, formatSize } from './client/files.js';
import { fileStringsFor } from './filestrings.js';

const CLIP_PATH = 'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z';

/**
 * {@code on.attach(file)} sends one file, {@code on.cancelUpload()} stops it, {@code
 * on.fileUrl(attachment)} is a promise of its blob: URL.
 */
export function createAttachments(lang, root, on) {
  const f = fileStringsFor(lang);
  const input = el('input', { type: 'file', accept: 'image/*,application/pdf', class: 'sr', tabindex: '-1', 'aria-hidden': 'true' });
  const button = el('button', { type: 'button', class: 'attach', 'aria-label': f.attach, title: f.attach }, icon(CLIP_PATH));
  const progressText = el('span', { class: 'upload-text' });
  const bar = el('progress', { max: '100', value: '0', 'aria-hidden': 'true' });
  const cancel = el('button', { type: 'button', class: 'link', text: f.cancelUpload });
  const progress = el('div', { class: 'upload', role: 'status', hidden: true }, progressText, bar, cancel);
  const closeBig = el('button', { type: 'button', class: 'x', 'aria-label': f.closeImage, title: f.closeImage, text: '×' });
  // The large image exists only while it is open: the widget holds no <img> but its thumbnails.
  const lightbox = el('div', { class: 'lightbox', role: 'dialog', 'aria-modal': 'true', 'aria-label': '', hidden: true }, closeBig);
  let opener = null;

  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    if (input.files && input.files[0]) on.attach(input.files[0]);
    input.value = '';
  });
  cancel.addEventListener('click', () => on.cancelUpload());
  function closeLightbox() {
    lightbox.hidden = true;
    lightbox.replaceChildren(closeBig);
    if (opener) opener.focus();
  }
  closeBig.addEventListener('click', closeLightbox);
  lightbox.addEventListener('click', (e) => {
    if (e.target === lightbox) closeLightbox();
  });
  lightbox.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      closeLightbox();
    }
  });

  /** Drop and paste anywhere on {@code panel} send the first file. */
  function listen(panel, textarea) {
    panel.addEventListener('dragover', (e) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files')) {
        e.preventDefault();
        panel.classList.add('dropping');
      }
    });
    panel.addEventListener('dragleave', (e) => {
      if (e.target === panel) panel.classList.remove('dropping');
    });
    panel.addEventListener('drop', (e) => {
      panel.classList.remove('dropping');
      const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (file) {
        e.preventDefault();
        on.attach(file);
      }
    });
    textarea.addEventListener('paste', (e) => {
      const items = e.clipboardData ? Array.from(e.clipboardData.files || []) : [];
      if (items.length) {
        e.preventDefault();
        on.attach(items[0]);
      }
    });
  }

  /** Fills a message bubble with its file: a thumbnail button for an image, a download button for a PDF. */
  function show(bubble, m) {
    const a = m.attachment;
    if (isImageType(a.type)) {
      const img = el('img', { alt: a.name, class: 'thumb-img' });
      const thumb = el('button', { type: 'button', class: 'thumb', 'aria-label': f.openImage(a.name), title: a.name }, img);
      on.fileUrl(a).then((url) => img.setAttribute('src', url), () => thumb.replaceChildren(el('span', { text: f.unavailable })));
      thumb.addEventListener('click', () => on.fileUrl(a).then((url) => {
        opener = thumb;
        lightbox.replaceChildren(closeBig, el('img', { src: url, alt: a.name }));
        lightbox.setAttribute('aria-label', a.name);
        lightbox.hidden = false;
        closeBig.focus();
      }));
      bubble.replaceChildren(thumb);
    } else {
      const file = el('button', { type: 'button', class: 'file' }, el('span', { class: 'badge-pdf', text: 'PDF' }),
        document.createTextNode(a.name + ' · ' + formatSize(a.size, lang)));
      file.setAttribute('aria-label', f.download(a.name, formatSize(a.size, lang)));
      file.addEventListener('click', () => on.fileUrl(a).then((url) => {
        const link = el('a', { href: url, download: a.name, hidden: true });
        root.appendChild(link);
        link.click();
        link.remove();
      }));
      bubble.replaceChildren(file);
    }
  }

  return {
    input,
    button,
    progress,
    lightbox,
    listen,
    show,
    /** The upload under way ({name, fraction}) or null; whether a file can be sent now. */
    render(upload, canAttach) {
      button.hidden = !canAttach;
      progress.hidden = !upload;
      if (upload) {
        const percent = Math.round((upload.fraction || 0) * 100);
        progressText.textContent = f.uploading(upload.name, percent);
        bar.value = percent;
      }
    },
  };
}
