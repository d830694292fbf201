// REST calls of the dashboard (/api/v1) with the agent's bearer token; the client core does the
// fetching and turns the contract's errors into RequestErrors (`status`, `code`, `message`).

import { callApi } from '../client-core.js';

export function api(method, path, token, body) {
  return callApi(method, path, { token, body });
}
