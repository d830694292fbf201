// Errors of requests to the server, bridge and REST alike, with the machine code clients act on.

/**
 * A refused or failed request: {@code code} as the server names it ("token_expired", "busy", …),
 * or "disconnected" / "timeout" / "network" for what went wrong on the way; {@code status} is the
 * HTTP status, or the bridge's failureCode (an HTTP-like status).
 */
export class RequestError extends Error {
  constructor(code, message, status) {
    super(message || code);
    this.code = code;
    this.status = status;
  }

  /** The bridge's name for the status. */
  get failureCode() {
    return this.status;
  }
}

/** Splits the bridge's "code: sentence" failure message of a failed reply. */
export function failureOf(err) {
  const message = err && typeof err.message === 'string' ? err.message : '';
  const colon = message.indexOf(':');
  const code = colon > 0 ? message.slice(0, colon).trim() : (message || 'internal_error');
  return new RequestError(code, message, err && err.failureCode);
}

/** The REST error of a response that is not ok: its {"error": {"code", "message"}}, else the status. */
export async function failureOfResponse(response) {
  let error = null;
  try {
    const body = await response.json();
    error = body && body.error;
  } catch (e) {
    // not JSON (a proxy's error page, say): the status is all there is
  }
  return error && typeof error.code === 'string'
    ? new RequestError(error.code, error.message, response.status)
    : new RequestError('http_' + response.status, response.statusText, response.status);
}

/** The token was refused (expired, invalid, for another audience): a fresh one may help, a resend will not. */
export function isTokenFailure(error) {
  return !!error && typeof error.code === 'string' && error.code.startsWith('token_');
}

/**
 * The request never got an answer, or the server was stopping ({@code shutting_down}: it closes
 * the socket next, and another node answers after the reconnect): the same request may well
 * succeed once the line is back.
 */
export function isLineFailure(error) {
  const code = typeof error === 'string' ? error : error && error.code;
  return code === 'disconnected' || code === 'timeout' || code === 'shutting_down';
}
