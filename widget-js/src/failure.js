// Errors of requests to the server, with the machine code the widget acts on.

/** A refused request: {@code code} as the server names it ("token_expired", "busy", …) or "disconnected"/"timeout"/"network". */
export class RequestError extends Error {
  constructor(code, message, status) {
    super(message || code);
    this.code = code;
    this.status = status;
  }
}

/** Splits the bridge's "code: sentence" failure message. */
export function failureOf(err) {
  const message = err && typeof err.message === 'string' ? err.message : '';
  const colon = message.indexOf(':');
  const code = colon > 0 ? message.slice(0, colon).trim() : (message || 'internal_error');
  return new RequestError(code, message, err && err.failureCode);
}
