// Calls of the REST API (/api/v1): JSON in and out, the bearer token when there is one, and errors
// in the contract's shape turned into RequestErrors.

import { RequestError, failureOfResponse } from './failure.js';

/**
 * Sends {@code body} (when given) as JSON and resolves with the parsed reply, or null for an empty
 * one. No cookies: tokens travel only in the Authorization header, never as ambient credentials.
 */
export async function callApi(method, url, { token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchOrFail(url, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
  });
  return response.json().catch(() => null);
}

/** fetch, with a network failure or an error status as a RequestError. */
export async function fetchOrFail(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new RequestError('network', 'the server cannot be reached');
  }
  if (!response.ok) throw await failureOfResponse(response);
  return response;
}
