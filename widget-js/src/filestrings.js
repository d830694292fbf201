// The widget's words about files, in German and English (kept beside strings.js so the file
// feature stays in its own modules).

export const FILE_STRINGS = {
  de: {
    attach: 'Datei anhängen (Bild oder PDF)',
    uploading: (name, percent) => name + ' wird gesendet … ' + percent + ' %',
    cancelUpload: 'Senden abbrechen',
    openImage: (name) => 'Bild öffnen: ' + name,
    download: (name, size) => 'PDF herunterladen: ' + name + ' (' + size + ')',
    closeImage: 'Bild schließen',
    dropHere: 'Datei hier ablegen',
    needsChat: 'Dateien können Sie senden, sobald der Chat begonnen hat.',
    unavailable: 'Die Datei ist nicht mehr verfügbar.',
    error: {
      file_too_large: 'Die Datei ist zu groß.',
      unsupported_file_type: 'Nur Bilder (PNG, JPEG, GIF, WebP) und PDF-Dateien können gesendet werden.',
      rate_limited: 'Zu viele Dateien auf einmal – bitte kurz warten.',
      cancelled: 'Senden abgebrochen.',
    },
  },
  en: {
    attach: 'Attach a file (image or PDF)',
    uploading: (name, percent) => 'Sending ' + name + ' … ' + percent + ' %',
    cancelUpload: 'Cancel sending',
    openImage: (name) => 'Open image: ' + name,
    download: (name, size) => 'Download PDF: ' + name + ' (' + size + ')',
    closeImage: 'Close image',
    dropHere: 'Drop the file here',
    needsChat: 'You can send files once the chat has started.',
    unavailable: 'The file is no longer available.',
    error: {
      file_too_large: 'The file is too large.',
      unsupported_file_type: 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.',
      rate_limited: 'Too many files at once – please wait a moment.',
      cancelled: 'Sending cancelled.',
    },
  },
};

export function fileStringsFor(lang) {
  return FILE_STRINGS[lang] || FILE_STRINGS.en;
}
