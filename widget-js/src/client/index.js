// The client core as one module: the entry point of the dashboard's copy of it
// (dist/dashboard/client-core.js, served at /dashboard/client-core.js). The widget imports the
// modules one by one instead, so that its bundle holds only what it uses.

export { BACKOFF, reconnectDelay } from './backoff.js';
export { BridgeConnection, FLOODING_COOL_DOWN_MS, PING_INTERVAL_MS, REQUEST_TIMEOUT_MS } from './bridge.js';
export { RequestError, failureOf, failureOfResponse, isTokenFailure, isLineFailure } from './failure.js';
export { Outbox, newClientMsgId } from './outbox.js';
export { LINK_REL, linkParts, safeHref } from './links.js';
export { readAllPages } from './paging.js';
export { callApi, fetchOrFail } from './rest.js';
export { Transcript, storedFromAck } from './transcript.js';
export { TYPING, TypingNotices, RemoteTyping } from './typing.js';
export { FILE_ACCEPT, IMAGE_TYPES, isImageType, formatSize, uploadFile, sendFile, FileUrls } from './files.js';
export { AVATAR_COLOURS, initialsOf, colourOf, showFace } from './avatar.js';
export { waitingSince, longestWaitFirst } from './waiting.js';
